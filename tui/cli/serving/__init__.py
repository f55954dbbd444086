"""Serving the app to web browsers: textual-serve behind Host/Origin checks and a session cap."""

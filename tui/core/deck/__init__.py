"""Decks: the model (`model.py`), finding and parsing deck files, schema checks, verifying every quote against its stored source, and plain-data views for JSON."""

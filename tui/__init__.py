"""factdrill: a terminal fact-check and quiz app whose every fact cites a verified quote."""

__version__ = "0.1.0"

"""Small widgets of the factdrill TUI (the quiz's live in quiz*.py)."""

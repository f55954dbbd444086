"""The domain core: deck model, loading and verification, search, checking, quiz, progress.

Nothing in this package imports Textual; a test enforces it so the CLI, the plain
quiz and the TUI all stand on the same core.
"""

"""What factdrill shows, as Rich renderables and plain text, shared by the CLI and the TUI.

Imports Rich and the core, never Textual (an import-linter contract says so). Deck text
is data: it enters a renderable only through `tui.present.text.safe`, never as markup.
"""

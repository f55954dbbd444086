"""Widgets of the TUI, each with its own look in DEFAULT_CSS where it stands alone."""

"""The TUI's screens: one module per mode (browse, search, quiz) plus detail screens."""

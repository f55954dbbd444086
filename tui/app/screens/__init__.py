"""Screens: one per mode (Browse, Search, Quiz) and the detail screens pushed on top."""

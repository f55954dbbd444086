"""The command line: argument parsing, shared options, one module per subcommand (`main.py` runs them)."""

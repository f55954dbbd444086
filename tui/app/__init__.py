"""The Textual app: `app.py` (modes and navigation), `screens/`, `widgets/`, `styles/`, the palette."""

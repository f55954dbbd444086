"""Making decks from articles: a new deck, importing a source, drafting facts, writing TOML back."""

"""Search: a best-first inverted index (BM25F) over a deck, its vocabulary, query parsing and tokens."""

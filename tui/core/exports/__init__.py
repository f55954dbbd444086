"""A deck's questions for other tools: Moodle GIFT, Anki (.apkg and plain text) and CSV. Pure: deck in, text out."""

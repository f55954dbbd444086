"""A class's drill results: the store (SQLite or PostgreSQL behind one interface) and the teacher's report."""

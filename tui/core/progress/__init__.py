"""Progress: a learner's saved answers, rounds and FSRS schedule (SQLite)."""

"""Classroom drills: the drill file, its round, and taking it with a timer and a results store."""

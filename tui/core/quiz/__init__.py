"""Quizzes: questions from facts, seeded rounds, grading, and the round runner every driver plays through."""

"""Answer checking: the fair checker (`checker.py`) and what it reads answers with (normalising, numbers, dates, quantities, word matching)."""

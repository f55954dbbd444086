"""The domain core, by concern: `deck/` (model, loading, verification), `checking/`, `search/`,
`quiz/`, `progress/`; `session.py` ties one loaded deck to its services, `verdicts.py` names
outcomes and question types.

Nothing here imports Rich or Textual; import-linter contracts enforce it (tests/test_architecture.py).
"""

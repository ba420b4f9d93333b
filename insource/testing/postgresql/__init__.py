"""PostgreSQL for the test suite only: Django's backend, emptied by DELETE (ADR 0049)."""

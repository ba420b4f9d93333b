"""The order tests run in: those that read the real demo register run last.

The real register (`real_register`, root conftest) is loaded once per session and stays in the
test database for the rest of it: reloading 20,000 contracts per test is not affordable. So
that a test which did not ask for it never sees it, whatever order the files are given in, the
tests that ask for it are moved after every other test (after pytest-django's own order:
database tests, then transactional ones, then the rest; the order is otherwise kept). Django's
own runner orders test classes by their isolation in the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

REAL_REGISTER = "real_register"


def reads_real_register(item) -> bool:
    """Whether a collected test asks for the real register (directly or through a fixture)."""
    return REAL_REGISTER in getattr(item, "fixturenames", ())


def real_register_last(items: Sequence) -> list:
    """The tests in the same order, but those that read the real register at the end."""
    return sorted(items, key=reads_real_register)

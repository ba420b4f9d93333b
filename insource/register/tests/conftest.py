"""Fixtures for the register tests: `seeded`, every UK authority seeded before an import."""

from insource.testing.register_imports import seeded  # noqa: F401 (a fixture)

"""Fixtures for the standards tests: `world`, the payroll pages' council, people and contract."""

from insource.testing.payroll import world  # noqa: F401 (a fixture)

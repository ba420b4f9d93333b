"""Fixtures for the transition tests: `world`, a plan decided in house with the sample
employee liability file imported."""

from insource.testing.transition import world  # noqa: F401 (a fixture)

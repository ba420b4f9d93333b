"""Fixtures for the API tests: the small world, clients, and a clean throttle cache."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def _fresh_throttles(settings):
    """Each test starts with empty throttle counters and a rate no test reaches by accident."""
    settings.INSOURCE_API_PUBLIC_RATE = "100000/minute"
    settings.INSOURCE_API_EXPORT_RATE = "100000/minute"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    from insource.testing.open_data import build_world

    return build_world()


@pytest.fixture
def client():
    return APIClient()

"""Fixtures for export tests: the network guard and the small open-data world."""

from __future__ import annotations

import pytest

from insource.testing.network import network_refused


@pytest.fixture
def no_network():
    """Inside the test, any DNS lookup or socket connection fails loudly."""
    with network_refused():
        yield


@pytest.fixture
def world(db):
    from insource.testing.open_data import build_world

    return build_world()

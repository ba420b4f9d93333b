"""Tests that read the real register run last, so no other test sees it (testing/ordering.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from insource.register.models import Contract, Supplier
from insource.testing.ordering import real_register_last


def item(name: str, *fixtures: str) -> SimpleNamespace:
    return SimpleNamespace(name=name, fixturenames=("request", *fixtures))


def test_the_tests_that_read_the_real_register_move_to_the_end_in_their_order():
    items = [
        item("real one", "db", "real_register"),
        item("plain"),
        item("db one", "db"),
        item("real two", "real_register"),
        item("transactional", "transactional_db"),
    ]
    names = [i.name for i in real_register_last(items)]
    assert names == ["plain", "db one", "transactional", "real one", "real two"]


@pytest.mark.django_db
def test_a_test_that_did_not_ask_for_the_real_register_never_sees_it():
    """Whatever order the files are given in (`pytest a_real_test.py this_file.py`)."""
    assert (Contract.objects.count(), Supplier.objects.count()) == (0, 0)

"""Shared test fixtures: the real demo register, loaded once per test session."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

# The register's "today" in tests: the session's real date is irrelevant, time is an argument.
TEST_TODAY = date(2026, 11, 23)
TEST_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def real_register(django_db_setup, django_db_blocker):
    """Every UK local authority and the three real demo sources, imported once.

    Returns the import summaries by source name. Tests must not modify this data outside
    their own transaction (plain `db` tests are rolled back).
    """
    from insource.core.audit import Actor
    from insource.demo.services import demo_load

    with django_db_blocker.unblock():
        result = demo_load(
            by=Actor.system("tests"), at=TEST_NOW, on=TEST_TODAY, screen=False, open_reviews=False
        )
    return result.imports


@pytest.fixture
def system_actor():
    from insource.core.audit import Actor

    return Actor.system("tests")


@pytest.fixture
def officer_login(db):
    """`officer_login(client, user)`: sign `user` in on a test client as an officer past
    two-factor (a confirmed authenticator device, session marked OTP-verified)."""
    from insource.accounts.tests.helpers import officer_login

    return officer_login

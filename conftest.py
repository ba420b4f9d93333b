"""Shared test fixtures: the real demo register, loaded once per test session."""

from __future__ import annotations

import pytest

from insource.testing import TEST_NOW, TEST_TODAY

__all__ = ["TEST_NOW", "TEST_TODAY"]  # tests import them from here too


def pytest_sessionstart(session):
    """The Welsh catalogues compiled before any test renders a page (ADR 0035): `.mo` files
    are not kept in git, and a plain `pytest` must see the same Welsh as `./dev test`."""
    from insource.core.translations import compile_catalogues

    compile_catalogues()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that read the real register run after every other (`insource/testing/ordering.py`):
    the register it loads stays for the session, and no other test may see it."""
    from insource.testing.ordering import real_register_last

    items[:] = real_register_last(items)


@pytest.fixture(scope="session", autouse=True)
def _private_data_dirs(tmp_path_factory):
    """Files the code writes (register uploads, evidence, feed locks) go to this session's own
    temporary directory, never to var/ of the checkout: parallel workers (pytest-xdist, ADR
    0049) and a developer's running site never share them. A test that needs a particular
    folder still sets it with the `settings` fixture."""
    from django.test import override_settings

    root = tmp_path_factory.mktemp("data")
    private = override_settings(
        INSOURCE_UPLOAD_DIR=root / "uploads",
        INSOURCE_EVIDENCE_DIR=root / "evidence",
        INSOURCE_FEED_LOCK_DIR=root / "locks",
    )
    private.enable()
    yield root
    private.disable()


@pytest.fixture(scope="session")
def real_register(django_db_setup, django_db_blocker):
    """Every UK local authority and the three real demo sources, imported once.

    Returns the import summaries by source name. Tests must not modify this data outside
    their own transaction (plain `db` tests are rolled back). The tests that ask for it run
    after every other, so no other test sees it (`insource/testing/ordering.py`).
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
    from insource.testing.sign_in import officer_login

    return officer_login


@pytest.fixture(autouse=True)
def _own_exports_dir(tmp_path_factory):
    """Each test its own open-data files directory (ADR 0047), made only if a test builds
    one: a file built from one test's data is never served to another."""
    from django.test import override_settings

    base = tmp_path_factory.getbasetemp() / "exports"
    _own_exports_dir.count = getattr(_own_exports_dir, "count", 0) + 1
    with override_settings(INSOURCE_EXPORTS_DIR=base / str(_own_exports_dir.count)):
        yield

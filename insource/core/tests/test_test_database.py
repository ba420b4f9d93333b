"""The test suite's PostgreSQL backend (ADR 0049): a flush empties every table by DELETE."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the DELETE flush is PostgreSQL's only"
    ),
]


def test_the_suite_runs_on_the_test_backend_with_commits_not_waiting():
    assert settings.DATABASES["default"]["ENGINE"] == "insource.testing.postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "off"


def test_a_flush_deletes_instead_of_truncating():
    sql = connection.ops.sql_flush(no_style(), ["auth_group", "auth_user_groups"])
    assert sql[0] == "SET CONSTRAINTS ALL DEFERRED;"
    assert sql[1:] == ['DELETE FROM "auth_group";', 'DELETE FROM "auth_user_groups";']
    cascade = connection.ops.sql_flush(no_style(), ["auth_group"], allow_cascade=True)
    assert cascade[0].startswith("TRUNCATE")


def test_a_flush_empties_tables_linked_by_foreign_keys_and_can_reset_ids():
    user = get_user_model().objects.create(username="flush-me")
    group = Group.objects.create(name="flushed")
    user.groups.add(group)  # auth_user_groups refers to both tables
    call_command("flush", verbosity=0, interactive=False, reset_sequences=True)
    assert not get_user_model().objects.exists()
    assert not Group.objects.exists()
    assert Group.objects.create(name="first again").pk == 1

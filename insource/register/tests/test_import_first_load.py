"""A large import into an empty register builds the contracts' indexes and the text search once,
at the end (ADR 0059): afterwards they are the migrations' own, the search finds what it
found, and an import that is rolled back (a dry run, a failure) leaves them as they were."""

import json

import pytest
from django.db import connection

from conftest import TEST_NOW, TEST_TODAY
from insource.demo.services import DATA
from insource.register.models import Contract
from insource.register.services.imports import ImportOptions, register_import
from insource.register.services.writer import BATCH
from insource.register.text_search import words_filter

pytestmark = pytest.mark.django_db(transaction=True)
REAL = DATA / "contracts-finder-ocds" / "contracts_finder_2025_release_package.json"


def _copies(tmp_path, times: int):
    """The real releases `times` over, each copy's ocids and ids made its own."""
    package = json.loads(REAL.read_text())
    releases = package.pop("releases")
    package["releases"] = [
        {**r, "ocid": f"{r['ocid']}-c{n}", "id": f"{r['id']}-c{n}"}
        for n in range(times)
        for r in releases
    ]
    path = tmp_path / f"copies-{times}.json"
    path.write_text(json.dumps(package))
    return path


def _indexes() -> list:
    """The contracts table's indexes, constraints and (SQLite) text-search triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'register_contract'"
                " UNION ALL SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                " WHERE conrelid = 'register_contract'::regclass ORDER BY 1"
            )
        else:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'register_contract'"
                " ORDER BY name"
            )
        return cursor.fetchall()


def test_a_first_load_ends_with_the_migrations_indexes_and_search(seeded, system_actor, tmp_path):
    before = _indexes()
    path = _copies(tmp_path, 8)
    summary = register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert summary.status == "succeeded" and summary.created == 8 * 143 > BATCH
    assert _indexes() == before and len(before) > 10
    found = words_filter(Contract.objects.all(), "cleaning")
    assert found.count() == Contract.objects.filter(title__icontains="cleaning").count() > 0
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # raises if the text index disagrees with the rows
            cursor.execute(
                "INSERT INTO register_contract_text(register_contract_text) VALUES"
                " ('integrity-check')"
            )
    # The next import finds every contract by its key (nothing created twice).
    again = register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert again.unchanged == 8 * 143 and again.created == 0


def test_a_rolled_back_first_load_leaves_the_indexes(seeded, system_actor, tmp_path):
    before = _indexes()
    path = _copies(tmp_path, 8)
    dry = register_import(
        path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY, options=ImportOptions(dry_run=True)
    )
    assert dry.created == 8 * 143 and not Contract.objects.exists()
    assert _indexes() == before

    def fails(items):
        for n, item in enumerate(items):
            if n == 1500:  # after the first batch of contracts is written
                raise RuntimeError("stopped mid-import")
            yield item

    with pytest.raises(RuntimeError):
        register_import(
            path=path,
            by=system_actor,
            at=TEST_NOW,
            on=TEST_TODAY,
            options=ImportOptions(screen=fails),
        )
    assert not Contract.objects.exists() and _indexes() == before

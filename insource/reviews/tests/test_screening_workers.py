"""Screening in worker processes stores exactly what screening in one process stores, and a
first load of the screenings table (indexes built after the rows) what the ordinary path
stores."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from conftest import TEST_NOW
from insource.core import bulk
from insource.register.models import Contract
from insource.reviews.models import Screening
from insource.reviews.selectors import screening_bulk
from insource.reviews.services import screening
from insource.reviews.services.screening import contracts_screen
from insource.testing.factories import (
    AuthorityFactory,
    ContractFactory,
    SupplierFactory,
    empty_register,
)

pytestmark = pytest.mark.django_db
ON = date(2026, 11, 23)
CPVS = ["90911000", "90511000", "85312000", "30192000", "98351000", "79100000", ""]
VALUES = [None, "1000.00", "150000.00", "207720.00", "663540.00", "5193000.00", "12000000.00"]
FIELDS = [f.attname for f in Screening._meta.concrete_fields if f.attname != "id"]


@pytest.fixture
def mixed_register(db):
    """Contracts of four authorities (one an adopter), with public, charity and unknown
    suppliers, values on both sides of the thresholds, ends before, on and after the date."""
    empty_register()
    rnd = random.Random(21)
    council = AuthorityFactory(name="Kent County Council")
    authorities = [
        council,
        AuthorityFactory(policy_preset="labour-2019-local", policy_adopted_on=ON),
        AuthorityFactory(),
        AuthorityFactory(),
    ]
    suppliers = [
        SupplierFactory(name="KENT COUNTY COUNCIL"),
        SupplierFactory(is_vcse=True),
        SupplierFactory(),
    ]
    for _ in range(90):
        end = ON + timedelta(days=rnd.choice([-400, -1, 0, 1, 200, 900, 2000]))
        value = rnd.choice(VALUES)
        contract = ContractFactory(
            buyer=rnd.choice(authorities),
            main_cpv=rnd.choice(CPVS),
            nature=rnd.choice(["services", "goods", "works", ""]),
            is_framework=rnd.random() < 0.2,
            value_inc_vat=None if value is None else Decimal(value),
            is_value_inc_vat_estimate=rnd.random() < 0.3,
            end_on=end,
            max_end_on=end,
        )
        contract.suppliers.set(rnd.sample(suppliers, rnd.randint(0, 2)))


def stored() -> dict[int, tuple]:
    rows = Screening.objects.order_by("contract_id").values_list("contract_id", *FIELDS)
    return {row[0]: row for row in rows}


def screen(system_actor, workers: int):
    return contracts_screen(on=ON, by=system_actor, at=TEST_NOW, workers=workers)


def test_workers_store_every_row_as_one_process_does(mixed_register, system_actor, monkeypatch):
    monkeypatch.setattr(screening, "CHUNK", 7)  # 13 chunks over three workers
    monkeypatch.setattr(bulk, "MANY", 3)  # SQLite: INSERTs of 3 rows, then the odd one
    alone = screen(system_actor, workers=1)
    serial = stored()
    Screening.objects.all().delete()
    parallel = screen(system_actor, workers=3)
    assert stored() == serial
    assert len(serial) == parallel.screened == parallel.created == 90
    same = ("screened", "created", "updated", "unchanged", "adopted", "by_outcome", "by_status")
    assert {k: getattr(parallel, k) for k in same} == {k: getattr(alone, k) for k in same}
    assert len(parallel.by_outcome) >= 3 and 0 < parallel.adopted < 90


def test_a_rerun_in_workers_changes_only_what_changed(mixed_register, system_actor, monkeypatch):
    monkeypatch.setattr(screening, "CHUNK", 10)
    screen(system_actor, workers=2)
    before = stored()
    again = screen(system_actor, workers=2)
    assert (again.created, again.updated, again.unchanged, again.traces_created) == (0, 0, 90, 0)
    assert stored() == before
    contract_id = next(iter(before))
    Screening.objects.filter(contract_id=contract_id).update(facts_sha256="0" * 32, outcome="x")
    fixed = screen(system_actor, workers=2)
    assert (fixed.created, fixed.updated, fixed.unchanged) == (0, 1, 89)
    assert stored() == before


def test_the_command_takes_a_number_of_workers(mixed_register, capsys):
    call_command("reviews", "screen", "--on", "2026-11-23", "--json", "--workers", "2")
    data = json.loads(capsys.readouterr().out)
    assert data["screened"] == data["created"] == 90
    assert Screening.objects.count() == 90


def test_a_number_of_workers_below_one_is_refused(mixed_register):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--workers"):
        call_command("reviews", "screen", "--on", "2026-11-23", "--workers", "0")


# --- a first load builds the table's indexes after its rows (ADR 0056) -----------------------


def table_constraints() -> dict:
    """Every index and constraint of the screenings table as the database describes it."""
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, Screening._meta.db_table)


@pytest.fixture
def spied_loads(monkeypatch) -> list:
    """The models whose indexes were built after their rows, in this test."""
    loads, real = [], bulk.indexes_built_after

    def spy(model):
        loads.append(model)
        return real(model)

    monkeypatch.setattr(bulk, "indexes_built_after", spy)
    return loads


@pytest.mark.django_db(transaction=True)
def test_a_first_load_stores_what_the_ordinary_path_stores(
    mixed_register, system_actor, monkeypatch, spied_loads
):
    monkeypatch.setattr(screening, "CHUNK", 7)
    before = table_constraints()
    first = screen(system_actor, workers=2)
    assert spied_loads == [Screening]
    loaded = stored()
    assert table_constraints() == before
    assert before["screening_once_per_day_and_version"]["unique"]
    assert ["authority_id", "screened_on"] in [c["columns"] for c in before.values()]
    Screening.objects.all().delete()
    monkeypatch.setattr(screening_bulk, "is_first_load", lambda contracts, on: False)
    ordinary = screen(system_actor, workers=2)
    assert stored() == loaded
    assert first.created == ordinary.created == len(loaded) == 90
    assert spied_loads == [Screening]


@pytest.mark.django_db(transaction=True)
def test_after_a_first_load_the_constraints_hold_and_a_rerun_changes_nothing(
    mixed_register, system_actor, spied_loads
):
    screen(system_actor, workers=1)
    again = screen(system_actor, workers=1)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 90)
    assert spied_loads == [Screening]  # the rerun found the date stored: the ordinary path
    row = Screening.objects.values(*FIELDS).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Screening.objects.create(**row)  # the same contract, date and version again
    with pytest.raises(IntegrityError), transaction.atomic():
        Screening.objects.create(**(row | {"screened_on": ON + timedelta(1), "trace_id": 10**9}))


def test_a_first_load_needs_a_nearly_empty_table_nothing_on_the_date_and_its_own_transaction(
    mixed_register, system_actor, spied_loads
):
    contracts = Contract.objects.in_register()
    assert screening_bulk.is_first_load(contracts, ON)
    screen(system_actor, workers=1)  # inside the test's transaction: the ordinary path
    assert spied_loads == []
    assert not screening_bulk.is_first_load(contracts, ON)  # the date is stored
    Screening.objects.update(screened_on=ON - timedelta(1))
    assert not screening_bulk.is_first_load(contracts, ON)  # as many rows as contracts
    Screening.objects.filter(pk__gt=Screening.objects.order_by("pk")[45].pk).delete()
    assert screening_bulk.is_first_load(contracts, ON)


def test_workers_end_even_when_the_parent_handles_sigterm(
    mixed_register, system_actor, monkeypatch
):
    """A parent that handles SIGTERM (the task worker does, to stop gracefully) must not leave
    the pool's workers deaf to the pool's own SIGTERM: the pool's exit holds the queue's lock
    and ends its workers by SIGTERM, so a worker waiting on that lock would keep it waiting for
    ever (seen once in CI). Each worker checks, while screening, that SIGTERM ends it."""
    import signal

    from insource.reviews.services import screening_chunks

    monkeypatch.setattr(screening, "CHUNK", 7)  # 13 chunks: the pool's workers run
    monkeypatch.setattr(screening_chunks, "_screen_in_worker", _screen_hearing_sigterm)
    kept = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        done = screen(system_actor, workers=3)
    finally:
        signal.signal(signal.SIGTERM, kept)
    assert done.screened == done.created == 90


def _screen_hearing_sigterm(chunk):
    """A worker's screening, which first checks that SIGTERM would end the worker."""
    import signal

    from insource.reviews.services.screening_chunks import _WORKER

    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL, "a worker ignores SIGTERM"
    return _WORKER.screen(chunk)

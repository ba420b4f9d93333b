"""Import runs for the register's bad-input tests: every UK authority seeded, the rows an
import may touch counted, a file imported on the tests' date (moved from
`register/tests/test_import_errors.py`)."""

from __future__ import annotations

import pytest

from insource.authorities.models import Authority, BuyerName
from insource.authorities.services.authorities import authorities_seed
from insource.core.models import AuditEvent
from insource.register.models import (
    Contract,
    ContractEvent,
    ImportRun,
    PlannedProcurement,
    Supplier,
)
from insource.register.services.imports import register_import
from insource.testing import TEST_NOW, TEST_TODAY

MODELS = (
    Contract,
    Supplier,
    ContractEvent,
    PlannedProcurement,
    ImportRun,
    Authority,
    BuyerName,
    AuditEvent,
)


@pytest.fixture
def seeded(system_actor):
    authorities_seed(by=system_actor, at=TEST_NOW)


def counts():
    return {m.__name__: m.objects.count() for m in MODELS}


def run(path, system_actor, **kwargs):
    return register_import(path=path, by=system_actor, at=TEST_NOW, on=TEST_TODAY, **kwargs)

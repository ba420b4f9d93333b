"""The register's own OCDS exports import back: export, empty the register, import, and the
same contracts come back (every field the policy reads), from release and record packages.

The register is the real Contracts Finder slice the demo ships (200 releases, 190 ocids).
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.management import call_command

from insource.register.models import Contract
from insource.testing import TEST_TODAY
from insource.testing import factories as f
from insource.testing.factories import empty_register
from insource.testing.real_samples import OCDS_FILE
from insource.testing.register_imports import run

pytestmark = pytest.mark.django_db


POLICY_FIELDS = (
    "ocid",
    "award_id",
    "title",
    "description",
    "buyer_id",
    "buyer_name",
    "reviewing_authority_id",
    "cpv_codes",
    "main_cpv",
    "nature",
    "value_amount",
    "value_currency",
    "value_vat_basis",
    "value_inc_vat",
    "is_value_inc_vat_estimate",
    "awarded_on",
    "start_on",
    "end_on",
    "max_end_on",
    "status",
    "is_framework",
    "is_terminated",
    "needs_officer",
)


def contracts() -> dict:
    """Every contract's policy fields and suppliers, by ocid and award."""
    rows = {}
    for contract in Contract.objects.prefetch_related("suppliers").order_by("pk"):
        fields = {name: getattr(contract, name) for name in POLICY_FIELDS}
        # The suppliers themselves, not `supplier_names`: a source naming one supplier twice
        # (or under names that normalise alike) gives one supplier, listed once in an export.
        fields["suppliers"] = sorted(
            (s.key, s.name, s.company_number, s.is_sme, s.is_vcse) for s in contract.suppliers.all()
        )
        rows[(contract.ocid, contract.award_id)] = fields
    return rows


def exported(kind: str, path) -> dict:
    call_command("export", kind, "--output", str(path), "--base-url", "https://x.example")
    return json.loads(path.read_text())


def reimported(path, system_actor) -> dict:
    empty_register()
    summary = run(path, system_actor)
    assert summary.errors == [], summary.errors[:3]
    return contracts()


@pytest.mark.parametrize(("kind", "key"), [("ocds", "releases"), ("ocds-records", "records")])
def test_an_export_imports_back_as_the_same_contracts(seeded, system_actor, tmp_path, kind, key):
    empty_register()
    assert run(OCDS_FILE, system_actor).errors == []
    before = contracts()
    assert len(before) > 140
    package = exported(kind, tmp_path / "export.json")
    assert len(package[key]) == len({ocid for ocid, _award in before})
    after = reimported(tmp_path / "export.json", system_actor)
    assert after.keys() == before.keys()
    differ = {
        k: {f: (before[k][f], after[k][f]) for f in before[k] if before[k][f] != after[k][f]}
        for k in before
    }
    assert {k: v for k, v in differ.items() if v} == {}


def _releases_of(ocid: str) -> list[dict]:
    package = json.loads(OCDS_FILE.read_text())
    return [r for r in package["releases"] if r["ocid"] == ocid]


def _write(path, records: list[dict]):
    path.write_text(json.dumps({"uri": "https://x.example/r.json", "records": records}))
    return path


def test_a_record_of_embedded_releases_is_merged(seeded, system_actor, tmp_path):
    empty_register()
    ocid = "ocds-b5fd17-3acef0bd-20d7-4df8-bbd7-01a3540dc2d6"
    releases = _releases_of(ocid)
    assert len(releases) > 1
    links = [{"url": f"https://x.example/r.json#{r['id']}", "date": r["date"]} for r in releases]
    path = _write(tmp_path / "records.json", [{"ocid": ocid, "releases": releases + links}])
    assert run(path, system_actor).errors == []
    merged = contracts()
    empty_register()
    package = tmp_path / "releases.json"
    package.write_text(json.dumps({"uri": "https://x.example/p.json", "releases": releases}))
    assert run(package, system_actor).errors == []
    assert contracts() == merged
    assert len(merged) > 1


def test_a_compiled_release_without_ocid_takes_its_records(seeded, system_actor, tmp_path):
    empty_register()
    ocid = "ocds-b5fd17-3acef0bd-20d7-4df8-bbd7-01a3540dc2d6"
    compiled = {k: v for k, v in _releases_of(ocid)[-1].items() if k not in {"ocid", "id"}}
    path = _write(tmp_path / "records.json", [{"ocid": ocid, "compiledRelease": compiled}])
    assert run(path, system_actor).errors == []
    assert {o for o, _a in contracts()} == {ocid}


def test_linked_releases_alone_are_refused_naming_what_to_supply(seeded, system_actor, tmp_path):
    empty_register()
    ocid = "ocds-b5fd17-3acef0bd-20d7-4df8-bbd7-01a3540dc2d6"
    good = {"ocid": ocid, "compiledRelease": _releases_of(ocid)[-1]}
    linked = {"ocid": "ocds-x-1", "releases": [{"url": "https://x.example/r#1", "date": "2025"}]}
    summary = run(
        _write(tmp_path / "records.json", [good, linked, {"ocid": "ocds-x-2"}]), system_actor
    )
    assert [str(e) for e in summary.errors] == [
        "record 2 (ocid ocds-x-1), releases: Record ocds-x-1 has only linked releases: supply"
        " the releases themselves or a compiledRelease (a linked release gives only url, date"
        " and tag)",
        "record 3 (ocid ocds-x-2), compiledRelease: Record ocds-x-2 has no releases and no"
        " compiledRelease: supply one or the other",
    ]
    assert summary.status == "failed"
    assert Contract.objects.count() == 0  # all or nothing


@pytest.mark.parametrize("kind", ["ocds", "ocds-records"])
def test_an_early_termination_survives_the_round_trip(db, system_actor, tmp_path, kind):
    """OCDS `terminated` is also a contract that came to its close: only the one ended early
    (tagged `contractTermination`) comes back terminated."""
    empty_register()
    buyer = f.ContractFactory(
        title="Ended early",
        is_terminated=True,
        status="terminated",
        end_on=TEST_TODAY + timedelta(days=90),
    ).buyer
    f.ContractFactory(
        buyer=buyer, title="Ran its course", status="active", end_on=TEST_TODAY - timedelta(days=30)
    )
    exported(kind, tmp_path / "export.json")
    empty_register()
    assert run(tmp_path / "export.json", system_actor).errors == []
    back = {c.title: (c.is_terminated, c.status) for c in Contract.objects.all()}
    assert back == {"Ended early": (True, "terminated"), "Ran its course": (False, "active")}

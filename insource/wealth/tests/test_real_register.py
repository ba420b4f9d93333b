"""On the real demo register: how many suppliers have a usable postcode, the four councils'
hand-seeded local areas, their figures, the CLI, and the national aggregation's speed."""

from __future__ import annotations

import json
import time
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from insource.authorities.models import Authority
from insource.register.models import Contract
from insource.wealth.districts import LocalMatcher
from insource.wealth.report import authority_wealth
from insource.wealth.selectors import local_area_current, supplier_postcode_coverage
from insource.wealth.spend import spend_of

pytestmark = pytest.mark.django_db
ON = date(2026, 11, 23)


def _run(*args) -> str:
    out = StringIO()
    call_command("wealth", *args, stdout=out)
    return out.getvalue()


def test_most_suppliers_have_a_usable_postcode(real_register):
    c = supplier_postcode_coverage()
    assert c.num_suppliers > 15_000
    # measured on the shipped register: 14,579 of 16,641 (87.6%)
    assert 0.85 < c.num_usable / c.num_suppliers < 0.95
    assert c.by_source["street_address"] > 100  # found in the address when the field is blank
    assert c.num_district_only > 0


def test_the_demo_councils_have_hand_seeded_local_areas(real_register):
    for code in ("LEC", "STS", "SFK", "WAR"):
        area = local_area_current(Authority.objects.get(key=f"la:{code}"))
        assert area.is_seeded_by_hand and "officers should check" in area.reason


def test_staffordshire_figures_add_up(real_register):
    report = authority_wealth(authority=Authority.objects.get(key="la:STS"), on=ON)
    s = report.spend
    # several suppliers share a contract equally (thirds, sevenths): sums agree to the penny
    penny = Decimal("0.01")
    sums = {sum(split.values()).quantize(penny) for split in (s.locality, s.sme, s.vcse)}
    assert s.total > 0 and sums == {s.total.quantize(penny)}
    assert s.locality["local"] > 0 and s.locality["elsewhere"] > 0
    assert report.exclusions.num_frameworks >= 1
    assert report.lm3.lm3 is not None and report.lm3.low <= report.lm3.lm3 <= report.lm3.high


def test_the_report_command(real_register):
    data = json.loads(_run("report", "sts", "--json"))
    assert data["authority"]["code"] == "STS" and data["local_area"]["is_seeded_by_hand"]
    assert set(data["locality"]) >= {"local", "elsewhere", "unknown", "local_share"}
    assert data["contracts"]["num_frameworks_excluded"] >= 1
    assert "whole-life" in data["value_basis"]
    assert [p["tag"] for p in data["lm3"]["parameters"]] == ["DESIGN"] * 3
    text = _run("report", "STS")
    assert "in the area:" in text and "LM3 estimate:" in text and "seeded by hand" in text
    assert "suppliers" in _run("coverage")


def test_the_postcodes_command_names_a_bad_entry_and_changes_nothing(real_register):
    before = local_area_current(Authority.objects.get(key="la:WAR")).entries
    with pytest.raises(CommandError, match="“XY1”: XY is not a UK postcode area"):
        _run("postcodes", "WAR", "--set", "CV34 XY1", "--reason", "typo")
    with pytest.raises(CommandError, match="Enter the reason"):
        _run("postcodes", "WAR", "--set", "CV34")
    with pytest.raises(CommandError, match="no authority has that code"):
        _run("postcodes", "NOPE")
    assert local_area_current(Authority.objects.get(key="la:WAR")).entries == before
    _run("postcodes", "WAR", "--set", "CV34 CV35", "--reason", "test")
    history = json.loads(_run("postcodes", "WAR", "--json"))
    assert history[0]["entries"] == ["CV34", "CV35"] and history[0]["reason"] == "test"
    assert "CV37" in history[0]["removed"]


def test_the_whole_register_aggregates_quickly(real_register):
    contracts = Contract.objects.filter(is_framework=False, value_inc_vat__isnull=False)
    assert contracts.count() > 20_000
    start = time.perf_counter()
    spend = spend_of(contracts, LocalMatcher.of(["ST", "LE"]))
    elapsed = time.perf_counter() - start
    assert spend.total > 0 and len(spend.suppliers) > 10_000
    assert elapsed < 10, f"{elapsed:.1f} s for the national register"

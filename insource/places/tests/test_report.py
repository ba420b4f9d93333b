"""A place's report on the small Staffordshire (insource/testing/places.py): spend by service,
suppliers shared across bodies, contracts ending together, and the savings range against the
hand-worked example; the CLI's JSON and its errors."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from insource.places.ending import add_months
from insource.places.report import place_report
from insource.places.savings import savings_estimate, savings_parameters, yearly_value
from insource.places.selectors import spec_from_text
from insource.testing.places import ON, STAFFORDSHIRE, staffordshire

D = Decimal


def test_the_savings_range_of_a_hand_worked_example():
    """£1,000,000 a year over 5 years: low 5,000,000 × 270m / (5 × 22bn) = £12,272.73;
    high 5,000,000 × 20.6bn / (5 × 410bn) = £50,243.90; to the pound."""
    p = savings_parameters(ON)
    e = savings_estimate(yearly_spend=D(1_000_000), p=p)
    assert (e.low, e.high, e.horizon) == (D(12273), D(50244), 5)
    assert e.low < e.high
    assert p.england_spend == D(410_000_000_000)
    assert [a.key for a in p.anchors if a.is_used] == ["greater-manchester", "national-high"]
    essex = p.anchors[3]
    assert (essex.savings, essex.years, essex.rate) == (D(414_000_000), 6, None)


def test_every_parameter_is_dated_and_cited():
    p = savings_parameters(ON)
    assert len(p.used) == 11
    for used in p.used.values():
        assert used.start == date(2010, 3, 24)
        assert used.citation and used.href.startswith("http")
    assert "Total Place: a whole area approach" in p.used["national_savings_high"].citation


def test_a_contract_s_value_a_year():
    assert yearly_value(D(4_000_000), date(2025, 4, 1), date(2029, 3, 31)) == D(1_000_000)
    assert yearly_value(D(600), date(2026, 4, 1), date(2026, 6, 30)) == D(600)  # under a year
    assert yearly_value(D(600), None, date(2026, 6, 30)) is None
    assert yearly_value(D(600), date(2027, 1, 1), date(2026, 6, 30)) is None


def test_months_are_added_to_the_month_s_last_day():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 3, 31), 12) == date(2028, 3, 31)


@pytest.fixture
def world(db):
    return staffordshire()


def _report(window=12):
    return place_report(spec=spec_from_text(",".join(STAFFORDSHIRE)), on=ON, window_months=window)


def test_the_place_s_savings_range_matches_the_hand_worked_figures(world):
    r = _report()
    assert r.savings.yearly_spend == D(2_000_000)
    assert r.num_running == 4
    assert (r.savings.low, r.savings.high) == (D(24545), D(100488))


def test_spend_by_service_side_by_side(world):
    r = _report()
    refuse = next(s for s in r.services if s.division == "90")
    ids = {k: b.pk for k, b in world["bodies"].items()}
    assert refuse.by_body == {
        ids["sts"]: D(4_000_000),
        ids["taw"]: D(600_000),
        ids["police"]: D(300_000),
        ids["moj"]: D(100_000),
    }
    assert refuse.num_contracts == 4  # the framework is not counted


def test_a_supplier_held_across_bodies(world):
    (row,) = _report().shared_suppliers
    assert row.name == "Biffa Municipal Ltd"
    assert row.spend == D(4_600_000) and row.num_contracts == 2  # Stoke is not in the place


def test_contracts_for_one_service_ending_within_the_window(world):
    c = world["contracts"]
    (group,) = _report(12).groups  # 31 December 2026, 31 March 2027, 30 September 2027
    assert [x.id for x in group.lines] == [
        c["moj_stafford"].pk, c["taw_refuse"].pk, c["police_cleaning"].pk
    ]  # fmt: skip
    (group,) = _report(24).groups  # the county's refuse ends 18 months after the police's
    assert len(group.lines) == 4
    assert _report(1).groups == []  # three and six months apart


def test_cli_json_lists_each_body_with_its_kind_spend_by_service_and_the_range(world):
    out = StringIO()
    call_command("place", "report", ",".join(STAFFORDSHIRE), "--json", "--on", "2026-12-07",
                 stdout=out)  # fmt: skip
    d = json.loads(out.getvalue())
    assert (d["place"]["name"], len(d["place"]["areas"])) == ("Staffordshire", 9)
    kinds = {b["name"]: b["kind"] for b in d["bodies"]}
    assert kinds["Staffordshire Police"] == "police"
    assert kinds["Ministry of Justice"] == "central-government"
    assert kinds["Staffordshire University"] == "other"
    police = next(b for b in d["bodies"] if b["name"] == "Staffordshire Police")
    assert police["services"] == [
        {"division": "90", "service": police["services"][0]["service"], "num_contracts": 1,
         "spend": "300000.00"}
    ]  # fmt: skip
    assert police["services"][0]["service"].startswith("Sewage, refuse, cleaning")
    e = d["savings_estimate"]
    assert (e["is_estimate"], e["low"], e["high"], e["yearly_spend"]) == (
        True, "24545", "100488", "2000000.00"
    )  # fmt: skip
    assert len(e["assumptions"]) == 4 and len(e["parameters"]) == 11
    assert d["ending_together"]["window_months"] == 12


def test_cli_refuses_an_unknown_place_naming_it(db):
    with pytest.raises(CommandError, match="'NOPE' is not the code"):
        call_command("place", "report", "NOPE", stdout=StringIO())
    with pytest.raises(CommandError, match="--window 0"):
        call_command("place", "report", "STS", "--window", "0", stdout=StringIO())

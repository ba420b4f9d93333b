"""The council-owned company and the community or co-operative provider as options, and the
headline that names the option with the lowest central cost honestly (issue 16)."""

from __future__ import annotations

import copy

import pytest

from insource.appraisal.engine import appraise_document
from insource.appraisal.engine.errors import AppraisalInputError
from insource.appraisal.presenters import headline
from insource.testing.appraisal_documents import F1, F2, F3, doc, line

ANNUITY3 = F1 + F2 + F3


def run(d, draws=4000):
    return appraise_document(d, draws=draws, seed=11)


def with_options(d, **options) -> dict:
    d = copy.deepcopy(d)
    for key, lines in options.items():
        d["options"][key] = {"lines": lines}
    return d


def test_a_company_costs_like_in_house_plus_its_overheads_surplus_and_corporation_tax():
    company = [
        line("pay", 100_000),
        line("board", 10_000, category="company_overheads"),
        line("surplus", category="surplus", percent_of=["pay"], rate_pct=2),
        line("ct", category="corporation_tax", percent_of=["surplus"], taxable_share_pct=100),
    ]
    result = run(with_options(doc([line("pay", 100_000)], [line("x", 1)]), company=company))
    # surplus 2% of pay = 2,000 a year; corporation tax at the main rate (25%) on it = 500.
    expected = (100_000 + 10_000 + 2_000 + 500) * ANNUITY3
    assert result["options"]["company"] == pytest.approx(expected, abs=0.05)
    assert result["option_labels"]["company"] == "Council-owned company"
    reads = {p["name"]: p for p in result["parameters"]}
    assert reads["appraisal.corporation_tax_rate"]["value"] == "0.25"
    assert "Finance Act 2021" in reads["appraisal.corporation_tax_rate"]["citation"]


def test_a_taxable_share_scales_the_corporation_tax():
    company = [
        line("surplus", 1_000, category="surplus"),
        line("ct", category="corporation_tax", percent_of=["surplus"], taxable_share_pct=40),
    ]
    result = run(with_options(doc([line("a", 1)], [line("b", 1)]), company=company))
    assert result["options"]["company"] == pytest.approx(1_100 * ANNUITY3, abs=0.05)


def test_corporation_tax_needs_its_share_and_only_its_category_has_one():
    bad = [
        line("pay", 100),
        line("ct", category="corporation_tax", percent_of=["pay"], rate_pct=25),
    ]
    with pytest.raises(AppraisalInputError) as error:
        run(with_options(doc([line("a", 1)], [line("b", 1)]), company=bad))
    assert "taxable_share_pct" in str(error.value)
    misplaced = [line("pay", 100, taxable_share_pct=50)]
    with pytest.raises(AppraisalInputError) as error:
        run(with_options(doc([line("a", 1)], [line("b", 1)]), community=misplaced))
    assert "only a corporation_tax line has this share" in str(error.value)


def test_every_option_has_its_distribution_and_its_chance_of_being_cheapest():
    d = with_options(
        doc([line("a", (90, 100, 110))], [line("b", (95, 105, 115))]),
        shared=[line("c", (80, 120, 160))],
        company=[line("d", (100, 110, 120))],
        community=[line("e", (60, 130, 200))],
    )
    result = run(d)
    keys = {"inhouse", "outsourced", "shared", "company", "community"}
    assert set(result["distribution"]) == set(result["p_cheapest"]) == keys
    assert sum(result["p_cheapest"].values()) == pytest.approx(1.0, abs=0.0002)
    for k in keys:
        spread = result["distribution"][k]
        assert spread["p10"] <= spread["p50"] <= spread["p90"]
    assert set(result["versus_inhouse"]) == keys - {"inhouse"}


def test_the_headline_names_shared_when_shared_is_cheapest():
    """In-house beats outsourcing almost always, but the shared service is cheaper still: the
    headline must name the shared service, not the in-house-versus-outsourced probability."""
    d = doc(
        [line("a", (95, 100, 105))],
        [line("b", (130, 140, 150))],
        shared=[line("c", (75, 80, 85))],
    )
    result = run(d)
    assert result["p_inhouse_cheaper"] > 0.99
    assert result["cheapest_p50"] == "shared"
    assert result["p_cheapest"]["shared"] > 0.99 and result["p_cheapest"]["inhouse"] < 0.01
    shown = headline(result)
    assert shown["cheapest"]["label"] == "Shared service"
    assert [c["key"] for c in shown["chances"]] == ["inhouse", "outsourced", "shared"]
    assert shown["versus"][0]["key"] == "shared" and shown["versus"][0]["probability"] == "0.0%"


def test_the_headline_names_in_house_when_it_is_cheapest():
    result = run(doc([line("a", (95, 100, 105))], [line("b", (130, 140, 150))]))
    assert result["cheapest_p50"] == "inhouse"
    assert headline(result)["cheapest"]["label"] == "In-house"


def test_documents_of_the_first_version_still_run_and_old_runs_still_show():
    result = run(doc([line("a", 100)], [line("b", 120)], shared=[line("c", 90)]))
    assert result["shared_minus_inhouse"] == result["versus_inhouse"]["shared"]
    old = {
        k: v for k, v in result.items() if k not in ("cheapest_p50", "p_cheapest", "versus_inhouse")
    }
    shown = headline(old)
    assert shown["cheapest"]["key"] == "shared" and shown["chances"] == []
    assert shown["versus"][0]["key"] == "shared"

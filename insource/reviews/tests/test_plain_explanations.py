"""Explanations in plain words (issue 18; ADR 0034): for every outcome kind, the structured
explanation reads at 60 or more on Flesch reading ease (textstat), names no engine code, lists
the public interest test's criteria by name in number order, and says what was decided and why
in two sentences."""

from __future__ import annotations

import statistics

import pytest
import textstat

from insource.core import plain_words as plain
from insource.policy.outcomes import OUTCOMES
from insource.policy.standards import ORDER as STANDARD_KEYS
from insource.reviews.decisions.explanation import (
    citation_links,
    explanation,
    explanation_text,
    plain_text,
)
from insource.testing.explanations import every_scenario
from insource.testing.plain_words import codes_in

SCENARIOS = every_scenario()
MIN_READING_EASE = 60


def scores() -> dict[str, list[float]]:
    """Each outcome kind's Flesch reading ease scores, one per scenario reaching it."""
    found: dict[str, list[float]] = {}
    for result in SCENARIOS.values():
        text = explanation_text(explanation(result))
        found.setdefault(result["outcome"] or "none (conflict)", []).append(
            textstat.flesch_reading_ease(text)
        )
    return found


def test_the_scenarios_reach_every_outcome():
    assert {r["outcome"] for r in SCENARIOS.values()} >= set(OUTCOMES)


@pytest.mark.parametrize("name", SCENARIOS)
def test_explanation_reads_easily_and_names_no_code(name):
    view = explanation(SCENARIOS[name])
    text = explanation_text(view)
    assert textstat.flesch_reading_ease(text) >= MIN_READING_EASE, text
    assert codes_in(text) == [], text
    assert len(view["summary"]) == (2 if SCENARIOS[name]["outcome"] else 1)


def test_reading_ease_per_outcome_kind():
    """The figures docs/plain-words.md records: min and median per outcome kind."""
    for outcome, found in scores().items():
        assert min(found) >= MIN_READING_EASE, (outcome, found)
        assert statistics.median(found) >= MIN_READING_EASE


def test_public_interest_criteria_by_name_in_number_order():
    view = explanation(SCENARIOS["pit-partly-failed"])
    criteria = view["criteria"]
    assert [c["key"] for c in criteria] == [f"T{n}" for n in range(1, 11)]
    assert [c["title"] for c in criteria][:2] == ["Clear results", "Enough providers"]
    assert criteria[3]["result"] == "Failed" and criteria[9]["result"] == "Not known yet"
    assert criteria[0]["result"] == "Passed"


def test_an_unclaimed_public_interest_test_lists_no_criteria():
    view = explanation(SCENARIOS["02-refuse-collection-capacity"])  # claimed, T4 failed
    assert view["criteria"][3]["result"] == "Failed"
    assert "The public interest test" in [str(t["name"]) for t in view["tests"]]
    unclaimed = explanation(SCENARIOS["04b-office-cleaning-after-change"])
    assert unclaimed["criteria"] == []
    assert "The public interest test" in [str(t["name"]) for t in unclaimed["not_applied"]]


def test_tests_come_in_the_policys_order_and_what_did_not_apply_is_apart():
    view = explanation(SCENARIOS["01-refuse-collection"])
    names = [str(t["name"]) for t in view["tests"]]
    assert names == [
        "People at risk",
        "The council should run its own services",
        "The public interest test",
    ]
    assert view["tests"][1]["result"] == "Applies: this decides the outcome"
    not_applied = [str(t["name"]) for t in view["not_applied"]]
    assert not_applied[0] == "The law says the council must run it"
    assert "Already run by the public sector" in not_applied
    assert all(t["reason"] for t in view["tests"] + view["not_applied"])


def test_citations_link_the_law():
    view = explanation(SCENARIOS["03-office-cleaning-below"])
    below = next(t for t in view["tests"] if t["id"] == "gateway.below_threshold")
    links = {c["text"]: c["href"] for c in below["citations"]}
    assert (
        links["Procurement Act 2023 Schedule 1"] == "https://www.legislation.gov.uk/ukpga/2023/54"
    )
    assert links["SI 2025/1200"] == "https://www.legislation.gov.uk/uksi/2025/1200"
    presumption = citation_links("Labour 2019 (SEED); POLICY §2 (DESIGN: 36 months)")
    assert [c["text"] for c in presumption] == [
        "The 2019 insourcing policy",
        "The policy, section 2",
    ]


def test_engine_reasons_lose_codes_and_iso_dates():
    text = plain_text("it failed test T4 (better whole-life value for money) on 2029-06-01")
    assert text == "it failed the “Better value” test on 1 June 2029"


def test_the_catalogue_names_everything_the_engine_says():
    assert set(OUTCOMES) <= set(plain.OUTCOMES)
    assert set(STANDARD_KEYS) == set(plain.STANDARDS)
    assert {f"T{n}" for n in range(1, 11)} == set(plain.CRITERIA)
    flags = {f["code"] for r in SCENARIOS.values() for f in r["flags"]}
    assert flags <= set(plain.FLAGS)
    statuses = {r["status"] for r in SCENARIOS.values()}
    assert statuses <= set(plain.STATUSES)
    rules = {e["id"] for r in SCENARIOS.values() for e in r["trace"] if e["step"] != "flags"}
    own_words = ("custom.", "standards.", "value.", "procedure.")  # named elsewhere or by label
    assert {r for r in rules if not r.startswith(own_words)} <= set(plain.RULES)

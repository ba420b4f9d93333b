"""The import's shortcuts change nothing it decides: the framework pattern's lookahead, and the
command line keeping no per-record outcomes (an upload keeps them for its report)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TEST_NOW, TEST_TODAY
from insource.demo.services import DATA
from insource.register.importers.derive import _CENTRAL_PURCHASING
from insource.register.services.imports import ImportOptions, register_import
from insource.testing.fuzzing import EXAMPLES

# The pattern as it was before the lookahead was put in front of it.
PLAIN = re.compile(
    r"\b(ESPO|YPO|NEPO|UK ?SBS|CCS|Crown Commercial Service|Eastern Shires Purchasing"
    r"|Yorkshire Purchasing Organisation|North Eastern Purchasing|Procurement for All"
    r"|Scape|Fusion21|Pagabo|LHC|London Housing Consortium)\b|\bframework\b|\bcall[- ]off\b",
    re.IGNORECASE,
)
NAMES = (
    "ESPO", "YPO", "NEPO", "UK SBS", "UKSBS", "CCS", "Crown Commercial Service", "Scape",
    "Fusion21", "Pagabo", "LHC", "London Housing Consortium", "framework", "call-off", "call off",
)  # fmt: skip
# Letters that case-insensitive matching treats specially (long s, dotless i, Kelvin sign).
ODD = "ſıİK\u212aß"


@settings(max_examples=EXAMPLES * 5, deadline=None, derandomize=True)
@given(
    before=st.text(alphabet=st.sampled_from("ab -.9" + ODD), max_size=4),
    name=st.sampled_from(NAMES),
    case=st.sampled_from((str.upper, str.lower, str.title, str)),
    swap=st.lists(st.tuples(st.integers(0, 30), st.sampled_from("sScCk-_ 1" + ODD)), max_size=2),
    after=st.text(alphabet=st.sampled_from("ab -.9" + ODD), max_size=4),
)
def test_the_framework_pattern_finds_what_the_plain_one_finds(before, name, case, swap, after):
    text = list(case(name))
    for at, letter in swap:
        if at < len(text):
            text[at] = letter
    text = before + "".join(text) + after
    assert bool(_CENTRAL_PURCHASING.search(text)) == bool(PLAIN.search(text))


def test_the_framework_pattern_on_odd_letters():
    for text in ("ſcape", "Fusıon21", "SCAPE.", "xespo", "a framework", "CALL-OFF", ""):
        assert bool(_CENTRAL_PURCHASING.search(text)) == bool(PLAIN.search(text))


REAL = DATA / "contracts-finder-ocds" / "contracts_finder_2025_release_package.json"


@pytest.mark.django_db
def test_outcomes_are_kept_only_when_asked(seeded, system_actor):
    plain = register_import(path=REAL, by=system_actor, at=TEST_NOW, on=TEST_TODAY)
    assert plain.status == "succeeded" and plain.unchanged == 0 and plain.outcomes == []
    asked = register_import(
        path=REAL, by=system_actor, at=TEST_NOW, on=TEST_TODAY, options=ImportOptions(outcomes=True)
    )
    assert asked.unchanged == plain.created
    assert [o[3] for o in asked.outcomes] == ["unchanged"] * plain.created

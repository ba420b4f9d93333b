"""Buyer-name matching on the real register and the real Contracts Finder buyer names.

Pure Python: runs with `pytest -p no:django`.
"""

from __future__ import annotations

import csv
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from insource.authorities.buyer_types import (
    BUYER_TYPES,
    buyer_type_rule,
    classify_buyer,
    is_council_type,
)
from insource.authorities.matching.matcher import BuyerMatcher
from insource.authorities.matching.results import ACCEPT_SCORE, METHODS
from insource.authorities.reference import (
    load_ambiguous_names,
    load_initialisms,
    load_local_authorities,
    load_name_variants,
    load_welsh_names,
)

DEMO = Path(__file__).resolve().parents[2] / "demo" / "data" / "contracts-finder-flattened"
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def matcher():
    return BuyerMatcher.from_reference(load_local_authorities(), load_name_variants())


@pytest.mark.parametrize(
    "name, code, method",
    [
        ("London Borough of Haringey - Parks and Leisure", "HRY", "normalised"),
        ("Sheffield City Council", "SHF", "exact"),
        ("sheffield  city council", "SHF", "exact"),
        ("Kent County Council (Adult Social Care)", "KEN", "normalised"),
        ("Leeds City Council, Children's Services", "LDS", "normalised"),
        ("Suffolk County Council Passenger Transport", "SFK", "normalised"),
        ("Borough Council of King&#039;s Lynn &amp; West Norfolk", "KIN", "normalised"),
        ("Brighton &amp; Hove City Council", "BNH", "normalised"),
        ("Welland Procurement on behalf of Blaby District Council", "BLA", "normalised"),
        ("DUDLEY MBC", "DUD", "normalised"),
        ("Kent bCounty Council (t/a KCS)", "KEN", "normalised"),
        ("NEWCATLE CITY COUNCIL", "NET", "fuzzy"),
        ("Hinkley &amp; Bosworth Borough Council", "HIN", "fuzzy"),
        ("Cambridgeshire & Peterborough Combined Authority", "CPCA", "normalised"),
    ],
)
def test_council_names_land_on_their_council(matcher, name, code, method):
    found = matcher.match(name, date(2021, 6, 1))
    assert (found.code, found.method, found.needs_confirmation) == (code, method, False)
    assert found.confidence >= ACCEPT_SCORE and found.reason


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Homes for Haringey", "housing-association"),
        ("Barnet, Enfield and Haringey Mental Health NHS Trust", "nhs"),
        ("Thame Town Council", "parish-town-council"),
        ("North York Moors National Park Authority", "national-park"),
        ("Avon and Somerset Police", "police"),
        ("Kent Fire &amp; Rescue Service", "fire"),
        ("University of Sheffield", "university"),
        ("Ash Green School (Creative Education Academies Trust)", "school"),
        ("Cheltenham Borough Homes Limited", "housing-association"),
        ("London Luton Airport Limited owned by Luton Council", "company"),
        ("The Borough Council of Bolton on behalf of St Joseph&#039;s RC High School", "school"),
        (
            "Community CVS (Blackburn with Darwen Council for Voluntary Service)",
            "other-public-body",
        ),
    ],
)
def test_other_bodies_never_land_on_a_council(matcher, name, kind):
    found = matcher.match(name, date(2021, 6, 1))
    assert (found.code, found.method, found.buyer_type) == (None, "none", kind)


def test_thame_is_not_thanet(matcher):
    assert matcher.match("Thame Town Council").code is None
    assert matcher.match("Thame Council").code != "THA"
    assert matcher.match("Thanet District Council").code == "THA"


def test_html_entities_are_unescaped(matcher):
    escaped = matcher.match("Telford &amp; Wrekin Council")
    assert escaped.code == matcher.match("Telford & Wrekin Council").code == "TFW"
    assert classify_buyer("Guy&#039;s and St Thomas&#039; NHS Foundation Trust") == "nhs"


def test_same_name_picks_the_authority_alive_on_the_award_date(matcher):
    assert matcher.match("North Yorkshire", date(2019, 5, 1)).code == "NYK"
    assert matcher.match("North Yorkshire", date(2023, 4, 1)).code == "NYE"
    assert matcher.match("Somerset", date(2022, 12, 1)).code == "SOM"
    assert matcher.match("Somerset", date(2024, 1, 1)).code == "SMT"
    assert matcher.match("North Yorkshire").code == "NYE"  # no date: the current one


def test_named_authorities_keep_their_own_code(matcher):
    assert matcher.match("North Yorkshire Council", date(2024, 1, 1)).code == "NYE"
    assert matcher.match("North Yorkshire County Council", date(2019, 1, 1)).code == "NYK"
    old_name = matcher.match("Cumbria County Council", date(2024, 1, 1))
    assert old_name.code == "CMA" and not old_name.needs_confirmation
    too_early = matcher.match("Buckinghamshire Council", date(2019, 5, 1))
    assert too_early.code == "BUC" and too_early.needs_confirmation


def test_successor_follows_replaced_by_as_of_a_date(matcher):
    assert matcher.successor("BKM", date(2020, 3, 31)) == "BKM"
    assert matcher.successor("BKM", date(2020, 4, 1)) == "BUC"
    assert matcher.successor("AYL", TODAY) == "BUC"
    assert matcher.successor("NYK", date(2023, 3, 31)) == "NYK"
    assert matcher.successor("NYK", TODAY) == "NYE"
    assert matcher.successor("TAU", date(2020, 1, 1)) == "SWT"
    assert matcher.successor("TAU", TODAY) == "SMT"  # two steps: Taunton Deane, SW&T, Somerset
    assert matcher.successor("HRY", TODAY) == "HRY"


def test_a_split_authority_has_no_single_successor(matcher):
    assert matcher.successors("CMA", TODAY) == ("CBD", "WAF")
    assert matcher.successor("CMA", TODAY) is None
    assert matcher.successor("CMA", date(2022, 1, 1)) == "CMA"
    assert matcher.successors("NTH", TODAY) == ("NNT", "WNT")


@pytest.mark.parametrize(
    "name, candidate",
    [
        ("Stockton Borough Council", "STT"),
        ("Cambridgeshire County Council and Peterborough City Council", "CAM"),
        ("Nottingham City Council on behalf of Mansfield District Council", "NGM"),
        ("Spaceport Cornwall (Cornwall Council)", "CON"),
        ("Tees Valley Combined Authority Group", "TVCA"),
    ],
)
def test_weak_matches_are_candidates_for_an_officer(matcher, name, candidate):
    found = matcher.match(name, date(2021, 6, 1))
    assert found.code == candidate and found.needs_confirmation
    assert found.confidence < ACCEPT_SCORE and "officer" in found.reason


def test_unmatched_council_names_wait_for_an_officer(matcher):
    found = matcher.match("Nowhere Borough Council", date(2021, 6, 1))
    assert (found.code, found.method, found.needs_confirmation) == (None, "none", True)
    assert matcher.match("").needs_confirmation


def test_no_registered_council_name_reads_as_another_body():
    names = [a.official_name for a in load_local_authorities()]
    names += [name for name, _code in load_name_variants()]
    assert [n for n in names if buyer_type_rule(n)[1]] == []


def test_buyer_types_are_labelled(matcher):
    assert all(label and label[0].isupper() for label in BUYER_TYPES.values())
    kinds = {
        matcher.match(n).buyer_type for n in ("NHS England", "Ofgem", "YPO", "Leeds City Council")
    }
    assert kinds == {"nhs", "central-government", "procurement-consortium", "local-authority"}


@pytest.fixture(scope="module")
def real_rows():
    """(buyer name, award date) for each of the 28,924 buyer rows of the flattened sample."""
    with (DEMO / "awards.csv").open(encoding="utf-8") as handle:
        dates: dict[str, str] = {}
        for row in csv.DictReader(handle):
            dates.setdefault(row["_link_release"], row["date"][:10])
    with (DEMO / "buyer.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    when = {d: date.fromisoformat(d) for d in set(dates.values()) if d}
    return [(r["name"], when.get(dates.get(r["_link_release"], ""))) for r in rows]


def test_real_buyer_names(real_rows):
    matcher = BuyerMatcher.from_reference(load_local_authorities(), load_name_variants())
    started = time.perf_counter()
    results = [(name, matcher.match(name, on)) for name, on in real_rows]
    assert time.perf_counter() - started < 5.0  # about 0.5 s here; generous for slow runners
    distinct = dict(results)
    assert len(results) == 28_924 and len(distinct) == 2_385
    accepted = {n for n, r in distinct.items() if r.code and not r.needs_confirmation}
    assert len(accepted) >= 430  # measured 441 distinct names accepted on a council
    assert sum(1 for n, r in results if r.code and not r.needs_confirmation) >= 8_900  # 9,040
    waiting = [n for n, r in distinct.items() if r.needs_confirmation]
    council_like = [
        n for n in waiting if distinct[n].code or is_council_type(distinct[n].buyer_type)
    ]
    assert 10 <= len(council_like) <= 25  # measured 17 (15 candidates, 2 unmatched council names)
    # Issue 17: every name nobody recognises waits too, council-like or not (measured 140).
    unknown = {n for n, r in distinct.items() if not r.code and not buyer_type_rule(n)[1]}
    assert unknown <= set(waiting) and 120 <= len(waiting) <= 170
    assert {r.method for r in distinct.values()} == set(METHODS)
    guarded = re.compile(r"\bnhs\b|police|town council|parish", re.IGNORECASE)
    assert [n for n in accepted if guarded.search(n)] == []
    assert [n for n, r in distinct.items() if r.code and guarded.search(n)] == []
    kinds = Counter(r.buyer_type for r in distinct.values())
    assert kinds["nhs"] >= 320 and kinds["parish-town-council"] >= 160  # 332 and 167


# -- issue 17: the forms councils really publish under ---------------------------------------------


@pytest.mark.parametrize(
    "name, code",
    [
        ("Bristol CC", "BST"),
        ("LB Hackney", "HCK"),
        ("LB of Hackney", "HCK"),
        ("Hackney LB", "HCK"),
        ("RBKC", "KEC"),
        ("BHCC Housing", "BNH"),
        ("BHCC Property and Design", "BNH"),
        ("BCP Council", "BPC"),
        ("Cyngor Caerdydd", "CRF"),
        ("Cyngor Sir Ceredigion", "CGN"),
        ("Cyngor Dinas Casnewydd", "NWP"),
        ("Cyngor Bwrdeistref Sirol Pen-y-bont ar Ogwr", "BGE"),
        ("Cyngor Dinas a Sir Abertawe", "SWA"),
        ("Bristol CC – Waste Services", "BST"),
        ("Leeds City Council Housing Services", "LDS"),
        ("Kent CC", "KEN"),
        ("Council of the City of Edinburgh", "EDH"),
        ("City and County of Swansea", "SWA"),
        ("Royal Borough of Greenwich", "GRE"),
        ("Wigan MBC", "WGN"),
    ],
)
def test_published_forms_land_on_their_council(matcher, name, code):
    found = matcher.match(name, date(2021, 6, 1))
    assert (found.code, found.needs_confirmation) == (code, False), found.reason
    assert found.confidence >= ACCEPT_SCORE and found.buyer_type == "local-authority"


@pytest.mark.parametrize(
    "name, codes",
    [
        ("Newcastle", {"NET", "NEC"}),
        ("Newcastle Borough Council", {"NET", "NEC"}),
        ("Richmond", {"RIC", "RIH"}),
        ("Richmond Council", {"RIC", "RIH"}),
        ("LBH", {"HCK", "HRY", "HAV", "HIL", "HNS", "HRW"}),
        ("WCC - People Group", {"WSM", "WAR", "WOC", "WOR", "WIL"}),
    ],
)
def test_ambiguous_names_are_never_matched_with_confidence(matcher, name, codes):
    found = matcher.match(name, date(2021, 6, 1))
    assert found.needs_confirmation and found.confidence < ACCEPT_SCORE
    assert found.code in codes and "officer" in found.reason


def test_department_suffixes_do_not_make_a_council_another_body(matcher):
    for name in ("Homes for Haringey", "Cheltenham Borough Homes Limited", "BCP Homes Ltd"):
        assert matcher.match(name).code is None, name


def test_every_welsh_principal_council_has_its_welsh_name(matcher):
    welsh = load_welsh_names()
    councils = {a.code for a in load_local_authorities() if a.nation == "Wales" and a.is_current}
    assert {c for f in welsh for c in f.codes} == councils and len(councils) == 22
    for form in welsh:
        found = matcher.match(form.name, TODAY)
        assert (found.code, found.method, found.confidence) == (form.codes[0], "exact", 100.0)
        assert "Welsh" in found.reason and form.source


def test_shipped_forms_are_cited_and_name_registered_councils():
    codes = {a.code for a in load_local_authorities()}
    for form in load_initialisms() + load_ambiguous_names():
        assert form.source and set(form.codes) <= codes, form
        assert (len(form.codes) > 1) == form.source.startswith(("ambiguous", "'")), form


def test_an_unknown_name_waits_with_its_best_suggestions(matcher):
    found = matcher.match("Leidos Supply")
    assert (found.code, found.needs_confirmation) == (None, True)
    richmond = matcher.suggest("Richmond", date(2021, 6, 1))
    assert {s.code for s in richmond} >= {"RIC", "RIH"} and len(richmond) <= 3
    assert all(s.why and 0 < s.score <= 100 for s in richmond)
    assert [s.score for s in richmond] == sorted((s.score for s in richmond), reverse=True)
    assert matcher.suggest("Stockton Borough Council")[0].code == "STT"

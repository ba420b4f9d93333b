"""The LM3 estimate worked by hand, and its parameters: dated, cited, tagged DESIGN."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from insource.wealth.lm3 import NONE, lm3_estimate, lm3_parameters

D = Decimal
P = lm3_parameters(date(2026, 11, 23))


def test_the_defaults_are_cited_and_tagged():
    assert [a.value for a in P.all] == [D("0.76"), D("0.36"), D("0.50")]
    assert {a.tag for a in P.all} == {"DESIGN"}
    assert "Northumberland" in P.local.citation and P.local.href.startswith("https://")
    assert "Money Trail" in P.respend.citation
    assert not any(a.is_override for a in P.all)


def test_all_spend_located():
    # round 1 £200k; round 2 = 100k x 0.76 + 100k x 0.36 = 112k; round 3 = 112k x 0.5 = 56k
    # LM3 = (200 + 112 + 56) / 200 = 1.84, and no range: nothing is unknown
    e = lm3_estimate(local=D(100_000), elsewhere=D(100_000), unknown=D(0), p=P)
    assert (e.round1, e.round2, e.round3) == (D(200_000), D(112_000), D(56_000))
    assert (e.lm3, e.low, e.high) == (D("1.84"), None, None)


def test_unknown_spend_is_placed_like_the_known_and_gives_a_range():
    # known £400k is 25% local, so the £100k unknown counts £25k local, £75k elsewhere:
    # round 2 = 125k x 0.76 + 375k x 0.36 = 95k + 135k = 230k; round 3 = 115k
    # LM3 = (500 + 230 + 115) / 500 = 1.69
    # low (unknown all elsewhere): (100k x 0.76 + 400k x 0.36) x 1.5 = 330k -> 830/500 = 1.66
    # high (unknown all local): (200k x 0.76 + 300k x 0.36) x 1.5 = 390k -> 890/500 = 1.78
    e = lm3_estimate(local=D(100_000), elsewhere=D(300_000), unknown=D(100_000), p=P)
    assert (e.round2, e.round3) == (D(230_000), D(115_000))
    assert (e.lm3, e.low, e.high) == (D("1.69"), D("1.66"), D("1.78"))


def test_with_no_location_known_only_the_range_is_given():
    # low: 200k x 0.36 x 1.5 = 108k -> 1.54; high: 200k x 0.76 x 1.5 = 228k -> 2.14
    e = lm3_estimate(local=D(0), elsewhere=D(0), unknown=D(200_000), p=P)
    assert (e.lm3, e.low, e.high) == (None, D("1.54"), D("2.14"))


def test_a_contracts_survey_replaces_the_defaults():
    # supplier spends 90% locally, its staff re-spend 60%: round 2 = 180k, round 3 = 108k
    # LM3 = (200 + 180 + 108) / 200 = 2.44, wherever the supplier is registered
    p = P.overridden(supplier_share=D("0.9"), respend=D("0.6"), note="survey of May 2027")
    e = lm3_estimate(local=D(0), elsewhere=D(200_000), unknown=D(0), p=p)
    assert e.lm3 == D("2.44")
    assert p.respend.is_override and p.respend.citation == "survey of May 2027"
    assert p.respend.tag == "SURVEY"
    only_respend = P.overridden(respend=D("0"))
    assert only_respend.local.value == D("0.76") and only_respend.respend.value == 0


def test_estimates_add_up_round_by_round():
    a = lm3_estimate(local=D(100_000), elsewhere=D(100_000), unknown=D(0), p=P)
    b = lm3_estimate(local=D(0), elsewhere=D(0), unknown=D(200_000), p=P)
    total = NONE + a + b
    assert total.round1 == D(400_000) and total.unknown == D(200_000)
    # rounds 2+3: a 168k; b 108k (low) or 228k (high)
    # low = (400 + 168 + 108) / 400 = 1.69; high = (400 + 168 + 228) / 400 = 1.99
    assert (total.low, total.high) == (D("1.69"), D("1.99"))
    assert NONE.lm3 is None and NONE.low is None


def test_a_measured_round_2_share_is_one_assumption():
    p = P.overridden(supplier_share=D("0.68"), note="supplier survey")
    assert [a.value for a in p.all] == [D("0.68"), D("0.50")]
    assert p.all[0].description.startswith("LM3 round 2, measured")
    assert len(P.overridden(respend=D("0.3"), note="staff survey").all) == 3

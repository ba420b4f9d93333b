"""Shares of spend worked by hand (insource/testing/wealth.py has the table): unknowns
kept apart, frameworks and contracts without a value left out, several suppliers split
equally, other authorities' contracts never counted; the LM3 estimate with and without an
officer's measured shares; one contract's figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from conftest import TEST_NOW
from insource.core.audit import Actor
from insource.testing.factories import empty_register
from insource.testing.wealth import wealthshire
from insource.wealth.report import authority_wealth, contract_wealth
from insource.wealth.services import WealthFigures, contract_wealth_record

pytestmark = pytest.mark.django_db
D = Decimal
ON = date(2026, 11, 23)


@pytest.fixture
def shire():
    empty_register()
    return wealthshire()


def test_shares_by_locality_sme_and_vcse_keep_the_unknown_apart(shire):
    authority, _ = shire
    s = authority_wealth(authority=authority, on=ON).spend
    assert s.total == D(2_500_000)
    assert s.locality == {"local": D(1_600_000), "elsewhere": D(300_000), "unknown": D(600_000)}
    assert s.sme == {"yes": D(1_400_000), "no": D(300_000), "unknown": D(800_000)}
    assert s.vcse == {"yes": D(700_000), "no": D(1_300_000), "unknown": D(500_000)}
    assert s.num_unnamed == 1
    assert (len(s.suppliers), sum(s.suppliers.values())) == (5, 4)


def test_frameworks_and_contracts_without_a_value_are_left_out_and_counted(shire):
    authority, _ = shire
    ex = authority_wealth(authority=authority, on=ON).exclusions
    assert (ex.num_contracts, ex.num_frameworks, ex.num_no_value, ex.num_counted) == (7, 1, 1, 5)
    assert ex.framework_value == D(5_000_000)


def test_spend_by_service_and_locality(shire):
    authority, _ = shire
    services = authority_wealth(authority=authority, on=ON).spend.services
    assert dict(services) == {
        "90": {"local": D(1_000_000), "elsewhere": D(0), "unknown": D(400_000)},
        "85": {"local": D(300_000), "elsewhere": D(300_000), "unknown": D(0)},
        "77": {"local": D(300_000), "elsewhere": D(0), "unknown": D(200_000)},
    }


def test_lm3_with_the_defaults(shire):
    authority, _ = shire
    e = authority_wealth(authority=authority, on=ON).lm3
    # known £1.9m is 1.6/1.9 local; round 2 = 2.5m x 1.6/1.9 x 0.76 + 2.5m x 0.3/1.9 x 0.36
    #   = 1,600,000 + 142,105.26 = 1,742,105.26; round 3 = 871,052.63
    # LM3 = (2,500,000 + 1,742,105.26 + 871,052.63) / 2,500,000 = 2.045 -> 2.05
    # low: (1.6m x 0.76 + 0.9m x 0.36) x 1.5 = 2.31m -> 1.92;
    # high: (2.2m x 0.76 + 0.3m x 0.36) x 1.5 = 2.67m -> 2.07
    assert e.round2.quantize(D("0.01")) == D("1742105.26")
    assert (e.lm3, e.low, e.high) == (D("2.05"), D("1.92"), D("2.07"))


def test_an_officers_measured_shares_replace_the_defaults_for_their_contract(shire):
    authority, c = shire
    figures = WealthFigures(
        supplier_local_share=D("0.5"), respend_local_share=D("0.4"), source_note="survey"
    )
    contract_wealth_record(
        authority=authority, contract=c["care"], figures=figures, by=Actor.system("t"), at=TEST_NOW
    )
    report = authority_wealth(authority=authority, on=ON)
    # care (£600k): round 2 = 300k, round 3 = 120k. The rest: local 1.3m, unknown 0.6m, all
    # known spend local: round 2 = 1.9m x 0.76 = 1.444m, round 3 = 0.722m.
    # LM3 = (2.5 + 1.744 + 0.842) / 2.5 = 2.03; low (2.5 + 1.806 + 0.42) / 2.5 = 1.89
    assert report.num_measured == 1
    assert (report.lm3.lm3, report.lm3.low, report.lm3.high) == (D("2.03"), D("1.89"), D("2.03"))
    public = authority_wealth(authority=authority, on=ON, with_officer_figures=False)
    assert (public.num_measured, public.lm3.lm3, public.jobs) == (0, D("2.05"), None)


def test_local_jobs_where_known(shire):
    authority, c = shire
    by = Actor.system("t")
    for name, figures in (
        ("refuse", WealthFigures(num_jobs=40, num_local_jobs=30)),
        ("cleaning", WealthFigures(num_jobs=10)),
    ):
        contract_wealth_record(
            authority=authority, contract=c[name], figures=figures, by=by, at=TEST_NOW
        )
    jobs = authority_wealth(authority=authority, on=ON).jobs
    assert vars(jobs) == {
        "num_contracts": 2,
        "num_jobs": 50,
        "num_local_jobs": 30,
        "num_contracts_local": 1,
    }


def test_one_contracts_figures(shire):
    authority, c = shire
    view = contract_wealth(authority=authority, contract=c["care"], on=ON)
    assert [(line.supplier.name, line.locality, line.amount) for line in view.lines] == [
        ("Potteries Care Services Ltd (WLT)", "elsewhere", D(300_000)),
        ("Stafford Home Care CIC (WLT)", "local", D(300_000)),
    ]
    assert view.lines[1].postcode.text == "ST17 2XY"
    # round 2 = 300k x 0.76 + 300k x 0.36 = 336k; round 3 = 168k; (600+336+168)/600 = 1.84
    assert view.lm3.lm3 == D("1.84")
    framework = contract_wealth(authority=authority, contract=c["framework"], on=ON)
    assert framework.spend.total == D(5_000_000) and framework.contract.is_framework
    assert contract_wealth(authority=authority, contract=c["no_value"], on=ON).lm3 is None


def test_another_authoritys_contract_is_not_shown(shire):
    authority, c = shire
    from insource.authorities.models import Authority

    other = Authority.objects.get(key="la:WLX")
    assert contract_wealth(authority=other, contract=c["care"], on=ON) is None
    assert authority_wealth(authority=other, on=ON).spend.locality["unknown"] == D(9_999_999)


def test_without_a_local_area_every_location_is_unknown(shire):
    from insource.authorities.models import Authority

    other = Authority.objects.get(key="la:WLX")
    report = authority_wealth(authority=other, on=ON)
    assert report.area is None and report.spend.locality["local"] == 0
    assert report.lm3.lm3 is None and report.lm3.low is not None

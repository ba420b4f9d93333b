"""Green Book discount factors against the published table (Annex A6: 3.5% for years 0-30,
3.0% for 31-75, 2.5% for 76-125...), compounding band by band."""

from datetime import date

import pytest

from insource.appraisal.engine import AppraisalInputError, discount_factors
from insource.appraisal.engine.discounting import parse_schedule
from insource.appraisal.engine.parameters import appraisal_parameters

ON = date(2026, 11, 23)


@pytest.fixture(scope="module")
def factors():
    return discount_factors(130, appraisal_parameters(ON).bands)


@pytest.mark.parametrize(
    ("year", "published"),
    [(0, 1.0), (1, 0.9662), (2, 0.9335), (5, 0.8420), (10, 0.7089), (20, 0.5026), (30, 0.3563)],
)
def test_years_0_to_30_at_3_5_percent(factors, year, published):
    assert round(factors[year], 4) == published


def test_year_31_is_year_30_discounted_at_3_percent(factors):
    # 0.356278 / 1.03 = 0.345901 (the table's 0.3459)
    assert round(factors[31], 4) == 0.3459
    assert factors[31] == pytest.approx(factors[30] / 1.03, rel=1e-12)


def test_later_bands(factors):
    assert factors[75] == pytest.approx(1.035**-30 * 1.03**-45, rel=1e-12)
    assert factors[76] == pytest.approx(factors[75] / 1.025, rel=1e-12)
    assert factors[126] == pytest.approx(factors[125] / 1.02, rel=1e-12)
    assert round(factors[75], 4) == 0.0942


def test_the_list_has_n_plus_one_factors_year_0_first(factors):
    assert len(factors) == 131 and factors[0] == 1.0


def test_parameters_are_read_with_their_citations():
    params = appraisal_parameters(ON)
    names = {r["name"]: r for r in params.reads}
    assert "Green Book" in names["appraisal.discount_rate"]["citation"]
    assert "optimism bias" in names["appraisal.optimism_bias.upper"]["citation"]
    assert params.optimism_upper["outsourcing"] == 0.41
    assert params.optimism_lower["standard_buildings"] == 0.02
    assert params.charitable_relief == 0.8 and params.vat_rate == 0.2


def test_before_the_2003_green_book_there_is_no_rate():
    with pytest.raises(AppraisalInputError, match="appraisal_on"):
        appraisal_parameters(date(2001, 1, 1))


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["0-30:3.5%"], "FROM-TO:RATE"),
        (["0-30:0.035", "40-:0.03"], "does not start at year 31"),
        (["0-30:0.035"], "open-ended"),
    ],
)
def test_a_bad_schedule_is_refused_with_the_fix(items, message):
    with pytest.raises(AppraisalInputError, match=message):
        parse_schedule(items)

"""Net present cost of hand-worked cases (factors 1/1.035^t, worked to 9 places)."""

import pytest

from insource.appraisal.engine import appraise_document
from insource.testing.appraisal_documents import F1, F2, F3, doc, line

ANNUITY3 = F1 + F2 + F3  # 2.801636981


def run(d, **kw):
    return appraise_document(d, draws=kw.pop("draws", 1000), seed=kw.pop("seed", 7), **kw)


def costs(inhouse, outsourced=None, **top):
    result = run(doc(inhouse, outsourced or [line("x", 0)], **top))
    return result["options"]["inhouse"], result


def test_an_annual_cost_over_three_years():
    npc, _ = costs([line("pay", 100_000)])
    assert npc == pytest.approx(280_163.70, abs=0.01)


def test_a_one_off_cost_in_year_0_is_not_discounted_and_in_year_2_is():
    npc, _ = costs(
        [line("a", 50_000, timing="one_off"), line("b", 10_000, timing="one_off", year=2)]
    )
    assert npc == pytest.approx(50_000 + 9_335.11, abs=0.01)


def test_a_percentage_of_pay_follows_its_years():
    npc, result = costs([line("pay", 100_000), line("lgps", None, percent_of=["pay"], rate_pct=20)])
    assert npc == pytest.approx(280_163.70 * 1.2, abs=0.01)
    by_id = {r["id"]: r["present_value"] for r in result["lines"]}
    assert by_id["lgps"] == pytest.approx(56_032.74, abs=0.01)


def test_real_escalation_compounds_from_the_base_year():
    npc, _ = costs([line("fuel", 100_000, to_year=2, real_escalation_pct=2)])
    # 100,000 × (1.02/1.035 + 1.02²/1.035²) = 98,550.72 + 97,122.45
    assert npc == pytest.approx(195_673.17, abs=0.01)


def test_nominal_indexation_is_made_real_with_the_deflator():
    npc, _ = costs(
        [line("price", 100_000, to_year=1, nominal_indexation_pct=3)], gdp_deflator_pct=2
    )
    # 100,000 × (1.03/1.02) / 1.035 = 100,000 × 1.0098039 × 0.9661836
    assert npc == pytest.approx(97_565.60, abs=0.01)


def test_optimism_bias_upper_bound_less_mitigation():
    npc, _ = costs(
        [line("ops", 100_000, optimism_bias="outsourcing", optimism_bias_mitigation_pct=50)]
    )
    assert npc == pytest.approx(280_163.70 * (1 + 0.41 * 0.5), abs=0.01)


def test_optimism_bias_never_falls_below_the_lower_bound():
    line_ = line(
        "build",
        1_000_000,
        timing="one_off",
        optimism_bias="standard_buildings",
        optimism_bias_mitigation_pct=100,
    )
    npc, _ = costs([line_])
    assert npc == pytest.approx(1_020_000, abs=0.01)


def test_income_and_residual_value_count_against_the_cost():
    npc, _ = costs(
        [
            line("pay", 100_000),
            line("trade", 10_000, category="income"),
            line("resale", 20_000, category="residual_value", timing="one_off", year=3),
        ]
    )
    assert npc == pytest.approx(280_163.70 - 28_016.37 - 20_000 * F3, abs=0.01)


def test_charitable_relief_takes_80_percent_off_business_rates():
    npc, _ = costs([line("rates", 50_000, category="business_rates", charitable_relief=True)])
    assert npc == pytest.approx(50_000 * 0.2 * ANNUITY3, abs=0.01)


def test_irrecoverable_vat_is_the_vat_rate_times_the_share_of_the_price():
    outsourced = [
        line("price", 1_000_000),
        line("margin", None, category="profit_margin", percent_of=["price"], rate_pct=10),
        line(
            "vat",
            None,
            category="vat",
            percent_of=["price", "margin"],
            irrecoverable_vat_share_pct=5,
        ),
    ]
    result = run(doc([line("x", 0)], outsourced))
    # 1,100,000 a year × 20% VAT × 5% irrecoverable = 11,000 a year
    assert result["options"]["outsourced"] == pytest.approx(1_111_000 * ANNUITY3, abs=0.01)


def test_the_difference_is_outsourced_minus_inhouse():
    result = run(doc([line("a", 100_000)], [line("b", 110_000)]))
    assert result["difference"] == pytest.approx(28_016.37, abs=0.01)
    assert result["p_inhouse_cheaper"] == 1.0


def test_cash_flows_add_up_to_the_net_present_cost():
    _, result = costs(
        [
            line("pay", 100_000, real_escalation_pct=1),
            line("lgps", None, percent_of=["pay"], rate_pct=19.5),
            line("mob", 40_000, timing="one_off"),
        ]
    )
    flows = result["cash_flows"]["inhouse"]
    assert [f["year"] for f in flows] == [0, 1, 2, 3]
    assert flows[0]["cost"] == 40_000
    assert flows[1]["cost"] == pytest.approx(100_000 * 1.01 * 1.195, abs=0.01)
    assert sum(f["present_value"] for f in flows) == pytest.approx(result["options"]["inhouse"])


def test_a_shared_option_is_compared_with_inhouse_too():
    result = run(doc([line("a", 100)], [line("b", 120)], shared=[line("c", 90)]))
    assert set(result["options"]) == {"inhouse", "outsourced", "shared"}
    assert result["shared_minus_inhouse"]["p_inhouse_cheaper"] == 0.0

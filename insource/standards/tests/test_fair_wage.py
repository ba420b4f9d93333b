"""The fair wage check (MS1) around the 2026-05-01 uplift, the NLW floor, and the CLI."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from insource.policy.fair_wage import rates_on
from insource.standards.payroll.fair_wage import check_return, check_worker
from insource.standards.payroll.returns import REQUIRED, Worker

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "payroll-return-sample.csv"


def worker(rate, on, *, london=False, hours="160", full=True) -> Worker:
    hours = Decimal(hours)
    return Worker(
        row=2,
        worker_ref="W1",
        role="Cleaner",
        gender="F",
        is_london=london,
        period_start=on.replace(day=1),
        period_end=on,
        hours=hours,
        ordinary_pay=Decimal(rate) * hours,
        bonus_pay_12m=Decimal(0),
        is_subcontractor=False,
        is_full_pay_relevant=full,
    )


def test_rates_either_side_of_the_2026_uplift():
    # announced 2025-10-22, required from 2026-05-01: £13.45 UK, £14.80 London
    april = rates_on(date(2026, 4, 30), is_london=False)
    # RLW required then is £12.60, but the NLW from 2026-04-01 is £12.71: the floor applies
    assert (april.required, april.announced, april.nlw) == (
        Decimal("12.71"),
        Decimal("13.45"),
        Decimal("12.71"),
    )
    assert april.required_basis.startswith("National Living Wage")
    assert april.announced_required_from == date(2026, 5, 1)
    may = rates_on(date(2026, 5, 1), is_london=False)
    assert (may.required, may.announced) == (Decimal("13.45"), None)
    london = rates_on(date(2026, 4, 30), is_london=True)
    assert (london.required, london.announced) == (Decimal("13.85"), Decimal("14.80"))
    assert rates_on(date(2026, 5, 1), is_london=True).required == Decimal("14.80")


def test_uk_worker_on_13_is_uplift_due_in_april_and_below_rate_in_may():
    # 30 April 2026: required £12.71 (NLW floor), announced £13.45 -> uplift due £0.45/h
    april = check_worker(worker("13.00", date(2026, 4, 30)))
    assert april["status"] == "uplift due"
    assert (april["uplift_per_hour"], april["shortfall_per_hour"]) == ("0.45", "0.00")
    # 31 May 2026: required £13.45 -> short £0.45/h × 160 h = £72.00
    may = check_worker(worker("13.00", date(2026, 5, 31)))
    assert may["status"] == "below rate"
    assert (may["shortfall_per_hour"], may["shortfall_per_period"]) == ("0.45", "72.00")
    assert may["below_national_living_wage"] is False


def test_london_worker_around_the_boundary():
    # £14.00 in London: 30 April required £13.85, announced £14.80 -> uplift due £0.80/h;
    # 1 May required £14.80 -> short £0.80/h × 100 h = £80.00
    april = check_worker(worker("14.00", date(2026, 4, 30), london=True, hours="100"))
    assert (april["status"], april["uplift_per_hour"]) == ("uplift due", "0.80")
    may = check_worker(worker("14.00", date(2026, 5, 1), london=True, hours="100"))
    assert (may["status"], may["shortfall_per_period"]) == ("below rate", "80.00")
    assert may["rate_basis"] == "Real Living Wage (London)"


def test_never_below_the_national_living_wage():
    # 15 April 2026: RLW required £12.60 but NLW £12.71; paid £12.65 -> short £0.06/h
    result = check_worker(worker("12.65", date(2026, 4, 15), hours="100"))
    assert result["applicable_rate"] == "12.71"
    assert (result["status"], result["shortfall_per_hour"]) == ("below rate", "0.06")
    assert result["shortfall_per_period"] == "6.00"
    assert result["below_national_living_wage"] is True


def test_uplift_due_only_from_the_announcement():
    # £12.65 UK: 21 Oct 2025 required £12.60 (NLW £12.21), nothing announced -> ok;
    # 22 Oct 2025 £13.45 announced -> uplift due
    assert check_worker(worker("12.65", date(2025, 10, 21)))["status"] == "ok"
    due = check_worker(worker("12.65", date(2025, 10, 22)))
    assert (due["status"], due["uplift_required_from"]) == ("uplift due", "2026-05-01")


def test_reduced_pay_worker_is_not_checked():
    result = check_worker(worker("6.00", date(2026, 5, 31), full=False))
    assert result["status"] == "not checked" and "leave" in result["reason"]
    assert result["shortfall_per_period"] == "0.00"


def test_summary_and_the_on_date_override():
    workers = [
        worker("13.00", date(2026, 5, 31)),  # short 0.45 × 160 = 72.00
        worker("13.40", date(2026, 5, 31), hours="10"),  # short 0.05 × 10 = 0.50
        worker("14.00", date(2026, 5, 31)),  # ok
    ]
    summary = check_return(workers)["summary"]
    assert summary["below_rate"] == 2 and summary["total_shortfall_per_period"] == "72.50"
    earlier = check_return(workers, on=date(2026, 4, 30))["summary"]
    assert (earlier["below_rate"], earlier["uplift_due"]) == (0, 2)


def run(*args) -> str:
    out = StringIO()
    call_command("standards", *args, stdout=out)
    return out.getvalue()


def test_cli_gender_pay_json_on_the_sample():
    data = json.loads(run("gender-pay", str(SAMPLE), "--json"))
    assert data["num_employees"] == 18 and data["num_full_pay_relevant"] == 17
    assert len(data["quartiles"]) == 4
    assert data["subcontractors"]["num_employees"] == 3
    assert data["subcontractors"]["mean_bonus_gap"] is None
    assert "mean_bonus_gap" in data["subcontractors"]["reasons"]


def test_cli_gender_pay_text():
    text = run("gender-pay", str(SAMPLE))
    assert "Provider's own staff: 18 employees" in text
    assert "Subcontractors' staff: 3 employees" in text


def test_cli_fair_wage_on_the_sample():
    data = json.loads(run("fair-wage", str(SAMPLE), "--json"))
    # W04 £13.00 (0.45 × 120 = 54.00), W09 London £14.40 (0.40 × 160 = 64.00),
    # W20 £13.10 (0.35 × 160 = 56.00): £174.00
    assert data["summary"]["below_rate"] == 3
    assert data["summary"]["total_shortfall_per_period"] == "174.00"
    assert data["summary"]["not_checked"] == 1
    text = run("fair-wage", str(SAMPLE), "--on", "2026-04-30")
    assert "uplift due" in text


def test_cli_bad_input_names_file_row_column_and_fix(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        ",".join(REQUIRED) + "\nW1,Cleaner,X,no,2026-05-01,2026-05-31,160,100,0,no\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as exc:
        run("gender-pay", str(path))
    assert "bad.csv row 2, column gender: 'X' is not M or F (write M or F" in str(exc.value)
    with pytest.raises(CommandError, match="not a date"):
        run("fair-wage", str(SAMPLE), "--on", "30/04/2026")

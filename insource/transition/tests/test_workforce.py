"""The liability file read all-or-nothing; the same file twice changes nothing; the pay
comparison worked by hand (fair wage, grade, harmonising up, equal-pay risk); aggregates hide
small counts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from insource.core.audit import Actor
from insource.testing.transition import NOW, decided_in_house
from insource.transition.liability import Employee, LiabilityError, read_liability
from insource.transition.pay import Grade, aggregates, compare
from insource.transition.services.workforce import grade_save, liability_import

SAMPLE = Path(__file__).resolve().parents[3] / "docs/samples/employee-liability-sample.csv"
ON = date(2027, 9, 30)  # the Real Living Wage required by then: £13.45 (UK), £14.80 (London)


def _e(role, hours, pay, basis="hourly", london=False):
    return Employee(
        1, role, Decimal(hours), Decimal(pay), basis, date(2015, 1, 1), "DC", "Depot", london
    )


def test_the_sample_file_reads():
    rows = read_liability(SAMPLE)
    assert len(rows) == 20 and rows[0].role == "Refuse loader"
    assert rows[14].pay_basis == "annual" and rows[14].pay == Decimal("34500")


def test_a_bad_file_lists_every_problem(tmp_path):
    path = tmp_path / "eli.csv"
    path.write_text(
        "role,contracted_hours,pay,pay_basis,continuous_service_start,pension_scheme,location\n"
        "Loader,37,12.85,weekly,2011-06-13,DC,Depot\n"
        ",0,12.85,hourly,31/02/2020,DC,Depot\n"
    )
    with pytest.raises(LiabilityError) as error:
        read_liability(path)
    found = {(i.row, i.column) for i in error.value.issues}
    assert found == {
        (2, "pay_basis"),
        (3, "role"),
        (3, "contracted_hours"),
        (3, "continuous_service_start"),
    }


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "eli.csv"
    path.write_text("role,pay\nLoader,12\n")
    with pytest.raises(LiabilityError) as error:
        read_liability(path)
    assert "contracted_hours" in error.value.issues[0].column


def test_pay_comparison_by_hand():
    grades = {"refuse loader": Grade("Grade 3", Decimal("13.45"), Decimal("14.20"))}
    staff = [
        _e("Refuse loader", 37, "12.85"),
        _e("Refuse loader", 30, "13.10"),
        _e("Refuse loader", 37, "14.00"),
        _e("Driver", 40, "31290", "annual"),
        _e("Driver", 20, "13.00", london=True),
    ]
    c = compare(staff, grades, on=ON)
    loader = next(r for r in c.roles if r.role == "Refuse loader")
    # (13.45 - 12.85) x 37 + (13.45 - 13.10) x 30 = 22.2 + 10.5 = 32.7 an hour-week
    assert loader.annual_cost == (Decimal("32.7") * Decimal("52.143")).quantize(Decimal("0.01"))
    assert (loader.num_below_fair, loader.num_outside_grade, loader.equal_pay_risk) == (2, 2, True)
    driver = next(r for r in c.roles if r.role == "Driver")
    # 31290 / (40 x 52.143) = 15.00 an hour: above the fair wage; no grade entered
    assert driver.pay_min.quantize(Decimal("0.01")) == Decimal("15.00")
    assert driver.grade is None and driver.annual_cost == 0 and not driver.equal_pay_risk
    london = next(r for r in c.roles if r.role == "Driver (London)")
    assert london.fair_rate == Decimal("14.80")
    assert london.annual_cost == (Decimal("1.80") * 20 * Decimal("52.143")).quantize(
        Decimal("0.01")
    )
    assert c.annual_cost == loader.annual_cost + london.annual_cost
    assert c.num_ungraded == 2


def test_aggregates_hide_small_counts():
    staff = [_e("Loader", 37, "12.85")] * 6 + [_e("Driver", 37, "21.00")]
    a = aggregates(staff, on=ON)
    assert a["headcount"] == 7 and a["fte"] == Decimal("7.0")
    bands = {b["label"]: b["count"] for b in a["bands"]}
    assert bands["Below the fair wage"] == "6" and bands["£20 or more"] == "fewer than 5"


@pytest.mark.django_db
def test_import_is_idempotent_and_replaces(tmp_path):
    authority, _people, _d, plan = decided_in_house()
    actor, content = Actor.system("t"), SAMPLE.read_bytes()
    first = liability_import(plan=plan, name="eli.csv", content=content, by=actor, at=NOW)
    again = liability_import(plan=plan, name="eli.csv", content=content, by=actor, at=NOW)
    assert first.pk == again.pk and plan.imports.count() == 1
    shorter = b"\n".join(content.splitlines()[:5]) + b"\n"
    second = liability_import(plan=plan, name="eli2.csv", content=shorter, by=actor, at=NOW)
    assert plan.imports.filter(is_current=True).get() == second and second.num_rows == 4
    grade_save(
        authority=authority,
        name="Grade 3",
        roles="Refuse loader\n",
        by=actor,
        at=NOW,
        hourly_min=Decimal("13.45"),
        hourly_max=Decimal("14.20"),
    )
    from insource.transition.selectors import workforce_of

    w = workforce_of(plan)
    assert w.comparison.roles[0].grade.name == "Grade 3" and len(w.employees) == 4

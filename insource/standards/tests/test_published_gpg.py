"""Suppliers' own published gender pay gap figures (published_gpg.py), against the shipped
gov.uk files. Every expected figure below was copied by hand from the CSV row, not from the code.
"""

from __future__ import annotations

import time
from datetime import date, datetime
from decimal import Decimal

import pytest

from insource.standards.payroll import published_gpg
from insource.standards.payroll.published_gpg import (
    normalise_company_number,
    published_figures,
    published_status,
)

D = Decimal


def test_the_five_years_ship_with_the_package():
    years = [year for year, _ in published_gpg.data_files()]
    assert years == [
        "2023 to 2024",
        "2022 to 2023",
        "2021 to 2022",
        "2020 to 2021",
        "2019 to 2020",
    ]
    assert (published_gpg.DATA_DIR / "_provenance.csv").exists()
    assert "Open Government Licence v3.0" in (published_gpg.DATA_DIR / "LICENCE.txt").read_text()


def test_red_band_2022_to_2023_exactly_as_published():
    # "RED BAND" CHEMICAL COMPANY, LIMITED, SC016876, 2022 to 2023 file.
    returns = published_figures("SC016876")
    assert [r.year for r in returns] == [
        "2023 to 2024",
        "2022 to 2023",
        "2021 to 2022",
        "2020 to 2021",
    ]
    r = returns[1]
    assert r.employer_name == '"RED BAND" CHEMICAL COMPANY, LIMITED'
    assert r.employer_size == "250 to 499"
    assert (r.mean_hourly_gap, r.median_hourly_gap) == (D("2.45"), D("-4.96"))
    assert (r.mean_bonus_gap, r.median_bonus_gap) == (D("5.57"), D("-9.13"))
    assert (r.male_bonus_pct, r.female_bonus_pct) == (D("24.20"), D("75.80"))
    assert r.quartiles == (D("62.2"), D("66.7"), D("93.5"), D("79.3"))
    assert r.submitted_late is False
    assert r.date_submitted == datetime(2023, 3, 2, 15, 51, 56)
    assert r.due_date == date(2023, 4, 5)
    assert r.snapshot_date == date(2022, 4, 5)
    assert r.link == ""


def test_3m_2022_to_2023_with_its_link():
    r = next(r for r in published_figures("01123045") if r.year == "2022 to 2023")
    assert r.employer_name == "3M UNITED KINGDOM PUBLIC LIMITED COMPANY"
    assert r.employer_size == "1000 to 4999"
    assert (r.mean_hourly_gap, r.median_hourly_gap) == (D("7.1"), D("4.02"))
    assert (r.mean_bonus_gap, r.median_bonus_gap) == (D("25.71"), D("24.11"))
    assert (r.male_bonus_pct, r.female_bonus_pct) == (D("40.85"), D("43.58"))
    assert r.quartiles == (D("39"), D("32"), D("35"), D("29"))
    assert r.link == "https://multimedia.3m.com/mws/media/2295756O/uk-gender-pay-gap-2022.pdf"


def test_2019_to_2020_dates_are_day_first_and_blank_bonus_is_none():
    # 1ST HOME CARE LTD., SC272838: "12/03/2020 08:21:06", no bonus gap published.
    r = published_figures("SC272838")[-1]
    assert r.year == "2019 to 2020"
    assert r.date_submitted == datetime(2020, 3, 12, 8, 21, 6)
    assert r.snapshot_date == date(2019, 4, 5)
    assert r.mean_bonus_gap is None and r.median_bonus_gap is None
    assert r.mean_hourly_gap == D("-2.00")


def test_public_sector_snapshot_is_31_march_and_fills_the_extended_year():
    # ACES ACADEMIES TRUST, 07732319: DueDate 31 March in other years; 2020 to 2021's
    # extended DueDate (2021-10-06) hides the sector, so it is borrowed from the other years.
    by_year = {r.year: r for r in published_figures("07732319")}
    assert by_year["2021 to 2022"].snapshot_date == date(2021, 3, 31)
    extended = by_year["2020 to 2021"]
    assert extended.due_date == date(2021, 10, 6)
    assert extended.snapshot_date == date(2020, 3, 31)
    assert (extended.mean_hourly_gap, extended.median_hourly_gap) == (D("17.5"), D("25.0"))
    assert extended.quartiles == (D("73.9"), D("75.4"), D("63.8"), D("60.3"))


def test_extended_year_alone_leaves_the_snapshot_unknown():
    # 123-REG LIMITED, 05306504: only a 2020 to 2021 return, so the sector cannot be told.
    (r,) = published_figures("05306504")
    assert r.year == "2020 to 2021"
    assert r.snapshot_date is None
    assert r.mean_hourly_gap == D("16.6")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1123045", "01123045"),
        ("01123045", "01123045"),
        (" 01123045 ", "01123045"),
        ("sc016876", "SC016876"),
        ("SC16876", "SC016876"),
        ("oc 123456", "OC123456"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_company_number(raw, expected):
    assert normalise_company_number(raw) == expected


def test_lookups_are_normalised():
    assert published_figures("1123045") == published_figures("01123045")
    assert published_figures("sc016876") == published_figures("SC016876")
    assert published_figures("sc016876")


def test_status_shows_the_latest_year():
    status = published_status("sc016876")
    assert status.reason == "published"
    assert status.company_number == "SC016876"
    assert status.latest.year == "2023 to 2024"
    assert status.latest.mean_hourly_gap == D("-11.67")
    assert "2023 to 2024" in status.explanation


def test_status_with_no_company_number():
    for number in (None, "", "   "):
        status = published_status(number)
        assert status.reason == "no_company_number"
        assert status.latest is None
        assert status.explanation == (
            "No Companies House number is recorded for this supplier, so its published "
            "figures cannot be found."
        )


def test_status_not_in_the_data():
    status = published_status("99999999")
    assert status.reason == "not_found"
    assert status.returns == ()
    assert "published no gender pay gap figures" in status.explanation
    assert "fewer than 250 employees" in status.explanation
    assert "not a company in the data" in status.explanation
    assert "2019-20 to 2023-24" in status.explanation


def test_status_not_in_the_data_with_a_small_headcount():
    status = published_status("99999999", num_employees_hint=40)
    assert status.reason == "below_threshold"
    assert status.explanation.startswith(
        "Employers with fewer than 250 employees do not have to publish gender pay gap figures "
        "(Equality Act 2010 (Gender Pay Gap Information) Regulations 2017, reg. 1(2))"
    )
    assert status.explanation.endswith("this supplier has published none.")
    assert published_status("99999999", num_employees_hint=250).reason == "not_found"


def test_status_of_a_publisher_in_the_less_than_250_band():
    # 1ST HOME CARE LTD. reported "Less than 250" in 2023 to 2024 yet published.
    status = published_status("SC272838", num_employees_hint=100)
    assert status.reason == "published"
    assert status.latest.employer_size == "Less than 250"
    assert status.latest.below_threshold_band
    assert "fewer than 250 employees" in status.explanation
    assert "voluntarily" in status.explanation


def test_index_load_time_is_reported_not_asserted(capsys):
    published_gpg._figures.cache_clear()
    published_gpg._index.cache_clear()
    start = time.perf_counter()
    index = published_gpg._index()
    elapsed = time.perf_counter() - start
    with capsys.disabled():
        print(f"\npublished_gpg index: {len(index)} company numbers in {elapsed:.2f}s")
    assert len(index) > 10_000

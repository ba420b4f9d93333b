"""A supplier's own published gender pay gap figures, from the gov.uk gender pay gap service.

Employers with 250 or more employees must publish six measures each year: the Equality Act 2010
(Gender Pay Gap Information) Regulations 2017 (SI 2017/172), regs. 2 and 4-9, for private and
voluntary sector employers; the Equality Act 2010 (Specific Duties and Public Authorities)
Regulations 2017 (SI 2017/353), reg. 3 and Sch. 1, for public authorities. The returns for
2019 to 2020 through 2023 to 2024 ship with the package (``data/gender-pay-gap/``, Open
Government Licence v3.0; 2023 to 2024 is a partial copy) and are joined to a supplier on its
Companies House number. Nothing is downloaded at run time.

Snapshot date rule. The files carry no snapshot date, only ``DueDate``: 5 April (private sector,
snapshot 5 April, SI 2017/172 reg. 1(2)) or 31 March (public sector, snapshot 31 March,
SI 2017/353 Sch. 1) of the reporting year's second year. So the snapshot is that day and
month in the year *before* the due date, which is the first year of the label ("2021 to 2022"
-> 5 April 2021 or 31 March 2021). In 2020 to 2021 the deadline was extended for everyone
(``DueDate`` 6 October 2021), which hides the sector; there the sector is taken from the same
company's returns in other years, and the snapshot date is left ``None`` if they disagree or
there are none.

This module is pure of models; the index is built once per process (``lru_cache``).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gender-pay-gap"
FILE_PATTERN = re.compile(r"UK Gender Pay Gap Data - (\d{4}) to (\d{4})\.csv\.gz$")
STATUTORY_THRESHOLD = 250
SMALL_BAND = "Less than 250"

MEASURE_COLUMNS = {
    "mean_hourly_gap": "DiffMeanHourlyPercent",
    "median_hourly_gap": "DiffMedianHourlyPercent",
    "mean_bonus_gap": "DiffMeanBonusPercent",
    "median_bonus_gap": "DiffMedianBonusPercent",
    "male_bonus_pct": "MaleBonusPercent",
    "female_bonus_pct": "FemaleBonusPercent",
}
QUARTILE_COLUMNS = (
    "FemaleLowerQuartile",
    "FemaleLowerMiddleQuartile",
    "FemaleUpperMiddleQuartile",
    "FemaleTopQuartile",
)
DATE_FORMATS = ("%Y/%m/%d %H:%M:%S", "%d/%m/%Y %H:%M:%S")  # 2019-20 is day first
SNAPSHOT_DAYS = {(4, 5): (4, 5), (3, 31): (3, 31)}  # DueDate (month, day) -> snapshot

NO_NUMBER = (
    "No Companies House number is recorded for this supplier, so its published figures "
    "cannot be found."
)
BELOW_THRESHOLD = (
    "Employers with fewer than 250 employees do not have to publish gender pay gap figures "
    "(Equality Act 2010 (Gender Pay Gap Information) Regulations 2017, reg. 1(2)); this "
    "supplier has published none."
)
NOT_FOUND = (
    "This supplier has published no gender pay gap figures on the gov.uk service for {years}. "
    "That may mean it has fewer than 250 employees and so does not have to publish, or that it "
    "reports under a different registration or is not a company in the data."
)


@dataclass(frozen=True)
class PublishedReturn:
    """One employer's return for one reporting year, as published on gov.uk."""

    year: str  # "2023 to 2024"
    snapshot_date: date | None
    company_number: str
    employer_name: str
    employer_size: str  # the service's band, e.g. "250 to 499", "Less than 250"
    mean_hourly_gap: Decimal | None
    median_hourly_gap: Decimal | None
    mean_bonus_gap: Decimal | None
    median_bonus_gap: Decimal | None
    male_bonus_pct: Decimal | None
    female_bonus_pct: Decimal | None
    quartiles: tuple[Decimal | None, ...]  # % women: lower, lower middle, upper middle, top
    submitted_late: bool
    date_submitted: datetime | None
    due_date: date | None
    link: str  # CompanyLinkToGPGInfo: the employer's own write-up, often blank

    @property
    def first_year(self) -> int:
        return int(self.year[:4])

    @property
    def below_threshold_band(self) -> bool:
        return self.employer_size == SMALL_BAND


@dataclass(frozen=True)
class PublishedStatus:
    """What to show beside a computed audit: the latest return, or why there is none."""

    company_number: str  # normalised; "" when none is recorded
    reason: str  # "published" | "no_company_number" | "below_threshold" | "not_found"
    explanation: str
    returns: tuple[PublishedReturn, ...] = ()

    @property
    def latest(self) -> PublishedReturn | None:
        return self.returns[0] if self.returns else None


def normalise_company_number(value: str | None) -> str:
    """Companies House number in canonical form: upper case, no spaces, digits zero-padded to
    eight ("1234567" -> "01234567", "sc16876" -> "SC016876"); other prefixes kept."""
    text = re.sub(r"\s+", "", value or "").upper()
    if text.isdigit() and len(text) < 8:
        return text.zfill(8)
    match = re.fullmatch(r"([A-Z]{2})(\d{1,5})", text)
    if match:
        return match[1] + match[2].zfill(6)
    return text


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip()) if text.strip() else None
    except InvalidOperation:
        return None


def _datetime(text: str) -> datetime | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    return None


def _snapshot(due: date | None, first_year: int) -> date | None:
    day = SNAPSHOT_DAYS.get((due.month, due.day)) if due else None
    return date(first_year, *day) if day else None


def _to_return(year: str, row: dict[str, str]) -> PublishedReturn:
    submitted, due = _datetime(row["DateSubmitted"]), _datetime(row["DueDate"])
    due_date = due.date() if due else None
    return PublishedReturn(
        year=year,
        snapshot_date=_snapshot(due_date, int(year[:4])),
        company_number=normalise_company_number(row["CompanyNumber"]),
        employer_name=row["EmployerName"].strip(),
        employer_size=row["EmployerSize"].strip(),
        **{key: _decimal(row[column]) for key, column in MEASURE_COLUMNS.items()},
        quartiles=tuple(_decimal(row[column]) for column in QUARTILE_COLUMNS),
        submitted_late=row["SubmittedAfterTheDeadline"].strip().lower() == "true",
        date_submitted=submitted,
        due_date=due_date,
        link=row["CompanyLinkToGPGInfo"].strip(),
    )


def data_files() -> list[tuple[str, Path]]:
    """(year label, path) of each shipped file, newest year first."""
    found = []
    for path in DATA_DIR.glob("*.csv.gz"):
        match = FILE_PATTERN.search(path.name)
        if match:
            found.append((f"{match[1]} to {match[2]}", path))
    return sorted(found, reverse=True)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rb") as raw:
        yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[str, dict[str, str]], ...]]:
    """Company number -> raw (year, row) pairs from every file; rows without a number dropped.
    Rows are converted to ``PublishedReturn`` only when looked up."""
    index: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for year, path in data_files():
        for row in _rows(path):
            number = normalise_company_number(row["CompanyNumber"])
            if number:
                index.setdefault(number, []).append((year, row))
    return {number: tuple(rows) for number, rows in index.items()}


def _fill_snapshots(returns: list[PublishedReturn]) -> list[PublishedReturn]:
    """Where the due date hides the sector (2020 to 2021), borrow it from the other years."""
    known = {(r.snapshot_date.month, r.snapshot_date.day) for r in returns if r.snapshot_date}
    if len(known) != 1:
        return returns
    month, day = known.pop()
    return [
        r if r.snapshot_date else replace(r, snapshot_date=date(r.first_year, month, day))
        for r in returns
    ]


@lru_cache(maxsize=4096)
def _figures(number: str) -> tuple[PublishedReturn, ...]:
    returns = [_to_return(year, row) for year, row in _index().get(number, ())]
    returns = _fill_snapshots(returns)
    returns.sort(key=lambda r: (r.first_year, r.date_submitted or datetime.min), reverse=True)
    return tuple(returns)


def published_figures(company_number: str | None) -> list[PublishedReturn]:
    """Every year's published return for this company number, newest first."""
    number = normalise_company_number(company_number)
    return list(_figures(number)) if number else []


def years_covered() -> str:
    """The span of the shipped data, e.g. "2019-20 to 2023-24"."""
    years = [year for year, _ in data_files()]
    oldest, newest = years[-1], years[0]
    return f"{oldest[:4]}-{oldest[-2:]} to {newest[:4]}-{newest[-2:]}"


def published_status(
    company_number: str | None, *, num_employees_hint: int | None = None
) -> PublishedStatus:
    """What to show beside an audit: the latest published figures with their year, or a plain
    explanation of why there are none (no number on record; under the 250-employee threshold of
    SI 2017/172 reg. 1(2); or simply not in the data)."""
    number = normalise_company_number(company_number)
    if not number:
        return PublishedStatus("", "no_company_number", NO_NUMBER)
    returns = _figures(number)
    if returns:
        return PublishedStatus(number, "published", _published_note(returns[0]), returns)
    if num_employees_hint is not None and num_employees_hint < STATUTORY_THRESHOLD:
        return PublishedStatus(number, "below_threshold", BELOW_THRESHOLD)
    return PublishedStatus(number, "not_found", NOT_FOUND.format(years=years_covered()))


def _published_note(latest: PublishedReturn) -> str:
    note = f"Figures published by the supplier for {latest.year} (gov.uk gender pay gap service)."
    if latest.submitted_late:
        note += " The return was submitted after the deadline."
    if latest.below_threshold_band:
        note += (
            " The supplier reported fewer than 250 employees that year, so it did not have to "
            "publish (SI 2017/172 reg. 1(2)); it did so voluntarily."
        )
    return note

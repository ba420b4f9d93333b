"""Reading payroll returns: typed rows, and every bad cell reported with nothing returned."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from insource.standards.payroll.returns import REQUIRED, PayrollError, read_return

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "payroll-return-sample.csv"
DOCS_SAMPLE = Path(__file__).resolve().parents[3] / "docs" / "samples" / "payroll-return-sample.csv"
HEADER = ",".join(REQUIRED)
GOOD = "W1,Cleaner,F,no,2026-05-01,2026-05-31,160,2176.00,0,no"


def write(tmp_path, *lines, name="return.csv", bom=False) -> Path:
    path = tmp_path / name
    path.write_text(("\ufeff" if bom else "") + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def problems(path) -> list[tuple]:
    with pytest.raises(PayrollError) as exc:
        read_return(path)
    return [(i.row, i.column) for i in exc.value.issues]


def test_the_sample_reads_into_typed_rows():
    workers = read_return(SAMPLE)
    assert len(workers) == 21
    first = workers[0]
    assert (first.row, first.worker_ref, first.gender) == (2, "W01", "F")
    assert first.hours == Decimal(160) and first.ordinary_pay == Decimal("2176.00")
    assert first.hourly_rate == Decimal("13.6")
    assert first.period_end == date(2026, 5, 31) and first.snapshot_date is None
    london = next(w for w in workers if w.worker_ref == "W09")
    assert london.is_london and london.period_start == date(2026, 5, 1)  # written 01/05/2026
    assert next(w for w in workers if w.worker_ref == "W21").is_subcontractor  # written Y
    assert not next(w for w in workers if w.worker_ref == "W18").is_full_pay_relevant
    assert DOCS_SAMPLE.read_text() == SAMPLE.read_text()


def test_bom_case_and_spaces_in_headings_and_optional_columns_defaulted(tmp_path):
    header = ",".join(f" {c.upper()} " for c in REQUIRED)
    workers = read_return(write(tmp_path, header, GOOD, bom=True))
    assert workers[0].worker_ref == "W1"
    assert workers[0].is_full_pay_relevant is True
    assert workers[0].on == date(2026, 5, 31)


def test_snapshot_date_is_the_date_when_given(tmp_path):
    header = HEADER + ",is_full_pay_relevant,snapshot_date"
    workers = read_return(write(tmp_path, header, GOOD + ",,05/04/2026"))
    assert workers[0].snapshot_date == date(2026, 4, 5) == workers[0].on


def test_missing_columns_are_named(tmp_path):
    header = HEADER.replace(",gender", "").replace(",hours", "")
    with pytest.raises(PayrollError) as exc:
        read_return(write(tmp_path, header, "W1,Cleaner,no,2026-05-01,2026-05-31,2176,0,no"))
    assert "missing column(s): gender, hours" in str(exc.value)
    assert "return.csv" in str(exc.value)


def test_every_bad_cell_is_reported_and_nothing_returned(tmp_path):
    path = write(
        tmp_path,
        HEADER,
        GOOD,
        "W2,Cleaner,X,no,2026-05-01,2026-05-31,-5,100,0,no",
        "W3,Cleaner,M,maybe,31-05-2026,2026-05-31,160,abc,0,no",
        "W4,Cleaner,M,no,2026-05-31,2026-05-01,0,100,0,no",
    )
    assert problems(path) == [
        (3, "gender"),
        (3, "hours"),
        (4, "is_london"),
        (4, "period_start"),
        (4, "ordinary_pay"),
        (5, "hours"),
        (5, "period_end"),
    ]


def test_messages_say_how_to_fix(tmp_path):
    path = write(tmp_path, HEADER, "W2,Cleaner,X,no,2026-13-01,2026-05-31,160,100,0,no")
    with pytest.raises(PayrollError) as exc:
        read_return(path)
    text = str(exc.value)
    assert "row 2, column gender: 'X' is not M or F (write M or F" in text
    assert "row 2, column period_start: '2026-13-01' is not a date (write the date as" in text


def test_empty_file_and_header_only(tmp_path):
    assert problems(write(tmp_path, "", name="empty.csv")) == [(None, "(file)")]
    with pytest.raises(PayrollError, match="no worker rows"):
        read_return(write(tmp_path, HEADER, name="header.csv"))


def test_duplicate_worker_refs_are_refused(tmp_path):
    assert problems(write(tmp_path, HEADER, GOOD, GOOD)) == [(3, "worker_ref")]


def test_missing_file(tmp_path):
    with pytest.raises(PayrollError, match="file not found"):
        read_return(tmp_path / "nope.csv")


def _xlsx(tmp_path, rows) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(REQUIRED))
    for row in rows:
        sheet.append(row)
    path = tmp_path / "return.xlsx"
    book.save(path)
    return path


def test_xlsx_reads_dates_numbers_and_booleans(tmp_path):
    row = ["W1", "Cleaner", "m", True, date(2026, 5, 1), "31/05/2026", 160, 2176.5, 0, "N"]
    [worker] = read_return(_xlsx(tmp_path, [row]))
    assert worker.gender == "M" and worker.is_london and not worker.is_subcontractor
    assert worker.period_end == date(2026, 5, 31)
    assert worker.ordinary_pay == Decimal("2176.5")


def test_xlsx_with_a_bad_row_returns_nothing(tmp_path):
    good = ["W1", "Cleaner", "F", "no", "2026-05-01", "2026-05-31", 160, 2176, 0, "no"]
    bad = ["W2", "Cleaner", "F", "no", "2026-05-01", "someday", 160, 2176, None, "no"]
    assert problems(_xlsx(tmp_path, [good, bad])) == [(3, "period_end"), (3, "bonus_pay_12m")]

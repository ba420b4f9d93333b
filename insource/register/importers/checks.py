"""Parsing and checking the values importers read: dates, money, currencies, CPV codes.

Each parser returns the value or raises `FieldError` with a message that says how to fix it.
"""

from __future__ import annotations

import csv
import html
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d %B %Y", "%d %b %Y")
_CPV = re.compile(r"^(\d{8})(-\d)?$")
MAX_AMOUNT = Decimal("999999999999.99")  # the register's DecimalField(max_digits=14, places=2)


class FieldError(ValueError):
    """A value that cannot be read; the message says what was expected."""


def clean_text(value) -> str:
    """Unescape HTML entities (`J&amp;B` -> `J&B`), collapse whitespace, strip."""
    if value is None:
        return ""
    text = str(value)
    if "&" in text:
        text = html.unescape(html.unescape(text))
    return " ".join(text.split())


def parse_date(value) -> date | None:
    """Read an ISO date or datetime (any offset), or a common UK date layout; blank is None."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    text = str(value).strip()
    if not text:
        return None
    known = _DATES_READ.get(text)
    if known is not None:
        return known
    try:
        found = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return _uk_date(text)
    if len(_DATES_READ) >= 100_000:
        _DATES_READ.clear()
    _DATES_READ[text] = found
    return found


# Dates read, by their text: an import reads the same few thousand dates again and again.
_DATES_READ: dict[str, date] = {}


def _uk_date(text: str) -> date:
    for layout in _DATE_FORMATS:
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise FieldError(f"'{text}' is not a date: use YYYY-MM-DD (for example 2026-03-31)")


def parse_money(value) -> Decimal | None:
    """Read an amount as Decimal (never float); commas and £ are allowed; must not be negative."""
    if value is None:
        return None
    text = str(value).strip().replace(",", "").replace("£", "")
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise FieldError(f"'{value}' is not an amount: use digits, e.g. 125000.00") from None
    if not amount.is_finite():
        raise FieldError(f"'{value}' is not an amount: use digits, e.g. 125000.00")
    if amount < 0:
        raise FieldError(
            f"the value {amount} is negative: give the contract value as a positive amount"
        )
    if amount > MAX_AMOUNT:
        raise FieldError(
            f"the value {value} is too large: the register holds amounts up to"
            f" {MAX_AMOUNT:,}; check it (a misplaced decimal point, or pence for pounds?)"
        )
    return amount.quantize(Decimal("0.01"))


@cache
def currency_codes() -> frozenset[str]:
    with open(SCHEMA_DIR / "codelists" / "currency.csv", encoding="utf-8") as f:
        return frozenset(row["Code"] for row in csv.DictReader(f))


def parse_currency(value, *, required: bool) -> str:
    """An ISO 4217 code from the OCDS currency codelist."""
    code = str(value or "").strip().upper()
    if not code:
        if required:
            raise FieldError("a value is given without a currency: add its ISO 4217 code, e.g. GBP")
        return ""
    if code not in currency_codes():
        raise FieldError(f"'{code}' is not a known currency code: use ISO 4217, e.g. GBP")
    return code


def parse_cpv(value) -> str | None:
    """An 8-digit CPV code (check digit dropped); None when blank or not a CPV code."""
    text = str(value or "").strip()
    if text.endswith(".0"):
        text = text[:-2]
    match = _CPV.match(text)
    return match.group(1) if match else None


def parse_flag(value) -> bool | None:
    """Read yes/no flags as sources write them: 1/0, 1.0, true/false, yes/no, Y/N; blank is None."""
    text = str(value or "").strip().lower()
    if text in {"1", "1.0", "true", "yes", "y", "t"}:
        return True
    if text in {"0", "0.0", "false", "no", "n", "f"}:
        return False
    return None

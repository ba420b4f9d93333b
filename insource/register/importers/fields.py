"""Reading one release or row: every field error collected, then raised together.

Shared by every importer, so OCDS, flattened and tabular input are checked and reported alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from insource.register.importers.checks import (
    FieldError,
    parse_currency,
    parse_date,
    parse_money,
)
from insource.register.importers.records import ContractRecord, ImportIssue


class RecordErrors(Exception):
    """Errors that make a release or row unusable; the import reports them all, writes nothing."""

    def __init__(self, issues: list[ImportIssue]):
        super().__init__("; ".join(map(str, issues)))
        self.issues = issues

    def __reduce__(self):
        """Pickled with its issues (a worker process sends them to the importing one)."""
        return (RecordErrors, (self.issues,))


class FieldReader:
    """Reads the fields of one release or row, keeping every error rather than the first."""

    def __init__(self, where: str):
        self.where = where
        self.issues: list[ImportIssue] = []

    def read(self, parser: Callable, field: str, value):
        try:
            return parser(value)
        except FieldError as exc:
            self.error(field, str(exc))
            return None

    def money(self, field: str, value):
        return self.read(parse_money, field, value)

    def date(self, field: str, value):
        return self.read(parse_date, field, value)

    def currency(self, field: str, value, *, amount) -> str:
        """The currency, required when there is an amount."""
        return (
            self.read(lambda v: parse_currency(v, required=amount is not None), field, value) or ""
        )

    def error(self, field: str, message: str) -> None:
        self.issues.append(ImportIssue("error", self.where, field, message))

    def check_period(self, record: ContractRecord, field: str) -> None:
        start, end = record.start_on, record.end_on
        if start and end and end < start:
            self.error(field, f"end date {end} is before start date {start}: correct one of them")

    def check_text(self, record) -> None:
        """An error for each text holding a NUL character (PostgreSQL cannot store one).

        A first pass only asks whether any text holds one (nearly always none); the walk that
        names the fields runs only when one does."""
        if not _any_nul(record):
            return
        for name, text in _texts(record):
            if "\x00" in text:
                self.error(name, NUL_MESSAGE)

    def raise_if_any(self) -> None:
        if self.issues:
            raise RecordErrors(self.issues)


NUL_MESSAGE = "contains a NUL character (\\u0000), which the register cannot store: remove it"


def _any_nul(record) -> bool:
    """True if any text of the record (its lists, dicts and suppliers included) holds a NUL."""
    for value in vars(record).values():
        if isinstance(value, str):
            if "\x00" in value:
                return True
        elif isinstance(value, list | dict):
            for item in (*value, *value.values()) if isinstance(value, dict) else value:
                if (isinstance(item, str) and "\x00" in item) or (
                    dataclasses.is_dataclass(item) and _any_nul(item)
                ):
                    return True
    return False


def _texts(record, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(field, text) for every text of a record, its lists and its suppliers."""
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        values = value if isinstance(value, list) else [value]
        if isinstance(value, dict):
            values = [*value.keys(), *value.values()]
        for item in values:
            if isinstance(item, str):
                yield prefix + f.name, item
            elif dataclasses.is_dataclass(item):
                yield from _texts(item, f"{prefix}{f.name}.")

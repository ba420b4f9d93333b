"""Query parameters of the public API: one declaration gives the OpenAPI document and the check.

Each endpoint lists its `Param`s; `check_query` refuses (400, naming every offending parameter
and what it accepts) a parameter the endpoint does not take, one given twice, or a value
outside its schema: wrong type, out of range, not an allowed value, too long, not matching its
pattern, not a YYYY-MM-DD date. Nothing is silently capped or ignored (ADR 0017).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

INTEGER = re.compile(r"^[+-]?[0-9]{1,30}$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


@dataclass(frozen=True)
class Param:
    """A query parameter and its schema (OpenAPI's subset that the API uses)."""

    name: str
    description: str
    type: str = "string"  # string | integer | number
    enum: tuple[str, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    format: str | None = None  # "date"

    def schema(self) -> dict:
        schema: dict = {"type": self.type}
        extra = {
            "enum": list(self.enum) if self.enum else None,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "maxLength": self.max_length,
            "pattern": self.pattern,
            "format": self.format,
        }
        return schema | {k: v for k, v in extra.items() if v is not None}

    def openapi(self) -> OpenApiParameter:
        return OpenApiParameter(self.name, self.schema(), description=self.description)

    def check(self, raw: str) -> str | None:
        """Why the value is outside the schema, or None when it is inside."""
        if self.type in ("integer", "number"):
            return self._check_number(raw)
        if self.enum is not None and raw not in self.enum:
            return _("Use one of: %(values)s") % {"values": ", ".join(self.enum)}
        if self.max_length is not None and len(raw) > self.max_length:
            return _("Use at most %(n)s characters") % {"n": self.max_length}
        if self.pattern is not None and not re.search(self.pattern, raw):
            return _("Use a value matching %(pattern)s") % {"pattern": self.pattern}
        if self.format == "date" and not _is_date(raw):
            return _("Use a real date written YYYY-MM-DD, like 2027-03-31")
        return None

    def _check_number(self, raw: str) -> str | None:
        number = _number(raw, whole=self.type == "integer")
        low, high = self.minimum, self.maximum
        if (
            number is None
            or (low is not None and number < low)
            or (high is not None and number > high)
        ):
            kind = _("a whole number") if self.type == "integer" else _("a number")
            return _("Use %(kind)s from %(low)s to %(high)s") % {
                "kind": kind,
                "low": low if low is not None else "-∞",
                "high": high if high is not None else "∞",
            }
        return None


def _number(raw: str, *, whole: bool) -> Decimal | None:
    if whole and not INTEGER.match(raw):
        return None
    try:
        number = Decimal(raw)
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _is_date(raw: str) -> bool:
    if not ISO_DATE.match(raw):
        return False
    try:
        date.fromisoformat(raw)
    except ValueError:
        return False
    return True


PAGE = Param("page", "Page number, from 1.", type="integer", minimum=1, maximum=10**9)
PAGE_SIZE = Param(
    "page_size", "Results a page, 1 to 200 (default 50).", type="integer", minimum=1, maximum=200
)
PAGE_PARAMETERS = (PAGE, PAGE_SIZE)


def openapi(params) -> list[OpenApiParameter]:
    """The parameters as drf-spectacular declares them."""
    return [p.openapi() for p in params]


def check_query(query, params: tuple[Param, ...] | list[Param]) -> None:
    """Raise a 400 naming every parameter outside the schema; nothing when all are inside."""
    by_name = {p.name: p for p in params}
    errors: dict[str, list[str]] = {}
    for name, values in query.lists():
        param = by_name.get(name)
        if "\x00" in name or any("\x00" in v for v in values):
            errors[name.replace("\x00", "")] = [_("Remove the NUL character")]
        elif param is None:
            errors[name] = [_unknown(name, by_name)]
        elif len(values) > 1:
            errors[name] = [_("Give %(name)s once") % {"name": name}]
        elif (problem := param.check(values[0])) is not None:
            errors[name] = [f"{name}: {problem}"]
    if errors:
        raise ValidationError(errors)


def _unknown(name: str, by_name: dict) -> str:
    if not by_name:
        return _("Unknown parameter %(name)s: this endpoint takes none") % {"name": repr(name)}
    return _("Unknown parameter %(name)s: this endpoint takes %(names)s") % {
        "name": repr(name),
        "names": ", ".join(by_name),
    }

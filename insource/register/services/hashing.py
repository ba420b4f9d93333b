"""Content hashes that tell an unchanged record from a changed one across imports."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import orjson


def plain(value):
    """Decimals and dates as strings (how history and source values store them)."""
    return str(value) if isinstance(value, Decimal | date) else value


def _default(value):
    if isinstance(value, Decimal | date):
        return str(value)
    raise TypeError(type(value).__name__)


def content_hash(value) -> str:
    """SHA-1 of the value as canonical JSON (sorted keys; Decimals and dates as text)."""
    text = orjson.dumps(value, default=_default, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha1(text, usedforsecurity=False).hexdigest()

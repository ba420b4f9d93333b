"""What counts as an engine code or an import key in text a person reads (issue 18)."""

from __future__ import annotations

import re

from insource.core import plain_words as plain

CODE_PATTERNS = (
    re.compile(r"\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b"),  # INSOURCE_STATUTORY_PRESUMPTION, LATE_REVIEW
    re.compile(r"\bT\d{1,2}:"),  # "T1: passes"
    re.compile(r"\bMS\d{1,2}\b"),  # a minimum standard by number alone
    re.compile(r"cf-flat:|\bocds-[a-z0-9]{6}-"),  # import keys and ocids
    re.compile(r"\bsystem:[a-z]|\bfind-a-tender\b|\bcontracts-finder\b"),  # actor, feed codes
    re.compile(r"\b(?:labour-2019-local|ppn-024-consider)\b"),  # policy presets by name
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),  # ISO dates: GOV.UK writes "6 December 2026"
)


def _lower_codes() -> re.Pattern:
    """The engine's lower-case codes (statuses, standard statuses, threshold kinds), as words."""
    codes = {
        c
        for table in (plain.STATUSES, plain.STANDARD_STATUSES, plain.THRESHOLD_KINDS)
        for c in table
        if "_" in c
    }
    return re.compile(r"\b(?:" + "|".join(sorted(codes)) + r")\b")


def codes_in(text: str) -> list[str]:
    """Every engine code, import key or ISO date in a text, as found."""
    patterns = (*CODE_PATTERNS, _lower_codes())
    return [m[0] for pattern in patterns for m in pattern.finditer(text)]

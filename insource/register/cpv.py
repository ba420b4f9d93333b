"""The Common Procurement Vocabulary (CPV 2008), shipped in data/cpv_2008_en.csv."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

CPV_FILE = Path(__file__).resolve().parent / "data" / "cpv_2008_en.csv"
_GOODS_DIVISIONS = {f"{d:02d}" for d in range(3, 45)} | {"48"}


@cache
def cpv_descriptions() -> dict[str, str]:
    with open(CPV_FILE, encoding="utf-8") as f:
        return {row["code8"]: row["description"] for row in csv.DictReader(f)}


def cpv_description(code: str) -> str:
    """The CPV label of an 8-digit code, or '' if it is not in CPV 2008."""
    return cpv_descriptions().get(code, "")


def nature_from_cpv(code: str) -> str:
    """POLICY.md §3: divisions 03–44 and 48 are goods, 45 works, everything else services."""
    division = code[:2]
    if division in _GOODS_DIVISIONS:
        return "goods"
    if division == "45":
        return "works"
    return "services"

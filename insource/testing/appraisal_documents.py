"""Builders of small appraisal documents for the engine's tests."""

from __future__ import annotations

import copy


def line(id_, amount=None, **fields) -> dict:
    """A cost line with a source note; `amount` a number or (min, most likely, max[, dist])."""
    row = {
        "id": id_,
        "category": fields.pop("category", "other"),
        "label": id_.title(),
        "source": "test",
    }
    if amount is not None:
        row["amount_gbp"] = value(amount)
    for key, val in fields.items():
        row[key] = value(val) if key.endswith("_pct") else val
    return row


def value(v):
    if isinstance(v, tuple):
        out = {"min": v[0], "most_likely": v[1], "max": v[2]}
        if len(v) == 4:
            out["distribution"] = v[3]
        return out
    return v


def doc(inhouse, outsourced, *, term=3, shared=None, **top) -> dict:
    d = {
        "version": 1,
        "title": "Test appraisal",
        "appraisal_on": "2026-11-23",
        "term_years": term,
        "options": {"inhouse": {"lines": inhouse}, "outsourced": {"lines": outsourced}},
    }
    if shared:
        d["options"]["shared"] = {"lines": shared}
    return copy.deepcopy(d | {k: value(v) for k, v in top.items()})


# 1/1.035, 1/1.035^2, 1/1.035^3 to 9 places: the Green Book factors, worked by hand.
F1, F2, F3 = 0.966183575, 0.933510700, 0.901942706

"""The six gender pay gap measures, exactly as the Equality Act 2010 (Gender Pay Gap Information)
Regulations 2017 (SI 2017/172) define them (regs. 8-13), for a contract workforce (MS4).

Pure: no Django, no models. Input is any sequence of workers with `gender` ("M"/"F"),
`hourly_rate`, `bonus_pay_12m`, `is_full_pay_relevant` and `is_subcontractor` (see payroll.py).

- Hourly measures and quartiles use full-pay relevant employees only (regs. 8, 9, 13); bonus
  measures use every relevant employee (regs. 10-12).
- Gaps are (A − B) / A × 100 with A the men's figure and B the women's. A bonus gap compares
  only those paid a bonus (regs. 10, 11), so it is null, with the reason, when no man or no
  woman was paid one. Any gap is null when A or B cannot be formed or A is zero.
- Rounding: everything is computed in Decimal, unrounded (hourly rates included); results are
  rounded to 1 decimal place, half up, only at presentation (`present`).
- Quartiles: see `quartile_sizes` (remainder rule) and `quartile_counts` (ties, reg. 13(2)).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from itertools import groupby
from statistics import median

HUNDRED = Decimal(100)
QUARTILES = ("lower", "lower_middle", "upper_middle", "top")
# Which quartiles take the 1, 2 or 3 employees left over when the count is not a multiple of 4
# (Acas/GEO, "Managing gender pay reporting", 2017: one extra to the lower quartile; two to the
# lower and upper middle; three to the lower, lower middle and upper middle).
REMAINDER = {0: (), 1: (0,), 2: (0, 2), 3: (0, 1, 2)}


def gap(men: Decimal | None, women: Decimal | None) -> Decimal | None:
    """(A − B) / A × 100, the regulations' formula; None when it cannot be formed."""
    if men is None or women is None or men == 0:
        return None
    return (men - women) / men * HUNDRED


def mean(values: Sequence[Decimal]) -> Decimal | None:
    return sum(values, Decimal(0)) / len(values) if values else None


def middle(values: Sequence[Decimal]) -> Decimal | None:
    """The median (the mean of the two middle values when the count is even)."""
    return Decimal(median(values)) if values else None


def percent(part: int, whole: int) -> Decimal | None:
    return Decimal(part) * HUNDRED / whole if whole else None


def quartile_sizes(n: int) -> tuple[int, int, int, int]:
    """Four sections "each comprising (so far as possible) an equal number" (reg. 13, step 2).

    n // 4 each; the remainder goes as the Acas/GEO guidance says (REMAINDER): 10 -> 3, 2, 3, 2.
    """
    sizes = [n // 4] * 4
    for i in REMAINDER[n % 4]:
        sizes[i] += 1
    return tuple(sizes)


def quartile_counts(full_pay: Sequence) -> list[dict[str, int]]:
    """Men and women in each quartile, lowest hourly pay first (reg. 13).

    Employees on the same hourly rate are placed as one group across the positions they occupy.
    Where the group straddles a boundary, each quartile it touches takes men in proportion to
    the group's mix (reg. 13(2): "the relative proportion of male and female employees receiving
    that rate of pay is the same in each of those pay bands", so far as possible). Men are
    apportioned by cumulative rounding (half up) over the group's positions; women fill the rest.
    """
    sizes = quartile_sizes(len(full_pay))
    bounds = [sum(sizes[:i]) for i in range(5)]
    counts = [{"M": 0, "F": 0} for _ in QUARTILES]
    start = 0
    ranked = sorted(full_pay, key=lambda w: w.hourly_rate)
    for _, tied in groupby(ranked, key=lambda w: w.hourly_rate):
        group = list(tied)
        size, men = len(group), sum(1 for w in group if w.gender == "M")
        placed_men = 0
        for q in range(4):
            lo, hi = max(start, bounds[q]), min(start + size, bounds[q + 1])
            if hi <= lo:
                continue
            cum_men = (2 * men * (hi - start) + size) // (2 * size)
            counts[q]["M"] += cum_men - placed_men
            counts[q]["F"] += (hi - lo) - (cum_men - placed_men)
            placed_men = cum_men
        start += size
    return counts


def measures(workers: Sequence) -> dict:
    """The six measures for one workforce, unrounded, with reasons for any null."""
    full_pay = [w for w in workers if w.is_full_pay_relevant]
    rates = {g: [w.hourly_rate for w in full_pay if w.gender == g] for g in "MF"}
    bonuses = {g: [w.bonus_pay_12m for w in workers if w.gender == g] for g in "MF"}
    paid = {g: [b for b in bonuses[g] if b > 0] for g in "MF"}
    counts = quartile_counts(full_pay)
    result = {
        "num_employees": len(workers),
        "num_full_pay_relevant": len(full_pay),
        "mean_hourly_gap": gap(mean(rates["M"]), mean(rates["F"])),
        "median_hourly_gap": gap(middle(rates["M"]), middle(rates["F"])),
        "mean_bonus_gap": gap(mean(paid["M"]), mean(paid["F"])),
        "median_bonus_gap": gap(middle(paid["M"]), middle(paid["F"])),
        "male_bonus_pct": percent(len(paid["M"]), len(bonuses["M"])),
        "female_bonus_pct": percent(len(paid["F"]), len(bonuses["F"])),
        "quartiles": [percent(c["F"], c["M"] + c["F"]) for c in counts],
        "quartile_counts": [
            dict(zip(("men", "women"), (c["M"], c["F"]), strict=True)) for c in counts
        ],
    }
    result["reasons"] = _reasons(result, rates, bonuses, paid)
    return result


def _reasons(result: dict, rates: dict, bonuses: dict, paid: dict) -> dict[str, str]:
    """Why each null measure is null."""
    reasons = {}
    for g, who in (("M", "men"), ("F", "women")):
        if not rates[g]:
            reasons.setdefault("hourly", f"no full-pay relevant {who}: the gap cannot be formed")
        if not bonuses[g]:
            reasons.setdefault(f"{who}_bonus_pct", f"no relevant {who}")
        elif not paid[g]:
            reasons.setdefault("bonus", f"no {who} received a bonus: the bonus gap is undefined")
    if "hourly" in reasons:
        reasons["mean_hourly_gap"] = reasons["median_hourly_gap"] = reasons.pop("hourly")
    if "bonus" in reasons:
        reasons["mean_bonus_gap"] = reasons["median_bonus_gap"] = reasons.pop("bonus")
    for key in ("mean_hourly_gap", "median_hourly_gap", "mean_bonus_gap", "median_bonus_gap"):
        if result[key] is None and key not in reasons:
            reasons[key] = "no man or no woman to compare, or the men's figure is zero"
    for name, value in zip(QUARTILES, result["quartiles"], strict=True):
        if value is None:
            reasons[f"quartile_{name}"] = "no employees in this quartile (fewer than four)"
    renamed = {"men_bonus_pct": "male_bonus_pct", "women_bonus_pct": "female_bonus_pct"}
    return {renamed.get(k, k): v for k, v in reasons.items()}


def gender_pay(workers: Sequence) -> dict:
    """The provider's own staff and subcontractors' staff, computed separately, never mixed."""
    own = [w for w in workers if not w.is_subcontractor]
    subs = [w for w in workers if w.is_subcontractor]
    return {"provider": measures(own), "subcontractors": measures(subs) if subs else None}


def round1(value: Decimal | None) -> float | None:
    """1 decimal place, half up, for presentation only."""
    if value is None:
        return None
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def present(result: dict) -> dict:
    """One workforce's measures as the report and `--json` show them (rounded to 1 dp)."""
    out = {k: round1(v) if isinstance(v, Decimal) else v for k, v in result.items()}
    out["quartiles"] = [round1(v) for v in result["quartiles"]]
    return out


def report(workers: Sequence) -> dict:
    """The JSON report: the provider's own staff at top level, `subcontractors` beside it."""
    both = gender_pay(workers)
    out = present(both["provider"])
    out["subcontractors"] = present(both["subcontractors"]) if both["subcontractors"] else None
    return out

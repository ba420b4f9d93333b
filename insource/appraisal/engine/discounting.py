"""Discounting at the Green Book social time preference rate (HM Treasury, Green Book Annex A6).

The rate declines with the horizon: 3.5% for years 0-30, 3.0% for 31-75, and so on (the dated
parameter `appraisal.discount_rate`). The factor compounds band by band, so year 31 is year 30's
factor divided by 1.03: D0 = 1 and Dt = Dt-1 / (1 + r(t)).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from insource.appraisal.engine.errors import AppraisalInputError, InputProblem

PARAMETER = "appraisal.discount_rate"


@dataclass(frozen=True)
class Band:
    """Years `first` to `last` (None: no end) discounted at `rate` a year."""

    first: int
    last: int | None
    rate: float


def parse_schedule(items) -> tuple[Band, ...]:
    """Bands from the parameter's "FROM-TO:RATE" items (the last band open: "301-:0.010")."""
    bands = []
    for item in items:
        try:
            years, rate = str(item).split(":")
            first, last = years.split("-")
            bands.append(Band(int(first), int(last) if last else None, float(rate)))
        except ValueError:
            raise AppraisalInputError(
                [
                    InputProblem(
                        PARAMETER, f"{item!r} is not FROM-TO:RATE", 'write e.g. "0-30:0.035"'
                    )
                ]
            ) from None
    _check_contiguous(bands)
    return tuple(bands)


def _check_contiguous(bands: list[Band]) -> None:
    expected = 0
    for band in bands:
        if band.first != expected or (band.last is not None and band.last < band.first):
            raise AppraisalInputError(
                [
                    InputProblem(
                        PARAMETER,
                        f"band {band} does not start at year {expected}",
                        "make the bands follow on from year 0 without gaps",
                    )
                ]
            )
        expected = (band.last or 0) + 1
    if not bands or bands[-1].last is not None:
        raise AppraisalInputError(
            [
                InputProblem(
                    PARAMETER, "the last band must be open-ended", 'end with e.g. "301-:0.010"'
                )
            ]
        )


def rate_in(bands: tuple[Band, ...], year: int) -> float:
    """The rate that discounts year `year` back to year `year - 1`."""
    return next(b.rate for b in bands if b.last is None or year <= b.last)


def discount_factors(years: int, bands: tuple[Band, ...]) -> np.ndarray:
    """The factor for each year 0..years (years + 1 values, year 0 first, equal to 1)."""
    rates = np.array([rate_in(bands, t) for t in range(1, years + 1)], dtype=float)
    return np.concatenate(([1.0], np.cumprod(1.0 / (1.0 + rates))))

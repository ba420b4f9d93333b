"""Sampling an input's range: triangular, or PERT (a Beta scaled to the range, weight 4 on the
most likely value: the usual choice in cost risk analysis). Each input draws from its own
generator, seeded from the run's seed and the input's path, so the draws of one input do not
change when another input is added, removed or fixed.
"""

from __future__ import annotations

import zlib

import numpy as np

from insource.appraisal.engine.inputs import Input

PERT_WEIGHT = 4.0


def generator(seed: int, path: str) -> np.random.Generator:
    """The input's own generator: reproducible from (seed, path)."""
    return np.random.default_rng([seed, zlib.crc32(path.encode("utf-8"))])


def sample(item: Input, draws: int, seed: int) -> np.ndarray:
    """`draws` values of the input (all equal to it when it is fixed)."""
    if not item.is_uncertain:
        return np.full(draws, item.mode)
    rng = generator(seed, item.path)
    if item.distribution == "triangular":
        return rng.triangular(item.low, item.mode, item.high, draws)
    width = item.high - item.low
    alpha = 1 + PERT_WEIGHT * (item.mode - item.low) / width
    beta = 1 + PERT_WEIGHT * (item.high - item.mode) / width
    return item.low + width * rng.beta(alpha, beta, draws)


def pert_mean(item: Input) -> float:
    """The PERT mean, (min + 4 × most likely + max) / 6."""
    return (item.low + PERT_WEIGHT * item.mode + item.high) / (PERT_WEIGHT + 2)

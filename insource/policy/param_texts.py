"""A parameter set as its files' texts: what a policy-version snapshot keeps, and loads again."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import insource.policy.params as params
from insource.policy.params import Parameter, load_text


def load_texts(texts: dict[str, str]) -> dict[str, Parameter]:
    """A parameter set from its files' texts, keyed by path under parameters/ (a snapshot).

    A stored snapshot never changes, and checking its 70-odd files takes most of a second, so
    each distinct set of texts is loaded once per process (parameters are immutable; the
    dict returned is the caller's own)."""
    return dict(_loaded(tuple(sorted(texts.items()))))


@lru_cache(maxsize=32)
def _loaded(texts: tuple[tuple[str, str], ...]) -> tuple[tuple[str, Parameter], ...]:
    loaded = (
        load_text(text, ".".join(Path(rel).with_suffix("").parts), f"parameters/{rel}")
        for rel, text in texts
    )
    return tuple((p.name, p) for p in loaded)


def parameter_texts(root: Path | None = None) -> dict[str, str]:
    """Every parameter file's text, keyed by its path under parameters/ (the shipped set)."""
    root = root or params.ROOT
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.yaml"))
    }

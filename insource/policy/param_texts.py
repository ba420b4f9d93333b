"""A parameter set as its files' texts: what a policy-version snapshot keeps, and loads again."""

from __future__ import annotations

from pathlib import Path

import insource.policy.params as params
from insource.policy.params import Parameter, load_text


def load_texts(texts: dict[str, str]) -> dict[str, Parameter]:
    """A parameter set from its files' texts, keyed by path under parameters/ (a snapshot)."""
    loaded = (
        load_text(text, ".".join(Path(rel).with_suffix("").parts), f"parameters/{rel}")
        for rel, text in sorted(texts.items())
    )
    return {p.name: p for p in loaded}


def parameter_texts(root: Path | None = None) -> dict[str, str]:
    """Every parameter file's text, keyed by its path under parameters/ (the shipped set)."""
    root = root or params.ROOT
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.yaml"))
    }

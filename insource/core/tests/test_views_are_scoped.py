"""A check CI runs: views never query models directly (no `.objects`, no get_object_or_404).

Views reach data only through selectors, which take the authority; so an unscoped query in a
view is a test failure, not a code-review hope."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN_CALLS = {"get_object_or_404", "get_list_or_404"}


def view_modules() -> list[Path]:
    return sorted(
        p
        for p in ROOT.rglob("*.py")
        if (p.name == "views.py" or p.name.endswith("_views.py") or p.parent.name == "views")
        and "tests" not in p.parts
    )


def unscoped_queries(path: Path) -> list[str]:
    """`file:line what` for every direct model query in a views module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
        if isinstance(node, ast.Name) and node.id in FORBIDDEN_CALLS:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.id}")
    return found


def test_there_are_views_to_check():
    assert len(view_modules()) >= 5


def test_no_view_queries_models_directly():
    offences = [o for path in view_modules() for o in unscoped_queries(path)]
    assert offences == [], "use a selector that takes the authority: " + "; ".join(offences)


def test_the_check_catches_an_unscoped_query(tmp_path):
    bad = tmp_path / "views.py"
    bad.write_text("def v(r):\n    return Review.objects.all()\n", encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert unscoped_queries(bad) == ["views.py:2 .objects"]
    finally:
        ROOT = saved

"""The engine is pure: no Django, no clock, no database, no settings (DESIGN.md)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "tests" not in p.relative_to(PACKAGE).parts)
FORBIDDEN = ("django", "sqlite3", "psycopg")
CLOCK = {"today", "now", "utcnow", "time"}


def _imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_does_not_import_django_or_a_database(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = [m for m in _imports(tree) if m.split(".")[0] in FORBIDDEN]
    assert not bad, f"{path.name} imports {bad}: the policy engine must stay pure"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_does_not_read_the_clock(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [
        n.func.attr
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in CLOCK
    ]
    assert not calls, f"{path.name} calls {calls}: take the date as an argument"


def test_rules_modules_state_their_legal_basis():
    for path in (PACKAGE / "rules").glob("*.py"):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        assert path.name in ("__init__.py", "base.py") or "Legal basis" in doc, path.name


def test_modules_are_small():
    for path in MODULES:
        assert len(path.read_text(encoding="utf-8").splitlines()) < 300, path.name


def test_rules_are_short():
    import inspect

    from insource.policy.rules import REGISTRY

    for rule in REGISTRY.values():
        body = inspect.getsource(rule.fn).split("\ndef ", 1)[1].splitlines()
        assert len(body) < 15, f"{rule.id} is {len(body)} lines: split it"

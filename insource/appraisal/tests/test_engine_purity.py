"""The appraisal engine is pure: no Django, no database, no clock (DESIGN.md), and small."""

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parent.parent / "engine"
MODULES = sorted(ENGINE.rglob("*.py"))
FORBIDDEN = ("django", "sqlite3", "psycopg")
CLOCK = {"today", "now", "utcnow", "time", "perf_counter"}


def _imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_there_are_modules_to_check():
    assert len(MODULES) >= 8


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_engine_module_does_not_import_django_or_a_database(path):
    bad = [m for m in _imports(ast.parse(path.read_text())) if m.split(".")[0] in FORBIDDEN]
    assert not bad, f"{path.name} imports {bad}: the appraisal engine must stay pure"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_engine_module_does_not_read_the_clock(path):
    calls = [
        n.func.attr
        for n in ast.walk(ast.parse(path.read_text()))
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in CLOCK
    ]
    assert not calls, f"{path.name} calls {calls}: take the date as an argument"


def test_the_check_sees_a_django_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from django.db import models\n")
    assert list(_imports(ast.parse(bad.read_text()))) == ["django.db"]


def test_app_modules_are_small():
    for path in (ENGINE.parent).rglob("*.py"):
        assert len(path.read_text().splitlines()) < 300, path

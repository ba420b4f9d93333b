"""A check CI runs: test support lives in `insource/testing/` (ADR 0026).

A test module imports its factories and builders from `insource.testing`, never from another
test module (a `tests` package holds tests, their conftest fixtures and the odd script they run);
`from conftest import TEST_NOW` is fine. And nothing the product runs imports test code: no
module outside the `tests` packages and `insource/testing/` imports either (the direction test
also keeps every app below `testing` on the map)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SUPPORT = "insource.testing"


def python_files(root: Path) -> list[Path]:
    skipped = {".venv", "node_modules", ".git", "frontend"}
    return sorted(p for p in root.rglob("*.py") if not skipped & set(p.relative_to(root).parts))


def is_test_code(relative: Path) -> bool:
    return "tests" in relative.parts[:-1]


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, dotted name) for every import anywhere in a module; a relative import is '.'."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, "." * node.level + (node.module or "")))
    return found


def names_test_code(name: str) -> bool:
    """Whether an import reaches into a `tests` package (relative imports are how one would);
    a conftest's names are fine."""
    parts = name.split(".")
    return name.startswith(".") or ("tests" in parts and parts[-1] != "conftest")


def offences(root: Path = ROOT) -> list[str]:
    found = []
    for path in python_files(root):
        relative = path.relative_to(root)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_tests = is_test_code(relative)
        in_support = relative.parts[:2] == ("insource", "testing")
        for line, name in imported_modules(tree):
            if names_test_code(name):
                where = "a test module" if in_tests else "code outside the tests"
                found.append(f"{relative.as_posix()}:{line} ({where}) imports {name}")
            elif (name == SUPPORT or name.startswith(SUPPORT + ".")) and not (
                in_tests or in_support or relative.parts[0] == "bench" or path.name == "conftest.py"
            ):
                found.append(f"{relative.as_posix()}:{line} (run-time code) imports {name}")
    return found


def test_tests_import_support_only_from_insource_testing():
    assert offences() == [], (
        "move shared test code to insource/testing/ and import it from there: "
        + "; ".join(offences())
    )


def test_the_check_catches_a_test_importing_a_test_module(tmp_path):
    tests = tmp_path / "insource" / "reviews" / "tests"
    tests.mkdir(parents=True)
    (tests / "test_a.py").write_text(
        "from conftest import TEST_NOW\n"
        "from insource.testing.workflow import council\n"
        "from insource.reviews.tests.test_b import helper\n"
        "from insource.reviews.tests.conftest import world\n"
        "def test_x():\n    from insource.appraisal.tests import builders\n",
        encoding="utf-8",
    )
    (tests / "conftest.py").write_text("from .support import world\n", encoding="utf-8")
    (tmp_path / "insource" / "reviews" / "views.py").write_text(
        "from insource.testing.factories import ContractFactory\n", encoding="utf-8"
    )
    assert offences(tmp_path) == [
        "insource/reviews/tests/conftest.py:1 (a test module) imports .support",
        "insource/reviews/tests/test_a.py:3 (a test module) imports insource.reviews.tests.test_b",
        "insource/reviews/tests/test_a.py:6 (a test module) imports insource.appraisal.tests",
        "insource/reviews/views.py:1 (run-time code) imports insource.testing.factories",
    ]

"""A check CI runs: every import between apps follows the map in `insource/layers.py`.

Module-level imports and imports inside functions alike; test modules are left out (a test may
drive several apps), and so are the project's top-level modules (settings, urls, cli)."""

from __future__ import annotations

import ast
from pathlib import Path

from insource.layers import LAYER_OF, may_import

ROOT = Path(__file__).resolve().parents[2]


def app_modules() -> list[Path]:
    return sorted(
        p
        for p in ROOT.rglob("*.py")
        if len(p.relative_to(ROOT).parts) > 1 and "tests" not in p.relative_to(ROOT).parts
    )


def imported_apps(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, app) for every `insource.<app>` import in a module, wherever it is."""
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "insource" and len(parts) > 1 and parts[1] in LAYER_OF:
                found.append((node.lineno, parts[1]))
    return found


def offences(root: Path = ROOT) -> list[tuple[str, str, int]]:
    """(module, app it may not import, line) for every import against the map."""
    found = []
    for path in app_modules() if root == ROOT else sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        importer = relative.parts[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, imported in imported_apps(tree):
            if not may_import(importer, imported):
                found.append((relative.as_posix(), imported, line))
    return found


def test_every_app_is_on_the_map():
    apps = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()}
    assert apps - set(LAYER_OF) == set(), "add the new app to insource/layers.py"


def test_imports_between_apps_follow_the_map():
    new = sorted(f"{module}:{line} imports {app}" for module, app, line in offences())
    assert new == [], (
        "against insource/layers.py (move the code, don't hide the import): " + "; ".join(new)
    )


def test_the_check_catches_an_import_inside_a_function(tmp_path):
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "services.py").write_text(
        "def f():\n    from insource.reviews.models import Review\n    return Review\n",
        encoding="utf-8",
    )
    (tmp_path / "reviews").mkdir()
    (tmp_path / "reviews" / "services.py").write_text(
        "import insource.register.models\n", encoding="utf-8"
    )
    assert offences(tmp_path) == [("register/services.py", "reviews", 2)]


def test_no_two_apps_share_a_layer_that_import_each_other():
    assert may_import("reviews", "register") and not may_import("register", "reviews")
    assert not may_import("appraisal", "wealth") and not may_import("wealth", "appraisal")


def imports_inside_functions(root: Path = ROOT) -> list[tuple[str, str, int]]:
    """(module, app, line) for every import of another app made inside a function body.
    `apps.py` is left out: connecting receivers in `ready()` is what it is for."""
    found = []
    for path in app_modules() if root == ROOT else sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if path.name == "apps.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for line, imported in imported_apps(function):
                    if imported != relative.parts[0]:
                        found.append((relative.as_posix(), imported, line))
    return sorted(set(found))


def test_no_cross_app_import_hides_inside_a_function():
    new = sorted(
        f"{module}:{line} imports {app}" for module, app, line in imports_inside_functions()
    )
    assert new == [], "import at the top of the module: " + "; ".join(new)


def test_the_check_catches_a_hidden_import_but_not_one_in_apps_py(tmp_path):
    (tmp_path / "transition").mkdir()
    hidden = "def f():\n    from insource.reviews import signals\n    return signals\n"
    (tmp_path / "transition" / "services.py").write_text(hidden, encoding="utf-8")
    (tmp_path / "transition" / "apps.py").write_text(hidden, encoding="utf-8")
    assert imports_inside_functions(tmp_path) == [("transition/services.py", "reviews", 2)]

"""The translation catalogues (ADR 0035): `.po` files are kept in the repository, the `.mo`
files Django reads are compiled from them in pure Python (polib), so a machine with only Python
and no GNU gettext can run the site in Welsh.

`compile_catalogues` is what `insource compilemessages` (set-up and CI), the test session and
`insource demo` call; it rewrites a `.mo` only when its `.po` is newer (or `force`)."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

# What `makemessages` skips: nobody reads tests, test support, benchmarks or built files in Welsh.
EXTRACT_IGNORE = [
    "*/tests/*",
    "tests/*",
    "insource/testing/*",
    "bench/*",
    "docs/*",
    "frontend/*",
    "var/*",
    "node_modules/*",
]


def catalogue_files(locale_dirs: list[Path] | None = None) -> list[Path]:
    """Every `.po` file under the project's locale directories."""
    dirs = locale_dirs if locale_dirs is not None else [Path(p) for p in settings.LOCALE_PATHS]
    return sorted(po for d in dirs for po in Path(d).glob("*/LC_MESSAGES/*.po"))


def compile_catalogues(locale_dirs: list[Path] | None = None, *, force: bool = False) -> list[Path]:
    """Write each stale `.mo` beside its `.po`; returns the `.mo` files written. Fuzzy and
    untranslated entries are left out (English is shown for them), as GNU msgfmt does."""
    import polib

    written = []
    for po_path in catalogue_files(locale_dirs):
        mo_path = po_path.with_suffix(".mo")
        if force or not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            # written beside it and renamed: parallel test workers (ADR 0049) and a running
            # site never read a half-written catalogue
            partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}.partial")
            polib.pofile(str(po_path)).save_as_mofile(str(partial))
            os.replace(partial, mo_path)
            written.append(mo_path)
    return written

"""Real Find a Tender pages (insource/demo/data/find-a-tender) and real-shaped pages made from
them, for the national feed's tests."""

from __future__ import annotations

import copy
import gzip
import json
from functools import cache
from io import StringIO
from pathlib import Path

from django.core.management import call_command

FIND_A_TENDER = Path(__file__).resolve().parents[1] / "demo" / "data" / "find-a-tender"
DAYS = ("2026-08-10", "2026-08-11")


def real_page(day: str, n: int) -> dict:
    with gzip.open(FIND_A_TENDER / day / f"page-{n:03d}.json.gz") as f:
        return json.load(f)


@cache
def _releases() -> dict[str, dict]:
    found = {}
    for day in DAYS:
        for n in range(1, 6):
            for release in real_page(day, n)["releases"]:
                found[release["id"]] = release
    return found


def real_release(release_id: str, **changes) -> dict:
    """A copy of the real release with that id, top-level fields replaced by `changes`."""
    release = copy.deepcopy(_releases()[release_id])
    release.update(changes)
    return release


def package(*releases: dict, next_url: str = "") -> dict:
    """A release package as the API answers it (the real package's metadata)."""
    first = real_page(DAYS[0], 1)
    page = {k: v for k, v in first.items() if k not in {"releases", "links"}}
    page["releases"] = list(releases)
    if next_url:
        page["links"] = {"next": next_url}
    return page


def write_pages(folder: Path, *packages: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, page in enumerate(packages, 1):
        (folder / f"page-{n:03d}.json").write_text(json.dumps(page), encoding="utf-8")
    return folder


def pull_dir(folder: Path, *extra: str) -> dict:
    """`insource feeds pull find-a-tender --from-dir folder --json`'s summary (even when the
    command fails)."""
    out = StringIO()
    try:
        args = ["pull", "find-a-tender", "--from-dir", str(folder), "--json", *extra]
        call_command("feeds", *args, stdout=out)
    except Exception:  # noqa: BLE001 - a failed pull still printed its summary
        if not out.getvalue():
            raise
    return json.loads(out.getvalue())

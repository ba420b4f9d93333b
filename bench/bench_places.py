"""Places benchmark: a place's report on the loaded demo register.

Needs a database holding the demo register (`insource demo --no-server`), SQLite by default or
PostgreSQL via DATABASE_URL. Measures (one warm-up, then the median of N runs, in this process):
  - `place_members` for the Staffordshire county place (STS and its eight districts): every
    buyer with contracts read with its published names, the rules applied, central government's
    contracts searched for the place's names;
  - `place_report` for the same place (members, contracts, services, shared suppliers, end
    dates, contracts ending together, the savings estimate);
  - `place_report` for Greater Manchester (the combined authority and its ten boroughs);
  - `report_data` (the JSON of `insource place report`) for the county place.

Usage: .venv/bin/python bench/bench_places.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insource.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from insource.places.areas import resolve  # noqa: E402
from insource.places.cli import report_data  # noqa: E402
from insource.places.report import place_members, place_report  # noqa: E402
from insource.places.selectors import spec_from_text  # noqa: E402

ON = date(2026, 12, 7)


def _median(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    county = spec_from_text(",".join(resolve("county", "STS")))
    gm = spec_from_text(",".join(resolve("combined-authority", "GMCA")))
    report = place_report(spec=county, on=ON)
    print(f"database: {connection.vendor}; runs: {runs}")
    print(
        f"Staffordshire: {len(report.bodies)} bodies, {len(report.lines)} contracts,"
        f" {len(report.groups)} groups ending together"
    )
    rows = {
        "place_members, Staffordshire": lambda: place_members(county),
        "place_report, Staffordshire": lambda: place_report(spec=county, on=ON),
        "place_report, Greater Manchester": lambda: place_report(spec=gm, on=ON),
        "report_data (CLI JSON), Staffordshire": lambda: report_data(
            place_report(spec=county, on=ON)
        ),
    }
    for name, fn in rows.items():
        print(f"{name}: {_median(fn, runs) * 1000:.0f} ms")


if __name__ == "__main__":
    main()

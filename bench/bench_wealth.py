"""Community wealth benchmark: the spend aggregation on the loaded demo register.

Needs a database holding the demo register (`insource demo --no-server`), SQLite by default or
PostgreSQL via DATABASE_URL. Measures (one warm-up, then the median of N runs, in this process):
  - `authority_wealth` (every figure of an officer's page: exclusions, spend by supplier,
    division and number of suppliers, contracts naming no supplier, jobs, LM3) for the busiest
    reviewing authority and for one adopting council (Staffordshire);
  - `authority_wealth` for every authority with contracts, one after the other (the total);
  - `spend_of` over the whole register (every non-framework contract with a value) at once;
  - `supplier_postcode_coverage` (every supplier's postcode found or not).
Postcode extraction is cached per process (lru_cache) as it is in a running server; the first
run of each (the warm-up) pays for it.

Usage: .venv/bin/python bench/bench_wealth.py [--runs 5]
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
from django.db.models import Count  # noqa: E402

from insource.authorities.models import Authority  # noqa: E402
from insource.register.models import Contract  # noqa: E402
from insource.wealth.districts import LocalMatcher  # noqa: E402
from insource.wealth.report import authority_wealth  # noqa: E402
from insource.wealth.selectors import supplier_postcode_coverage  # noqa: E402
from insource.wealth.spend import spend_of  # noqa: E402

ON = date(2026, 11, 23)


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
    busy = Authority.objects.annotate(n=Count("contracts")).order_by("-n").first()
    sts = Authority.objects.get(key="la:STS")
    with_contracts = list(Authority.objects.annotate(n=Count("contracts")).filter(n__gt=0))
    contracts = Contract.objects.filter(is_framework=False, value_inc_vat__isnull=False)
    print(f"database: {connection.vendor}; contracts counted nationally: {contracts.count():,}")
    rows = [
        (
            f"authority_wealth, busiest ({busy.name}, {busy.n} contracts)",
            lambda: authority_wealth(authority=busy, on=ON),
        ),
        ("authority_wealth, Staffordshire", lambda: authority_wealth(authority=sts, on=ON)),
        (
            f"authority_wealth for all {len(with_contracts)} authorities with contracts",
            lambda: [authority_wealth(authority=a, on=ON) for a in with_contracts],
        ),
        ("spend_of the whole register", lambda: spend_of(contracts, LocalMatcher.of(["ST"]))),
        ("supplier_postcode_coverage", supplier_postcode_coverage),
    ]
    for label, fn in rows:
        print(f"{label}: {_median(fn, runs if 'all' not in label else 1) * 1000:,.0f} ms")


if __name__ == "__main__":
    main()

"""National view benchmark: the public pages of issue 20 on the loaded demo register.

Needs a database holding the demo register (`insource demo --no-server`), SQLite by default or
PostgreSQL via DATABASE_URL. Through Django's test client (the whole request: URL, view,
selectors, template, middleware), one warm-up, then the median and minimum of N runs, with the
number of queries of the last run:
  - `/public/services/905/` (refuse and waste) and `/public/services/90/` (the whole division),
  - `/public/services/` (the list), `/api/public/v1/services/905/`, the CSV by authority,
  - `/public/authorities/sts/` (Staffordshire's page, with Councils like us among its panels),
  - `councils_like(Staffordshire)` alone.

Usage: .venv/bin/python bench/bench_national.py [--runs 6]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insource.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from insource.authorities.models import Authority  # noqa: E402
from insource.national.selectors.like_us import councils_like  # noqa: E402

URLS = (
    "/public/services/905/",
    "/public/services/90/",
    "/public/services/",
    "/api/public/v1/services/905/",
    "/public/services/905/by-authority.csv",
    "/public/authorities/sts/",
)


def timed(fn, runs: int) -> tuple[list[float], int]:
    fn()  # warm-up
    times, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as seen:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        queries = len(seen)
    return times, queries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=6)
    runs = parser.parse_args().runs
    client = Client(HTTP_HOST="127.0.0.1")

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return b"".join(response.streaming_content) if response.streaming else response.content

    for url in URLS:
        times, queries = timed(lambda u=url: get(u), runs)
        print(f"{url:45} median {statistics.median(times) * 1000:6.0f} ms, "
              f"min {min(times) * 1000:6.0f} ms, {queries} queries")  # fmt: skip
    sts = Authority.objects.get(code="STS")
    times, queries = timed(lambda: councils_like(sts), runs)
    print(f"{'councils_like(STS)':45} median {statistics.median(times) * 1000:6.0f} ms, "
          f"min {min(times) * 1000:6.0f} ms, {queries} queries")  # fmt: skip


if __name__ == "__main__":
    main()

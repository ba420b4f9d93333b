"""Open-data downloads benchmark (ADR 0047): built per request (before) vs served as files.

On the real demo register (every UK local authority, 20,778 + 143 + 557 contracts, loaded once
into bench/out/exports.sqlite3, not timed), for each of the four whole-register downloads:
  - "per request, before": building the export in full, as every request used to
    (`export_chunks` consumed to the last byte; what `/api/public/v1/exports/...` cost);
  - "build the file": `export_write` (the background task's work after a change);
  - "serve the file": a GET through Django's full stack (test client: middleware, throttling,
    the view, `FileResponse`), body read to the end;
  - "304": the same GET with the file's ETag in If-None-Match.
Each is the median of N runs (one warm-up first), wall and CPU (process time) of this process.

Usage: .venv/bin/python bench/bench_exports.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DB = OUT / "exports.sqlite3"


def setup_django() -> None:
    os.environ.update(
        {
            "INSOURCE_ENV": "development",
            "INSOURCE_DEMO": "false",
            "DATABASE_URL": f"sqlite:///{DB}",
            "INSOURCE_EXPORTS_DIR": str(OUT / "exports"),
            "INSOURCE_EXPORTS_AFTER_CHANGES": "false",
            "INSOURCE_API_PUBLIC_RATE": "100000/minute",
            "INSOURCE_API_EXPORT_RATE": "100000/minute",
            "DJANGO_SETTINGS_MODULE": "insource.settings",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def load_register() -> None:
    if DB.exists():
        return
    OUT.mkdir(parents=True, exist_ok=True)
    from django.core.management import call_command
    from django.utils import timezone

    from insource.core.audit import Actor
    from insource.demo.services import demo_load

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    demo_load(
        by=Actor.system("bench"),
        at=timezone.now(),
        on=timezone.localdate(),
        screen=False,
        open_reviews=False,
    )


def timed(fn, runs: int) -> dict:
    samples = []
    for i in range(runs + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        if i:
            samples.append((time.perf_counter() - wall, time.process_time() - cpu))
    return {
        "median_wall_ms": round(statistics.median(s[0] for s in samples) * 1000, 2),
        "median_cpu_ms": round(statistics.median(s[1] for s in samples) * 1000, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    load_register()
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from insource.transparency.exports.files import KINDS, export_chunks, export_write

    client = Client()
    before = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    results = {}
    for kind, spec in KINDS.items():
        url = f"/api/public/v1/{spec.path}"

        def per_request(kind=kind):
            for _chunk in export_chunks(
                kind, base_url=settings.INSOURCE_BASE_URL, now=timezone.now()
            ):
                pass

        def build(kind=kind):
            export_write(kind, now=timezone.now())

        built = export_write(kind, now=timezone.now())

        def serve(url=url):
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            for _block in response.streaming_content:
                pass

        row = {
            "size_mb": round(built.size / 1e6, 1),
            "per_request_before": timed(per_request, args.runs),
            "build_the_file": timed(build, args.runs),
        }
        etag = client.get(url)["ETag"]

        def not_modified(url=url, etag=etag):
            assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

        row["serve_the_file"] = timed(serve, args.runs * 4)
        row["304"] = timed(not_modified, args.runs * 4)
        row["before_over_file_cpu"] = round(
            row["per_request_before"]["median_cpu_ms"] / row["serve_the_file"]["median_cpu_ms"], 1
        )
        results[kind] = row
    after = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(
        json.dumps({"uptime_before": before, "uptime_after": after, "results": results}, indent=2)
    )


if __name__ == "__main__":
    main()

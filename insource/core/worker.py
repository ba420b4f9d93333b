"""The background worker beside the demo server: `./dev run` starts `insource db_worker` as a
child process so a task enqueued by a page (a register upload) runs while the demo is up, and
stops it when the server stops (ADR 0031)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


def worker_command() -> list[str]:
    """The command that runs the database worker with this interpreter and these settings."""
    return [
        *[sys.executable, "-m", "insource.cli", "db_worker", "--no-reload", "--interval", "1"],
        *["--queue-name", "*"],  # every queue (ADR 0054): one worker is enough for the demo
    ]


def needs_worker() -> bool:
    """Whether tasks wait in the database for a worker (not run at once in the request)."""
    return settings.TASKS["default"]["BACKEND"] == DATABASE_BACKEND


@contextmanager
def background_worker() -> Iterator[subprocess.Popen | None]:
    """Run the database worker as a child process for the duration of the block."""
    if not needs_worker():
        yield None
        return
    child = subprocess.Popen(worker_command())  # noqa: S603 (our own interpreter and command)
    try:
        yield child
    finally:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()

"""The task queue in tests (ADR 0031, 0054): tests run tasks at once (the immediate backend);
a test that watches a job wait and then run sets `DATABASE_QUEUE` and runs `run_worker()`."""

from __future__ import annotations

from django.core.management import call_command

from insource.core.jobs import QUEUES

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": QUEUES}}
DUMMY_QUEUE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": QUEUES}}


def run_worker() -> None:
    """Run every task waiting in the database, of every queue, then return."""
    call_command(
        "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--queue-name", "*",
        verbosity=0,
    )  # fmt: skip

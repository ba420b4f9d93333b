"""The task queue (ADR 0031): with the database backend a task waits in the database until the
worker runs it; `./dev run` starts that worker beside the server."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus, task

from insource.core.worker import background_worker, needs_worker, worker_command
from insource.testing.tasks import DATABASE_QUEUE

DB_TASKS = DATABASE_QUEUE


@task()
def double(n: int) -> int:
    return 2 * n


@pytest.mark.django_db(transaction=True)  # the worker closes old connections, as it runs
def test_a_task_waits_for_the_worker_then_runs(settings):
    settings.TASKS = DB_TASKS
    result = double.enqueue(21)
    result.refresh()
    assert result.status == TaskResultStatus.READY
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 42


def test_tests_run_tasks_at_once_and_start_no_worker():
    assert not needs_worker()
    with background_worker() as child:
        assert child is None


def test_the_demo_worker_runs_this_interpreter_without_reloading(settings):
    settings.TASKS = DB_TASKS
    command = worker_command()
    assert needs_worker()
    assert command[1:5] == ["-m", "insource.cli", "db_worker", "--no-reload"]

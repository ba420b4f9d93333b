"""Worker processes for a large OCDS import, on machines with more than one core (ADR 0053).

Two pieces of an import's work need nothing but the file and the spill, never the database:
- **schema validation** (`SchemaCheck`): a worker reads the file itself and validates every
  release while the importing process spills, merges, maps and writes; its warnings join the
  others at the end, release by release as one process gives them;
- **merging and mapping** (`mapped_groups`): once the spill is complete, workers read it and
  each merges and maps every `workers`-th batch of ocids; the importing process receives the
  batches in ocid order and writes them, so records, warnings and errors arrive exactly as
  one process would give them.

Off unless `INSOURCE_IMPORT_WORKERS` asks for them (the workers cost CPU: they win only where
a core is free). Workers are forked (nothing to set up, nothing pickled on the way in) and
never touch the database connection they inherit; each sends its results through a pipe. A
worker that fails or dies is replaced by the importing process doing the same work itself, so
the outcome never depends on the workers. Small files (and platforms that cannot fork) are
done in-process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings

from insource.register.importers.ocds_read import ReleaseSpill, spilled_groups

# Below these sizes a worker process costs more than it saves.
BACKGROUND_FROM_BYTES = 4 * 1024 * 1024
PARALLEL_FROM_RELEASES = 2000
GROUPS_PER_BATCH = 250


def workers() -> int:
    """How many mapping workers (`INSOURCE_IMPORT_WORKERS`); 0 where processes cannot fork."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return settings.INSOURCE_IMPORT_WORKERS


def _fork(target: Callable, *args):
    """A forked process running `target(*args, sender)`, and the end of the pipe it sends to."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=target, args=(*args, sender), daemon=True)
    process.start()
    sender.close()
    return process, receiver


def _stop(process, receiver) -> None:
    if process.is_alive():
        process.kill()
    process.join()
    receiver.close()


class SchemaCheck:
    """Schema warnings for every release of a file, `(release index, warning)`.

    `validate_file(path)` gives them for a whole file (in a worker, for a large file);
    `validate_one(release, where)` gives one release's, for `here` when there is no worker.
    If the worker fails, the file is validated in this process when the result is asked for.
    """

    def __init__(self, path: Path, validate_file: Callable, validate_one: Callable):
        self.path, self._validate_file, self._validate_one = path, validate_file, validate_one
        self._found: list = []
        self._worker = None
        if workers() and path.stat().st_size >= BACKGROUND_FROM_BYTES:
            self._worker = _fork(_send_result, validate_file, path)

    def here(self, index: int, release: dict, where: str) -> None:
        """Validate one release in this process (only when there is no worker)."""
        if self._worker is None:
            self._found.extend((index, w) for w in self._validate_one(release, where))

    def result(self) -> list:
        if self._worker is not None:
            process, receiver = self._worker
            try:
                self._found = receiver.recv()
            except (EOFError, OSError):
                self._found = self._validate_file(self.path)
            self.close()
        return self._found

    def close(self) -> None:
        if self._worker is not None:
            _stop(*self._worker)
            self._worker = None


def _send_result(function: Callable, path: Path, sender) -> None:
    try:
        sender.send(function(path))
    finally:
        sender.close()


def mapped_groups(
    spill: ReleaseSpill, map_group: Callable[[str, list[bytes]], tuple[list, list]]
) -> Iterator[tuple[list, list]]:
    """`map_group(ocid, stored releases)` = (items, warnings) for each ocid of the spill, in
    ocid order: by worker processes for a large spill, else (or if a worker fails) here."""
    spill.ready()
    count = workers()
    if spill.count < PARALLEL_FROM_RELEASES or not count:
        yield from _mapped_here(spill, map_group, first_batch=0)
        return
    forked = [_fork(_map_batches, spill.path, map_group, n, count) for n in range(count)]
    received = 0
    try:
        while True:
            process, receiver = forked[received % count]
            try:
                message = receiver.recv()
            except (EOFError, OSError):  # the worker failed: do the rest here
                break
            if message is None:  # no batch `received`: every batch is done
                return
            number, batch = message
            if number != received:
                break
            yield from batch
            received += 1
    finally:
        for worker in forked:
            _stop(*worker)
    yield from _mapped_here(spill, map_group, first_batch=received)


def _mapped_here(spill: ReleaseSpill, map_group, *, first_batch: int):
    for n, (ocid, bodies) in enumerate(spilled_groups(spill.path)):
        if n // GROUPS_PER_BATCH >= first_batch:
            yield map_group(ocid, bodies)


def _map_batches(path: Path, map_group, worker: int, workers: int, sender) -> None:
    """A worker: maps batches worker, worker + workers, ... and sends each as (number, batch),
    then None."""
    try:
        batch, current = [], 0
        for n, (ocid, bodies) in enumerate(spilled_groups(path)):
            number = n // GROUPS_PER_BATCH
            if number % workers != worker:
                continue
            if number != current and batch:
                sender.send((current, batch))
                batch = []
            current = number
            batch.append(map_group(ocid, bodies))
        if batch:
            sender.send((current, batch))
        sender.send(None)
    finally:
        sender.close()

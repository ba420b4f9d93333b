"""The OCDS reader in a process of its own, beside the import that writes (ADR 0059).

`read_ocds` (parse, check, validate, spill, merge, map) needs nothing but the file: never the
database, never Django. A forked child runs it and sends its records back through a pipe in
batches, while the importing process sets itself up and writes the records it has already
received. The two stages, each about half of an import, then share the machine's cores instead
of taking turns.

- The command line starts the reader before Django's set-up (`prestart`, from `insource.cli`),
  so the set-up costs the import nothing; the import service takes it (`take`) when the file
  and options match, or forks one itself for a large file (`start`).
- The child runs the same generator as one process would, so records, errors and warnings are
  the same, in the same order: the warnings come with the last batch.
- If the child fails or dies, the importing process reads the file itself and skips the records
  it had already received: the outcome never depends on the child. A file the reader refuses
  (`OcdsReadError`) is refused with the same message.
- Small files, platforms that cannot fork and processes running threads (the web server, the
  task worker's threads) read in one process.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import logging
import multiprocessing
import pickle
import queue
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path

from insource.register.importers.ocds import read_ocds, read_part
from insource.register.importers.ocds_read import (
    OcdsReadError,
    ReleaseSpill,
    detect_layout,
    release_split,
)
from insource.register.importers.records import ImportIssue

logger = logging.getLogger(__name__)

# Below this size the child costs more than it saves (about 1,500 releases).
FROM_BYTES = 4 * 1024 * 1024
BATCH = 250
AHEAD = 16  # batches received ahead of the writer, at most (about 5 MB)
STOP_WAIT = 5.0  # seconds
# The importing process's part of a release package begins where both processes should end
# their parts together (`part_from`). Measured on 20,000 releases (65 MB): the child reads about
# 38 MB a second; the importing process, which first sets Django up when the command line
# started the child, reads its part about 1.1 times as slowly and scans the bytes before it
# at about 0.15 of the reading's cost.
READ_MB_PER_SECOND = 38
SET_UP_SECONDS = 0.5
PART_SLOWER = 1.1
SCAN_SHARE = 0.15
OCDS_SUFFIXES = {".json", ".jsonl", ".ndjson"}

_prestarted: dict[tuple[str, bool], ReaderProcess] = {}


def can_fork() -> bool:
    """Forking is safe here: the platform forks and no other thread runs (a thread holding a
    lock at the fork would leave the child waiting on it for ever)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def worth_a_process(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size >= FROM_BYTES
    except OSError:
        return False


class ReaderProcess:
    """`read_ocds(path, validate=...)` running in a forked child; `records(issues)` gives what
    it yields, as it would."""

    def __init__(self, path: Path, validate: bool, *, prestarted: bool = False):
        self.path, self.validate = Path(path), validate
        self._set_up = SET_UP_SECONDS if prestarted else 0.0
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        part_receiver, self._part_sender = context.Pipe(duplex=False)
        self._split = _SplitState(context)
        self._part_spill: ReleaseSpill | None = None
        self._ready = context.Event()
        self._process = context.Process(
            target=_child,
            args=(
                self.path,
                validate,
                sender,
                _ChildSplit(self._split, part_receiver),
                self._ready,
            ),
            daemon=True,
        )
        self._process.start()
        sender.close()
        part_receiver.close()
        self._ahead: queue.Queue = queue.Queue(maxsize=AHEAD)
        self._stopping = threading.Event()
        self._pump: threading.Thread | None = None

    def records(self, issues: list[ImportIssue]) -> Iterator:
        """What `read_ocds(path, validate=..., issues=issues)` yields, read by the child; its
        warnings are added to `issues` at the end, as `read_ocds` adds them."""
        received = 0
        self._read_part()
        self._pump = threading.Thread(target=self._receive, name="ocds-reader-pipe", daemon=True)
        self._pump.start()
        try:
            while True:
                message = self._ahead.get()
                if message is None:  # the child died: read the rest here
                    break
                kind, payload, found = pickle.loads(message)  # noqa: S301 - our own child
                if kind == "items":
                    yield from payload
                    received += len(payload)
                    continue
                issues.extend(found)
                if kind == "done":
                    return
                if kind == "refused":
                    raise OcdsReadError(payload)
                break  # "fault": a bug in the child; here it will show itself again
        finally:
            self.stop()
        yield from itertools.islice(
            read_ocds(self.path, validate=self.validate, issues=issues), received, None
        )

    def _read_part(self) -> None:
        """Read the later part of a release package here while the child reads the first:
        the releases from the first that begins past `part_from` of the file, unless the child
        has already reached it. The child is always told what came of it (the part, or None:
        it then reads on itself), and checks that both count alike."""
        try:
            size = self.path.stat().st_size
            share = part_from(size, self._set_up)
            if share is None or detect_layout(self.path) != "release-package":
                split = None
            else:
                split = release_split(self.path, int(size * share))
        except (OcdsReadError, OSError):
            split = None
        if split is None or not self._split.claim(split.index):
            self._split.give_up()
            return
        part = None
        try:
            self._part_spill = ReleaseSpill(first_seq=split.index)
            part = read_part(self.path, split, self._part_spill, validate=self.validate)
        except Exception as exc:  # noqa: BLE001 - the child reads the part itself
            logger.debug("the importing process did not read its part: %s", exc)
        try:
            self._part_sender.send(part)
        except (BrokenPipeError, OSError):
            pass  # the child has gone: `records` reads the file here

    def _receive(self) -> None:
        """A thread that empties the pipe as the child fills it (the bytes only: reading them
        lets go of the interpreter), so the child never waits while the writer writes a batch:
        a pipe holds 64 KB, a batch about 300 KB."""
        while not self._stopping.is_set():
            try:
                message = self._receiver.recv_bytes()
            except (EOFError, OSError):
                message = None
            while not self._stopping.is_set():
                try:
                    self._ahead.put(message, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if message is None:
                return

    def stop(self) -> None:
        """End the child (through its `finally` clauses, which remove its spill) and let go of
        everything shared with it. SIGTERM is sent only once the child has its own handler: in
        the moment after the fork it still has its parent's (a test runner's, a worker's
        graceful stop), which would not end it. A child that does not end is killed."""
        self._stopping.set()
        if self._process.is_alive():
            self._ready.wait(STOP_WAIT)
            self._process.terminate()
            self._process.join(STOP_WAIT)
            if self._process.is_alive():
                self._process.kill()
        self._process.join()
        if self._pump is not None:
            self._pump.join()
        self._receiver.close()
        self._part_sender.close()
        if self._part_spill is not None:
            self._part_spill.close()
            self._part_spill = None


def part_from(size: int, set_up: float) -> float | None:
    """Where (a share of the file's `size` in bytes) the importing process's part should begin
    so that it and the child end together, the importing process starting `set_up` seconds
    later; None when the part would be too small to be worth it. With `T` the child's time to
    read the whole file and `f` the share it reads: f T = set_up + SCAN_SHARE f T +
    PART_SLOWER (1 - f) T."""
    whole = max(size, 1) / (READ_MB_PER_SECOND * 2**20)
    share = (set_up + PART_SLOWER * whole) / ((1 - SCAN_SHARE + PART_SLOWER) * whole)
    return share if share < 0.95 else None


class _SplitState:
    """Shared by the importing process and the child: the release the child is at, and where
    the importing process's part begins (-1: not decided yet; -2: nowhere), both under one
    lock."""

    def __init__(self, context):
        self.lock = context.Lock()
        self.at = context.RawValue("q", -1)
        self.split = context.RawValue("q", -1)

    def claim(self, index: int) -> bool:
        """The importing process takes the releases from `index` on, if the child is not there
        yet."""
        with self.lock:
            if self.at.value >= index:
                return False
            self.split.value = index
            return True

    def give_up(self) -> None:
        with self.lock:
            if self.split.value == -1:
                self.split.value = -2


class _ChildSplit:
    """The child's side of `read_ocds(split=...)`: it reads releases until the importing
    process's part begins, then takes that part, or reads on if there is none."""

    def __init__(self, state: _SplitState, receiver):
        self.state, self.receiver = state, receiver
        self.stopped_at: tuple | None = None  # the first release of the other part, as read here

    def mine(self, numbered):
        state = self.state
        for index, release in numbered:
            with state.lock:
                state.at.value = index
                split = state.split.value
            if 0 <= split <= index:
                self.stopped_at = (index, release)
                return
            yield index, release

    def part(self):
        if self.stopped_at is None:
            return None  # the file ended first: nothing was split
        try:
            part = self.receiver.recv()
        except (EOFError, OSError):
            return None
        if part is None or part.first != self.stopped_at[1]:
            return None  # not read there, or not counted alike: read on here
        return part

    def rest(self, numbered):
        if self.stopped_at is not None:
            yield self.stopped_at
        yield from numbered


def _child(path: Path, validate: bool, sender, split: _ChildSplit, ready) -> None:
    """The child's start: its own signal handlers, then the reading."""
    gc.freeze()  # what the parent made before the fork is not the child's to collect
    # Stopped (`stop`) or interrupted, the child ends through its `finally` clauses, which
    # remove the spill; a handler inherited from the parent (a worker's graceful stop) would not.
    signal.signal(signal.SIGTERM, _exit_now)
    signal.signal(signal.SIGINT, _exit_now)
    ready.set()
    _read_and_send(path, validate, sender, split)


def _read_and_send(path: Path, validate: bool, sender, split: _ChildSplit | None = None) -> None:
    """The child: read the file and send the records in batches, then the warnings."""
    issues: list[ImportIssue] = []
    batch: list = []
    try:
        for item in read_ocds(path, validate=validate, issues=issues, split=split):
            batch.append(item)
            if len(batch) >= BATCH:
                sender.send(("items", batch, None))
                batch = []
        if batch:
            sender.send(("items", batch, None))
        sender.send(("done", None, issues))
    except OcdsReadError as exc:
        if batch:
            sender.send(("items", batch, None))
        sender.send(("refused", str(exc), issues))
    except (BrokenPipeError, EOFError):
        pass  # the importing process stopped listening: nothing to tell
    except Exception:  # noqa: BLE001 - told to the importing process, which reads again
        sender.send(("fault", traceback.format_exc(), []))
    finally:
        sender.close()


def _exit_now(signum, frame):
    sys.exit(128 + signum)


def start(path: Path, *, validate: bool, prestarted: bool = False) -> ReaderProcess | None:
    """A reader process for a large OCDS file, where forking is safe; else None."""
    if can_fork() and worth_a_process(Path(path)):
        return ReaderProcess(path, validate, prestarted=prestarted)
    return None


def prestart(argv: list[str]) -> None:
    """From the command line, before Django is set up: start the reader of `insource import
    PATH` (its arguments after `import`) when the file is large OCDS JSON. The import takes it
    with `take`; anything it does not take is stopped when the process ends (a daemon child)."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("path", nargs="?")
    parser.add_argument("--format")
    parser.add_argument("--no-validate", action="store_true")
    try:
        known, _ = parser.parse_known_args(argv)
    except SystemExit:  # the command's own parser will say what is wrong
        return
    if not known.path or known.format not in (None, "ocds"):
        return
    path = Path(known.path)
    if path.suffix.lower() not in OCDS_SUFFIXES and known.format != "ocds":
        return
    validate = not known.no_validate
    reader = start(path, validate=validate, prestarted=True)
    if reader is not None:
        _prestarted[(str(path.resolve()), validate)] = reader


def stop_prestarted() -> None:
    """Stop any reader `prestart` started that no import took (the import stopped before
    reading: no authorities seeded, a refused option...), before the process ends at once."""
    while _prestarted:
        _prestarted.popitem()[1].stop()


def take(path: Path, *, validate: bool) -> ReaderProcess | None:
    """The reader `prestart` started for this file and option, if any (once)."""
    if not _prestarted:
        return None
    reader = _prestarted.pop((str(Path(path).resolve()), validate), None)
    for other in _prestarted.values():  # started for a file this import does not read
        other.stop()
    _prestarted.clear()
    return reader

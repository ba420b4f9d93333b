"""Shared helpers for management commands: JSON output, rich progress, the clock at the edge."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)


def print_json(data, stream=None) -> None:
    """Write data as JSON to a command's stdout (`self.stdout`), else to sys.stdout."""
    text = json.dumps(data, indent=2, default=str, ensure_ascii=False)
    if stream is None:
        sys.stdout.write(text + "\n")
    else:
        stream.write(text)


@contextmanager
def progress_bar(label: str, *, total: int | None = None, enabled: bool = True):
    """Yields a callback `advance(done)`; a rich bar on stderr when enabled and a terminal."""
    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield lambda done: None
        return
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.update(task, completed=done)

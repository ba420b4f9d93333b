"""How far a background job has got, as every progress page shows it (ADR 0054): the shared
partial `core/includes/progress.html` draws it, `progress.js` polls the page's JSON twin, which
answers with `progress_json`. A job with no known total shows a moving bar and its count."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.http import JsonResponse


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    percent: int | None  # None: the total is not known yet
    finished: bool
    status: str = ""
    text: str = ""  # the progress in words, for the page and its script


def progress_of(*, done: int, total: int, finished: bool, status: str = "", text: str = ""):
    """100% once finished; under 100% until then; no percentage without a total."""
    if finished:
        return Progress(done, total, 100, True, status, text)
    percent = min(99, done * 100 // total) if total else None
    return Progress(done, total, percent, False, status, text)


def progress_json(progress: Progress) -> JsonResponse:
    """The JSON the progress script polls (never cached: it changes as the job runs)."""
    response = JsonResponse(asdict(progress))
    response["Cache-Control"] = "no-store"
    return response

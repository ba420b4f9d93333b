"""What the upload pages show: the columns with their first values, the outcomes in words, the
progress as a percentage, and the report as CSV."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from insource.core.jobs import task_lost
from insource.core.progress import Progress
from insource.core.progress import progress_of as progress_of_job
from insource.register.exporters.csv import rows_csv, with_bom
from insource.register.uploads import files
from insource.register.uploads.columns import FIELDS
from insource.register.uploads.models import RegisterUpload

OUTCOME_WORDS = {
    "created": gettext_lazy("New"),
    "updated": gettext_lazy("Updated"),
    "unchanged": gettext_lazy("Unchanged"),
    "refused": gettext_lazy("Refused"),
}
OUTCOME_TAGS = {"created": "green", "updated": "blue", "unchanged": "grey", "refused": "red"}
ROWS_PER_PAGE = 50
RUNNING = {RegisterUpload.Status.QUEUED, RegisterUpload.Status.RUNNING}


def columns_preview(upload: RegisterUpload) -> list[dict]:
    """Each column of the file with the values of the first rows (the mapping page)."""
    return [
        {"heading": heading, "values": [row[i] if i < len(row) else "" for row in upload.preview]}
        for i, heading in enumerate(upload.headings)
        if heading
    ]


def mapped_fields(upload: RegisterUpload) -> list[tuple[str, str]]:
    """(register field, column) for each field the upload's columns fill."""
    return [(f.label, upload.columns[f.name]) for f in FIELDS if upload.columns.get(f.name)]


@dataclass(frozen=True)
class OutcomeRow:
    row: int | None
    where: str
    reference: str
    title: str
    outcome: str
    words: str
    tag: str
    reason: str


def outcome_rows(rows: list) -> list[OutcomeRow]:
    return [
        OutcomeRow(
            n,
            where,
            ref,
            title,
            outcome,
            str(OUTCOME_WORDS[outcome]),
            OUTCOME_TAGS[outcome],
            reason,
        )  # fmt: skip
        for n, where, ref, title, outcome, reason in rows
    ]


def outcome_page(report: dict, number, *, only: str = ""):
    """One page of a dry run's or an import's rows (`only`: one outcome, e.g. refused)."""
    rows = [r for r in report.get("rows", []) if not only or r[4] == only]
    page = Paginator(rows, ROWS_PER_PAGE).get_page(number)
    page.object_list = outcome_rows(list(page.object_list))
    page.elided = list(page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))
    return page


def progress_of(upload: RegisterUpload, *, now: datetime) -> Progress:
    """How far the import is: 100% once finished (or once its worker is found lost); under
    100% until then."""
    if upload.status not in RUNNING or task_lost(upload.task_id, now=now):
        total = upload.report.get("counts", {}).get("rows", 0)
        return progress_of_job(done=total, total=total, finished=True, status=upload.status)
    done, total = files.read_progress(upload.token)
    if upload.status == RegisterUpload.Status.QUEUED:
        text = _("Waiting to start.")
    else:
        percent = min(99, done * 100 // total) if total else 0
        words = _("%(percent)s%% done: %(done)s of %(total)s rows.")
        text = words % {"percent": percent, "done": done, "total": total}
    return progress_of_job(
        done=done, total=total, finished=False, status=upload.status, text=str(text)
    )


def is_lost(upload: RegisterUpload, *, now: datetime) -> bool:
    """The import's worker stopped before it finished (ADR 0054)."""
    return upload.status in RUNNING and task_lost(upload.task_id, now=now)


REPORT_COLUMNS = {
    gettext_lazy("Row"): lambda r: r[0] if r[0] is not None else r[1],
    gettext_lazy("Reference"): lambda r: r[2],
    gettext_lazy("Title"): lambda r: r[3],
    gettext_lazy("Outcome"): lambda r: OUTCOME_WORDS[r[4]],
    gettext_lazy("Reason"): lambda r: r[5],
}


def report_csv(upload: RegisterUpload) -> Iterator[str]:
    """The import's report (or, before it ran, the dry run's), one line per row, with a
    byte-order mark so a spreadsheet reads it as UTF-8."""
    report = upload.report or upload.checked
    columns = {str(k): v for k, v in REPORT_COLUMNS.items()}
    return with_bom(rows_csv(report.get("rows", []), columns))


def report_filename(upload: RegisterUpload) -> str:
    stem = upload.name.rsplit(".", 1)[0]
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem)[:60] or "register"
    return f"{safe}-report-{upload.uploaded_at:%Y-%m-%d}.csv"

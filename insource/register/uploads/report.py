"""What an upload's dry run or import did to each row, kept with the upload; and the screen that
keeps an upload to its own authority's contracts."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from insource.register.importers.fields import RecordErrors
from insource.register.importers.records import ContractRecord, ImportIssue
from insource.register.models import Contract

OUTCOMES = ("created", "updated", "unchanged", "refused")
_ROW = re.compile(r"\brow (\d+)$")
SCREEN_BATCH = 500


def outcome_report(summary, upload) -> dict:
    """{"counts": {...}, "rows": [[row number or None, where, reference, title, outcome,
    reason]], "failed": why the file as a whole failed, or ""}, rows in the file's order."""
    staged = f"{upload.token}{upload.suffix}"
    rows = [
        _row(where, staged, reference, title, outcome, "")
        for where, reference, title, outcome in summary.outcomes
    ]
    reasons: dict[str, list[str]] = {}
    for issue in summary.refused:
        reasons.setdefault(issue.where, []).append(_reason(issue))
    rows += [_row(w, staged, "", "", "refused", "; ".join(r)) for w, r in reasons.items()]
    rows.sort(key=lambda r: (r[0] is None, r[0] or 0))
    counts = {o: sum(1 for r in rows if r[4] == o) for o in OUTCOMES} | {"rows": len(rows)}
    failed = ""
    if summary.status != "succeeded":
        failed = "; ".join(e.message.replace(staged, upload.name) for e in summary.errors[:5])
        if len(summary.errors) > 5:
            failed += " " + _("(and %(n)s more)") % {"n": len(summary.errors) - 5}
    return {"counts": counts, "rows": rows, "failed": failed}


def _row(where: str, staged: str, reference: str, title: str, outcome: str, reason: str):
    where = where.replace(staged, "").strip(" :")
    found = _ROW.search(where)
    return [int(found.group(1)) if found else None, where, reference, title, outcome, reason]


def _reason(issue: ImportIssue) -> str:
    return f"{issue.field}: {issue.message}" if issue.field else issue.message


def own_contracts_only(authority):
    """A screen for the import: a record that would change a contract on another authority's
    register is refused, whatever the file says."""

    def screen(items: Iterable) -> Iterator:
        items = iter(items)
        while chunk := list(itertools.islice(items, SCREEN_BATCH)):
            keys = [i.source_key for i in chunk if isinstance(i, ContractRecord)]
            foreign = set(
                Contract.objects.filter(source_key__in=keys)
                .exclude(reviewing_authority=authority)
                .values_list("source_key", flat=True)
            )
            for item in chunk:
                if isinstance(item, ContractRecord) and item.source_key in foreign:
                    message = _("this contract is on another authority's register")
                    yield RecordErrors([ImportIssue("error", item.where, "", message)])
                else:
                    yield item

    return screen

"""The open-data page's rows (ADR 0047): each whole-register download with its size and the time
and date it was built, or that it is being prepared. No query: it reads the files' dates."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from insource.core.dates import long_date
from insource.transparency.exports.files import export_built

DOWNLOADS = (
    ("contracts", "api-public:export-contracts-csv", "CSV"),
    ("ocds-releases", "api-public:export-ocds-releases", "JSON"),
    ("ocds-records", "api-public:export-ocds-records", "JSON"),
    ("decisions", "api-public:export-decisions-csv", "CSV"),
)


@dataclass(frozen=True)
class DownloadRow:
    title: str
    description: str
    url: str
    file_format: str
    size: str
    built: str


def _titles() -> dict[str, tuple[str, str]]:
    return {
        "contracts": (
            _("Every contract in the register"),
            _("One row per contract: who buys it, from whom, what it is worth and when it ends."),
        ),
        "ocds-releases": (
            _("Every contract as open contracting data (releases)"),
            _("An OCDS 1.1 release package with the UK extension: every change as a release."),
        ),
        "ocds-records": (
            _("Every contract as open contracting data (records)"),
            _("An OCDS 1.1 record package: each contract's current values and its history."),
        ),
        "decisions": (
            _("Every published decision"),
            _("One row per decision: the outcome, the reasons and a link to its pack."),
        ),
    }


def _size(size: int) -> str:
    if size >= 1_000_000:
        return _("%(n)s MB") % {"n": f"{size / 1_000_000:.1f}"}
    if size >= 1_000:
        return _("%(n)s KB") % {"n": f"{size / 1_000:.0f}"}
    return _("%(n)s bytes") % {"n": size}


def built_words(built_at) -> str:
    """ "Built at 3:42pm on 7 December 2026" (local time)."""
    local = timezone.localtime(built_at)
    return _("Built at %(time)s on %(date)s") % {
        "time": date_format(local, "g:iA").lower(),
        "date": long_date(local.date()),
    }


def open_data_rows() -> list[DownloadRow]:
    titles = _titles()
    rows = []
    for kind, url_name, file_format in DOWNLOADS:
        built = export_built(kind)
        title, description = titles[kind]
        rows.append(
            DownloadRow(
                title=title,
                description=description,
                url=reverse(url_name),
                file_format=file_format,
                size=_size(built.size) if built else "",
                built=built_words(built.built_at)
                if built
                else _("Being prepared: it is built when first asked for."),
            )
        )
    return rows

"""Applying one Find a Tender page to the register, all or nothing (ADR 0030).

The Procurement Act notice type (the UK extension's `noticeType` on the document whose id is the
release id) decides what a release does:

- UK6 contract award, UK7 contract details and releases without a notice type (older regime)
  that carry awards: the ocid's stored releases are merged (`merging.py`; ocdsmerge, as the
  file importer does) and written by `RegisterWriter`: the contract is created or completed
  (UK7 adds the contract's id to the award's key), its published KPIs kept on it.
- UK1 pipeline, UK2 market engagement, UK3 planned procurement and UK4 tender: merged the same
  way; a process without awards is a planned procurement.
- UK10 contract change, UK11 contract termination and UK12 procurement termination change what
  the register holds (`notices.py`).
- UK5, UK9, UK13 and anything else: stored and counted, nothing else.

A release already stored (from an earlier page or pull) is skipped and counted; any error in
the page raises `PageRejected` inside the transaction, so a bad page changes nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

import orjson
from django.db import transaction

from insource.core.audit import Actor
from insource.register.feeds.merging import keep_kpis, write_merged
from insource.register.feeds.notices import (
    CHANGE,
    PROCUREMENT_TERMINATION,
    TERMINATION,
    change,
    close_planned,
    terminate,
)
from insource.register.importers.ocds import schema_warnings
from insource.register.importers.ocds_read import check_release, encode_release, release_where
from insource.register.importers.records import ImportIssue
from insource.register.models import FeedPull, FeedRelease, FeedSource, ImportRun
from insource.register.services.vat import vat_rate_on
from insource.register.services.writer import RegisterWriter

SOURCE = "find-a-tender"
MERGED_TYPES = {"UK1", "UK2", "UK3", "UK4", "UK6", "UK7", ""}
COUNTS = (
    "created",
    "updated",
    "unchanged",
    "planned",
    "closed",
    "duplicates_skipped",
    "terminated",
    "reviews_opened",
)


class PageRejected(Exception):
    """Raised inside the page's transaction: nothing of the page is written."""


@dataclass
class PageResult:
    releases: int = 0
    counts: Counter = field(default_factory=Counter)
    notice_types: Counter = field(default_factory=Counter)
    warnings: list[ImportIssue] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)


def notice_type(release: dict) -> str:
    """The UK extension's noticeType of the release's own document ('' when there is none)."""
    holders = [release.get("tender"), release.get("planning")]
    holders += list(release.get("awards") or []) + list(release.get("contracts") or [])
    for holder in holders:
        for doc in (holder or {}).get("documents") or [] if isinstance(holder, dict) else []:
            if isinstance(doc, dict) and doc.get("id") == release.get("id"):
                return str(doc.get("noticeType") or "")[:10]
    return ""


def feed_page_apply(
    *,
    source: FeedSource,
    pull: FeedPull,
    label: str,
    package: dict,
    validate: bool,
    by: Actor,
    at: datetime,
    on: date,
) -> PageResult:
    """Apply one release package all or nothing; the result says what it did or why not."""
    result = PageResult()
    try:
        with transaction.atomic():
            _apply(result, source, pull, label, package, validate, by=by, at=at, on=on)
    except PageRejected:
        result.counts = Counter()
    return result


def _apply(result, source, pull, label, package, validate, *, by, at, on) -> None:
    releases = package.get("releases")
    if not isinstance(releases, list):
        result.errors.append(ImportIssue("error", label, "releases", _NO_RELEASES))
        raise PageRejected
    result.releases = len(releases)
    fresh = _fresh_releases(result, source, label, releases, validate)
    if result.errors:
        raise PageRejected
    run = ImportRun.objects.create(
        started_at=at,
        source=label[:500],
        source_sha256=hashlib.sha256(orjson.dumps(package)).hexdigest(),
        format=SOURCE,
        status=ImportRun.Status.SUCCEEDED,
        by=by.label,
    )
    FeedRelease.objects.bulk_create(
        [
            FeedRelease(
                source=source,
                ocid=r["ocid"],
                release_id=str(r["id"])[:300],
                notice_type=kind,
                released_at=str(r["date"])[:40],
                body=r,
                pull=pull,
            )
            for r, kind in fresh
        ]
    )
    writer = RegisterWriter(run=run, at=at, by=by.label, vat_rate=vat_rate_on(on), on=on)
    merged = sorted({r["ocid"] for r, kind in fresh if kind in MERGED_TYPES})
    kpis = write_merged(result, source, merged, writer)
    if result.errors:
        raise PageRejected
    writer.finish()
    result.warnings.extend(writer.warnings)
    for name in ("created", "updated", "unchanged", "planned"):
        result.counts[name] += writer.counts[name]
    keep_kpis(kpis)
    for release, kind in sorted(fresh, key=lambda pair: str(pair[0]["date"])):
        where = f"{label}: release {release['id']} ({release['ocid']})"
        if kind == CHANGE:
            change(result, release, where, run, by=by, at=at)
        elif kind == TERMINATION:
            terminate(result, release, where, run, by=by, at=at, on=on)
        elif kind == PROCUREMENT_TERMINATION:
            close_planned(result, release, where, by=by, at=at)
    if result.errors:
        raise PageRejected
    run.num_created, run.num_updated = result.counts["created"], result.counts["updated"]
    run.num_unchanged, run.num_planned = result.counts["unchanged"], result.counts["planned"]
    run.warnings = [w.as_dict() for w in result.warnings[:1000]]
    run.finished_at = at
    run.save()


_NO_RELEASES = "is not a release package: it has no `releases` array"


def _fresh_releases(result, source, label, releases, validate) -> list[tuple[dict, str]]:
    """The page's releases not seen before, with their notice types; errors for bad ones."""
    keys = {(r.get("ocid"), str(r.get("id"))) for r in releases if isinstance(r, dict)}
    stored = set(
        FeedRelease.objects.filter(
            source=source, ocid__in={ocid for ocid, _ in keys if isinstance(ocid, str)}
        ).values_list("ocid", "release_id")
    )
    fresh, seen = [], set()
    for index, release in enumerate(releases):
        where = f"{label}: {release_where(release, index)}"
        problems = check_release(release, where)
        if not problems:
            body, problems = encode_release(release, where)
            problems += _date_problems(release, where)
        if problems:
            result.errors.extend(problems)
            continue
        release = orjson.loads(body)  # as the file importer stores it (a huge number is null)
        key = (release["ocid"], str(release["id"])[:300])
        if key in stored or key in seen:
            result.counts["duplicates_skipped"] += 1
            continue
        seen.add(key)
        kind = notice_type(release)
        result.notice_types[kind or "none"] += 1
        if validate:
            result.warnings.extend(schema_warnings(release, where))
        fresh.append((release, kind))
    return fresh


def _date_problems(release: dict, where: str) -> list[ImportIssue]:
    try:
        datetime.fromisoformat(str(release["date"]).replace("Z", "+00:00"))
    except ValueError:
        message = f"'{release['date']}' is not a date-time: releases merge by date"
        return [ImportIssue("error", where, "date", message)]
    return []

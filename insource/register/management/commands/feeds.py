"""`insource feeds pull find-a-tender`: read the national feed into the register.

From the API (the base URL is the INSOURCE_FIND_A_TENDER_URL setting) from where the last pull
got to, or a range given; or `--from-dir` saved pages; or `--queue`: a pull for the background
worker, shown with its progress on the feeds page (ADR 0054). Safe from cron: a lock keeps two
pulls of one source from overlapping; the exit status is non-zero when a page failed (what was
applied before it stays, and the next pull resumes at the page that failed).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.core.audit import Actor
from insource.core.cli_output import print_json
from insource.register.feeds import jobs as feed_jobs
from insource.register.feeds.find_a_tender import SOURCE
from insource.register.feeds.jobs import WindowRefused, feed_pull_queue, feed_window
from insource.register.feeds.pages import dir_pages
from insource.register.feeds.pull import PullLocked, feed_pull, feed_source, pull_lock


class Command(BaseCommand):
    help = "Pull a national feed (find-a-tender) into the register, incrementally."
    # Reads and writes data only: Django's system checks (a fifth of a short import's time)
    # are for the server and `insource check` (ADR 0048).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        pull = sub.add_parser("pull", help="read new releases and apply them")
        pull.add_argument("source", choices=[SOURCE])
        pull.add_argument("--updated-from", help="ISO date-time (default: where the last ended)")
        pull.add_argument("--until", help="ISO date-time (default: now)")
        pull.add_argument("--from-dir", help="read saved page-*.json files (or days of them)")
        pull.add_argument("--no-validate", action="store_true", help="skip schema warnings")
        pull.add_argument("--json", action="store_true", help="print the summary as JSON")
        pull.add_argument(
            "--queue",
            action="store_true",
            help="queue the pull for the background worker (queue 'feeds') and return at once",
        )

    def handle(self, *args, **opts):
        at = timezone.now()
        if opts["queue"]:
            return self._queue(opts, at)
        try:
            with pull_lock(settings.INSOURCE_FEED_LOCK_DIR, opts["source"]):
                summary = self._pull(opts, at)
        except PullLocked as exc:
            raise CommandError(f"{exc}: nothing was read; try again when it has finished") from None
        if opts["json"]:
            print_json(summary.as_json(), self.stdout)
        else:
            self._report(summary)
        if summary.errors:
            raise CommandError(
                f"the pull stopped at an error ({summary.errors[0]}); pages before it were"
                " applied, the failed page changed nothing"
            )

    def _pull(self, opts, at):
        source = feed_source(opts["source"])
        updated_from = _moment(opts["updated_from"], "--updated-from")
        until = _moment(opts["until"], "--until")
        common = {
            "source": source,
            "validate": not opts["no_validate"],
            "by": Actor.system("feeds"),
            "at": at,
            "on": timezone.localdate(at),
        }
        if opts["from_dir"]:
            folder = Path(opts["from_dir"])
            if not folder.is_dir():
                raise CommandError(f"{folder}: no such folder")
            return feed_pull(
                pages=dir_pages(folder),
                origin=str(folder),
                updated_from=updated_from,
                updated_to=until,
                moves_source=False,
                **common,
            )
        base = settings.INSOURCE_FIND_A_TENDER_URL
        try:
            window = feed_window(source, updated_from=updated_from, until=until, at=at, base=base)
        except WindowRefused as exc:
            raise CommandError(str(exc)) from None
        return feed_pull(
            pages=feed_jobs.feed_client().pages(window.url),
            origin=base,
            updated_from=window.updated_from,
            updated_to=window.updated_to,
            moves_source=True,
            **common,
        )

    def _queue(self, opts, at) -> None:
        """Only from where the last pull got to, up to now: the feeds page shows it."""
        if opts["updated_from"] or opts["until"] or opts["from_dir"]:
            raise CommandError("--queue pulls from where the last pull got to: give no range")
        pull = feed_pull_queue(source_name=opts["source"], by=Actor.system("feeds"), at=at)
        if opts["json"]:
            print_json({"pull_id": pull.pk, "status": pull.status}, self.stdout)
        else:
            self.stdout.write(f"pull {pull.pk} queued ({pull.get_status_display()})")

    def _report(self, summary) -> None:
        data = summary.as_json()
        self.stdout.write(
            f"{data['source']}: {data['pages']} page(s), {data['releases']} release(s):"
            f" {data['created']} created, {data['updated']} updated,"
            f" {data['unchanged']} unchanged, {data['planned']} planned,"
            f" {data['closed']} closed, {data['terminated']} terminated,"
            f" {data['reviews_opened']} review(s) opened,"
            f" {data['duplicates_skipped']} seen before and skipped"
        )
        for issue in summary.warnings[:20]:
            self.stdout.write(f"  warning: {issue}")
        if len(summary.warnings) > 20:
            self.stdout.write(f"  ... and {len(summary.warnings) - 20} more warnings (--json)")


def _moment(value: str | None, option: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        example = "e.g. 2026-08-10T00:00:00"
        raise CommandError(f"{option} '{value}' is not a date-time: {example}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

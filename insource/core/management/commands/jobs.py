"""`insource jobs mark-stale`: jobs whose worker died (ADR 0054).

A task still "running" longer than its queue's time limit (INSOURCE_JOB_TIME_LIMITS), or one
that failed without its job recording it, is marked failed with its run row (an upload, a feed
pull, an alert run, a document): its page then says the worker stopped, instead of waiting for
ever. So is a feed pull run by `insource feeds pull` itself (no `--queue`) whose process no
longer exists on this machine, or that has run past the feeds queue's limit. Idempotent; run it
from cron every few minutes."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from insource.core.cli_output import print_json
from insource.core.jobs import tasks_mark_lost


class Command(BaseCommand):
    help = "Mark failed the background jobs whose worker stopped before they finished."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        stale = sub.add_parser("mark-stale", help="mark lost jobs failed")
        stale.add_argument("--json", action="store_true", help="print the counts as JSON")

    def handle(self, *args, **opts):
        counts = tasks_mark_lost(now=timezone.now())
        if opts["json"]:
            print_json(counts, self.stdout)
        else:
            self.stdout.write(
                f"{counts['tasks']} lost task(s) marked failed; {counts['rows']} job(s) with them"
            )

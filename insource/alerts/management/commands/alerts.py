"""`insource alerts send-digest [--on DATE] [--json]`: email every confirmed follower the news
they have not had (one email each: the daily digest, and a catch-up for those who get news at
once), up to the end of DATE (default now); delete unconfirmed subscriptions whose link has
expired. Run it daily from cron; idempotent: no item is ever sent twice to anyone (ADR 0037).
`--queue` records the run as a background job and returns at once (ADR 0054).
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.alerts.tasks import KIND, alerts_digest_job, digest_send
from insource.core.audit import Actor
from insource.core.cli_output import print_json
from insource.core.jobs import job_queue, print_queued


def _until(text: str | None) -> datetime:
    """The end of DATE in the site's time zone, or now."""
    if not text:
        return timezone.now()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on {text!r}: write the date as YYYY-MM-DD") from None
    return timezone.make_aware(datetime.combine(day, time.max))


class Command(BaseCommand):
    help = "Alerts: email followers the news they have not had (daily, from cron)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        digest = sub.add_parser(
            "send-digest", help="email each follower the news they have not had (daily)"
        )
        digest.add_argument("--on", help="send what happened up to the end of YYYY-MM-DD")
        digest.add_argument("--json", action="store_true", help="print the summary as JSON")
        digest.add_argument(
            "--queue",
            action="store_true",
            help="queue the run for the background worker (queue 'alerts') and return at once",
        )

    def handle(self, *args, **opts):
        until, at = _until(opts["on"]), timezone.now()
        by = Actor.system("alerts-send-digest")
        if opts["queue"]:
            job = job_queue(
                task=alerts_digest_job,
                kind=KIND,
                by=by,
                at=at,
                params={"until": until.isoformat()},
                subject=f"until {until:%Y-%m-%d %H:%M}",
            )
            return print_queued(job, self.stdout, as_json=opts["json"])
        data = digest_send(until=until, at=at, by=by)
        if opts["json"]:
            print_json(data, self.stdout)
            return
        self.stdout.write(
            f"Sent {data['emails']} emails with {data['items']} items to "
            f"{data['subscriptions']} followers ({data['failed']} failed); deleted "
            f"{data['expired']} unconfirmed subscriptions."
        )

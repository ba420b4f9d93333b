"""`insource alerts send-digest [--on DATE] [--json]`: email every confirmed follower the news
they have not had (one email each: the daily digest, and a catch-up for those who get news at
once), up to the end of DATE (default now); delete unconfirmed subscriptions whose link has
expired. Run it daily from cron; idempotent: no item is ever sent twice to anyone (ADR 0037).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.alerts.services import alerts_send, subscriptions_expire
from insource.core.audit import Actor
from insource.core.cli_output import print_json


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

    def handle(self, *args, **opts):
        until = _until(opts["on"])
        expired = subscriptions_expire(at=until, by=Actor.system("alerts-send-digest"))
        sent = alerts_send(until=until, at=timezone.now())
        data = {"until": until.isoformat(), "expired": expired, **asdict(sent)}
        if opts["json"]:
            print_json(data, self.stdout)
            return
        self.stdout.write(
            f"Sent {sent.emails} emails with {sent.items} items to {sent.subscriptions} "
            f"followers ({sent.failed} failed); deleted {expired} unconfirmed subscriptions."
        )

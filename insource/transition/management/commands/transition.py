"""`insource transition list|plan|alerts`: transition plans of services coming in house.

list [--authority CODE] [--json]: every plan (one authority's), its transfer date and status.
plan REVIEW_ID [--json]: one plan with its milestones (key, title, due date, status, owner,
citation). alerts [--on DATE] [--authority CODE] [--json]: email the owner of each late
milestone, and a reminder before the employee liability information is due, once per milestone
and due date (run it daily from cron; idempotent).
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.authorities.models import Authority
from insource.core.audit import Actor
from insource.core.cli_output import print_json
from insource.transition.cli import alerts_data, plan_data
from insource.transition.selectors import plan_for_review_id, plan_view, plans_list
from insource.transition.services.alerts import transition_alerts_raise


def _date(text: str | None) -> date:
    if not text:
        return timezone.localdate()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on {text!r}: write the date as YYYY-MM-DD") from None


def _authority(code: str | None) -> Authority | None:
    if not code:
        return None
    found = Authority.objects.filter(code__iexact=code).first()
    if found is None:
        raise CommandError(f"--authority {code!r}: no authority has that code")
    return found


class Command(BaseCommand):
    help = "Transition plans: list them, show one, raise the milestone alerts."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="every transition plan")
        listing.add_argument("--authority", help="one authority's code")
        listing.add_argument("--on", help="statuses as on this date, YYYY-MM-DD (default today)")
        listing.add_argument("--json", action="store_true", help="print the plans as JSON")
        one = sub.add_parser("plan", help="one review's plan with its milestones")
        one.add_argument("review", type=int, metavar="REVIEW_ID")
        one.add_argument("--on", help="statuses as on this date, YYYY-MM-DD (default today)")
        one.add_argument("--json", action="store_true", help="print the plan as JSON")
        alerts = sub.add_parser("alerts", help="email late milestones' owners (daily, cron)")
        alerts.add_argument("--on", help="the day to check, YYYY-MM-DD (default: today)")
        alerts.add_argument("--authority", help="one authority's code (default: every one)")
        alerts.add_argument("--json", action="store_true", help="print what was raised as JSON")

    def handle(self, *args, **opts):
        on = _date(opts.get("on"))
        getattr(self, f"_{opts['action']}")(opts, on)

    def _list(self, opts, on):
        plans = [plan_data(v) for v in plans_list(authority=_authority(opts["authority"]), on=on)]
        if opts["json"]:
            return print_json(plans, self.stdout)
        for p in plans:
            self.stdout.write(
                f"review {p['review']}  {p['authority']}  {p['transfer_on']}  {p['status']:<9} "
                f"{p['service'][:70]}"
            )
        self.stdout.write(f"{len(plans)} plan(s)")

    def _plan(self, opts, on):
        plan = plan_for_review_id(opts["review"])
        if plan is None:
            raise CommandError(f"review {opts['review']} has no transition plan")
        data = plan_data(plan_view(plan, on=on))
        if opts["json"]:
            return print_json(data, self.stdout)
        self.stdout.write(
            f"{data['service']} ({data['authority']}): transfer on {data['transfer_on']}, "
            f"{data['status']}"
        )
        for m in data["milestones"]:
            self.stdout.write(f"  {m['due_on']}  {m['status']:<11} {m['key']:<32} {m['owner']}")

    def _alerts(self, opts, on):
        run = transition_alerts_raise(
            on=on,
            by=Actor.system("transition alerts"),
            at=timezone.now(),
            authority=_authority(opts["authority"]),
        )
        data = alerts_data(run, on=on)
        if opts["json"]:
            return print_json(data, self.stdout)
        self.stdout.write(
            f"{len(data['raised'])} alert(s) raised, {data['already']} already raised, "
            f"{data['notified']} email(s) sent"
        )

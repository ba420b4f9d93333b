"""`insource reviews screen|open-due|close-comment-windows`: screen the register provisionally
under the policy; open the reviews due; announce closed public comment windows.

It parses arguments, calls one service and prints; the clock is read here and nowhere below.
"""

from __future__ import annotations

import os
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.authorities.models import Authority
from insource.core.audit import Actor
from insource.core.cli_output import print_json, progress_bar
from insource.policy import PolicyError
from insource.register.models import Contract
from insource.reviews.comments.services import comment_windows_close
from insource.reviews.services.lateness import reviews_notify_late
from insource.reviews.services.opening import reviews_open_due
from insource.reviews.services.screening import contracts_screen


class Command(BaseCommand):
    help = "Reviews of contracts: screen the register provisionally under the policy."
    # Batch jobs run daily by the scheduler: Django's system checks (URLs, admin, templates)
    # are for the web server and take a second of CPU here, more than screening a chunk.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        screen = sub.add_parser("screen", help="store each contract's provisional outcome")
        screen.add_argument("--on", help="screening date YYYY-MM-DD (default today)")
        screen.add_argument("--authority", help="only this reviewing authority (code or GSS)")
        screen.add_argument("--json", action="store_true", help="print the summary as JSON")
        screen.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="worker processes that screen chunks of the register (default: one per CPU; "
            "1 screens in this process)",
        )
        due = sub.add_parser(
            "open-due",
            help="open every review due (adopting authorities, within the lead time) and tell "
            "owners about reviews that became late; run daily",
        )
        due.add_argument("--on", help="date YYYY-MM-DD (default today)")
        due.add_argument("--authority", help="only this reviewing authority (code or GSS)")
        due.add_argument("--json", action="store_true", help="print the summary as JSON")
        close = sub.add_parser(
            "close-comment-windows",
            help="announce the closing of every public comment window whose last day has "
            "passed (comment_window_closed); run daily",
        )
        close.add_argument("--json", action="store_true", help="print the summary as JSON")

    def handle(self, *args, **opts):
        getattr(self, f"_{opts['action'].replace('-', '_')}")(opts)

    def _open_due(self, opts):
        on = _date(opts["on"]) if opts["on"] else timezone.localdate()
        authority = _authority(opts["authority"]) if opts["authority"] else None
        by, at = Actor.system("reviews-open-due"), timezone.now()
        summary = reviews_open_due(on=on, by=by, at=at, authority=authority)
        summary["late_notified"] = reviews_notify_late(on=on, by=by, at=at)
        summary["on"] = on.isoformat()
        if opts["json"]:
            print_json(summary, self.stdout)
        else:
            self.stdout.write(
                f"Reviews due on {on}: {summary['opened']} opened, {summary['already_open']} "
                f"already open, {summary['skipped_no_end_date']} contracts with no end date "
                f"left for an officer, {summary['late_notified']} newly late."
            )

    def _close_comment_windows(self, opts):
        closed = comment_windows_close(at=timezone.now(), by=Actor.system("comment-windows"))
        rows = [
            {"window": w.pk, "review": w.review_id, "closes_on": w.closes_on.isoformat()}
            for w in closed
        ]
        if opts["json"]:
            print_json({"closed": len(rows), "windows": rows}, self.stdout)
        else:
            self.stdout.write(f"Comment windows closed: {len(rows)}.")

    def _screen(self, opts):
        if opts["workers"] < 1:
            raise CommandError(f"--workers {opts['workers']} is not allowed: give 1 or more.")
        on = _date(opts["on"]) if opts["on"] else timezone.localdate()
        authority = _authority(opts["authority"]) if opts["authority"] else None
        total = Contract.objects.filter(
            **({"reviewing_authority": authority} if authority else {})
        ).count()
        try:
            with progress_bar("Screening", total=total, enabled=not opts["json"]) as advance:
                summary = contracts_screen(
                    on=on,
                    by=Actor.system("reviews-screen"),
                    at=timezone.now(),
                    authority=authority,
                    progress=advance,
                    workers=opts["workers"],
                )
        except PolicyError as exc:
            raise CommandError(str(exc)) from None
        if opts["json"]:
            print_json(summary.as_json())
        else:
            self.stdout.write(_report(summary.as_json()))


def _report(data: dict) -> str:
    lines = [
        f"Screened {data['screened']} contracts on {data['screened_on']} (provisional): "
        f"created {data['created']}, updated {data['updated']}, unchanged {data['unchanged']}; "
        f"{data['adopted']} under authorities that have adopted the policy"
    ]
    lines += [f"  {outcome}: {n}" for outcome, n in data["by_outcome"].items()]
    return "\n".join(lines)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on {text!r} is not a date: use YYYY-MM-DD") from None


def _authority(code: str) -> Authority:
    authority = (
        Authority.objects.filter(code=code).first()
        or Authority.objects.filter(gss_code=code).first()
    )
    if authority is None:
        raise CommandError(f"There is no authority with code {code!r}: check `--authority`.")
    return authority

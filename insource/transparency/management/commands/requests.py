"""`insource requests due|remind`: the statutory due date of an information request (ADR 0009),
and the daily reminders to officers (run from cron, like `insource reviews open-due`).

It parses arguments, calls the pure calculator in `insource.transparency.deadlines` and prints.
`--holidays FILE` replaces the legal calendar for tests and what-if checks only; the deadlines the
product records always use the statutory calendar.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.core.audit import Actor
from insource.core.cli_output import print_json
from insource.transparency.deadlines import REGIMES, due_on
from insource.transparency.requests.services import contractor_reminders, requests_remind


class Command(BaseCommand):
    help = "Information requests (FOIA, EIR, FOISA, EISR): the statutory clock."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        due = sub.add_parser("due", help="print the date a response is due (YYYY-MM-DD)")
        due.add_argument("received_on", metavar="RECEIVED_ON", help="date of receipt YYYY-MM-DD")
        due.add_argument(
            "--working-days", type=int, default=20, help="working days allowed (default 20)"
        )
        due.add_argument("--regime", choices=REGIMES, default="foia", help="default foia")
        due.add_argument(
            "--holidays",
            metavar="FILE",
            help="a file of ISO dates, one a line, replacing the legal calendar (what-if only)",
        )
        due.add_argument("--json", action="store_true", help="print the result as JSON")
        remind = sub.add_parser(
            "remind",
            help="email officers about requests due within 5 working days or overdue, and "
            "contractors about information they hold for the council (daily)",
        )
        remind.add_argument("--on", help="date YYYY-MM-DD (default today)")
        remind.add_argument("--json", action="store_true", help="print the summary as JSON")

    def handle(self, *args, **opts):
        getattr(self, f"_{opts['action'].replace('-', '_')}")(opts)

    def _due(self, opts):
        received_on, days, path = opts["received_on"], opts["working_days"], opts["holidays"]
        received_on = _received_on(received_on)
        if days < 1:
            raise CommandError(f"--working-days {days} must be 1 or more")
        holidays = _holidays_file(Path(path)) if path else None
        due = due_on(received_on, regime=opts["regime"], working_days=days, holidays=holidays)
        if not opts["json"]:
            self.stdout.write(due.isoformat())
            return
        calendar = f"file:{path}" if path else "statutory"
        data = {"received_on": received_on, "regime": opts["regime"], "working_days": days}
        print_json(data | {"due_on": due, "calendar": calendar}, self.stdout)

    def _remind(self, opts):
        on = _received_on(opts["on"]) if opts["on"] else timezone.localdate()
        by, at = Actor.system("requests-remind"), timezone.now()
        result = requests_remind(on=on, by=by, at=at)
        contractors = contractor_reminders(on=on, by=by, at=at)
        data = {"on": on, **asdict(result), "contractors": asdict(contractors)}
        if opts["json"]:
            print_json(data, self.stdout)
        else:
            self.stdout.write(
                f"Reminded {result.num_officers} officers of {result.num_requests} requests "
                f"({result.num_authorities} authorities) on {on}. Contractors: "
                f"{contractors.num_reminded} reminded, {contractors.num_late} newly late, "
                f"{contractors.num_breaches} MS6 findings."
            )


def _received_on(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"RECEIVED_ON {text!r} is not a date: use YYYY-MM-DD") from None


def _holidays_file(path: Path) -> frozenset[date]:
    """The dates in a holidays file: one ISO date a line; blank lines and `#` comments ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"--holidays {path}: cannot be read ({exc})") from None
    days = set()
    for number, line in enumerate(lines, start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        try:
            days.add(date.fromisoformat(text))
        except ValueError:
            raise CommandError(
                f"--holidays {path}, line {number}: {text!r} is not a date: "
                "use YYYY-MM-DD, one a line"
            ) from None
    return frozenset(days)

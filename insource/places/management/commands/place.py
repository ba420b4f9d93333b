"""`insource place report PLACE [--json] [--on DATE] [--window MONTHS]`: a place's public
bodies, their contracts side by side and the savings estimate (a range). PLACE is a saved
place's slug or local authority codes separated by commas (`STS,CAN,TAW`). Parses, calls one
selector, prints; errors say what, where and how to fix."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.core.cli_output import print_json
from insource.places.cli import report_data
from insource.places.report import WINDOW_DEFAULT, WINDOW_MAX, place_report
from insource.places.selectors import AreaError, spec_from_text


class Command(BaseCommand):
    help = "Total Place: a place's public bodies, contracts and savings estimate."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        report = sub.add_parser("report", help="a place's report")
        report.add_argument("place", help="a saved place's slug, or codes such as STS,CAN,TAW")
        report.add_argument("--on", help="the report's date, YYYY-MM-DD (default today)")
        report.add_argument(
            "--window",
            type=int,
            default=WINDOW_DEFAULT,
            help=f"months within which contracts end together (1 to {WINDOW_MAX})",
        )
        report.add_argument("--json", action="store_true", help="print every figure as JSON")

    def handle(self, *args, **opts):
        try:
            spec = spec_from_text(opts["place"])
        except AreaError as error:
            raise CommandError(
                f"{opts['place'][:80]}: not a saved place's slug, and "
                + "; ".join(error.problems)
                + " (codes as in insource authorities seed, separated by commas)"
            ) from None
        if not 1 <= opts["window"] <= WINDOW_MAX:
            raise CommandError(f"--window {opts['window']}: give 1 to {WINDOW_MAX} months")
        on = _date(opts["on"]) if opts["on"] else timezone.localdate()
        data = report_data(place_report(spec=spec, on=on, window_months=opts["window"]))
        if opts["json"]:
            print_json(data, self.stdout)
        else:
            self.stdout.write(_text(data))


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on {text!r}: write the date as YYYY-MM-DD") from None


def _text(d: dict) -> str:
    e = d["savings_estimate"]
    lines = [f"{d['place']['name']} ({', '.join(a['name'] for a in d['place']['areas'])})"]
    for b in d["bodies"]:
        lines.append(
            f"  {b['kind']:<18} {b['name'][:60]:<60} {b['num_contracts']:>5} contracts"
            f"  £{b['spend']}  ({b['why']})"
        )
    lines.append(f"suppliers shared across bodies: {len(d['shared_suppliers'])}")
    groups = d["ending_together"]["groups"]
    lines.append(
        f"contracts for one service ending within {d['ending_together']['window_months']}"
        f" months of each other: {len(groups)} groups"
    )
    lines.append(
        f"savings estimate over {e['horizon_years']} years (an estimate, a range):"
        f" £{e['low']} to £{e['high']} on £{e['yearly_spend']} a year"
    )
    return "\n".join(lines)

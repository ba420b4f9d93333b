"""`insource wealth report CODE [--json]`, `insource wealth postcodes CODE [--set LIST
--reason TEXT]` and `insource wealth coverage [--json]`: community wealth for operators.
Parses, calls one selector or service, prints; errors say what, where and how to fix."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.authorities.selectors import authority_get
from insource.core.audit import Actor
from insource.core.cli_output import print_json
from insource.wealth.cli import report_data
from insource.wealth.report import authority_wealth
from insource.wealth.selectors import local_area_history, supplier_postcode_coverage
from insource.wealth.services import local_area_set


class Command(BaseCommand):
    help = "Community wealth: an authority's figures, its local area, supplier postcodes."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        report = sub.add_parser("report", help="an authority's community wealth figures")
        report.add_argument("code", help="the authority's code (e.g. STS) or GSS code")
        report.add_argument("--on", help="LM3 parameters in force on YYYY-MM-DD (default today)")
        report.add_argument("--json", action="store_true", help="print every figure as JSON")
        area = sub.add_parser("postcodes", help="show or set an authority's local area")
        area.add_argument("code", help="the authority's code (e.g. STS) or GSS code")
        area.add_argument("--set", dest="entries", help='districts and areas, e.g. "ST16 ST17 LE"')
        area.add_argument("--reason", default="", help="why (required with --set)")
        area.add_argument("--json", action="store_true")
        coverage = sub.add_parser("coverage", help="how many suppliers have a usable postcode")
        coverage.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        getattr(self, f"_{opts['action']}")(opts)

    def _authority(self, code: str):
        found = authority_get(code)
        if found is None:
            raise CommandError(
                f"{code}: no authority has that code; use a three-letter code such as STS or"
                " a GSS code (see insource authorities seed)"
            )
        return found

    def _report(self, opts):
        authority = self._authority(opts["code"])
        on = _date(opts["on"]) if opts["on"] else timezone.localdate()
        data = report_data(authority_wealth(authority=authority, on=on))
        if opts["json"]:
            print_json(data, self.stdout)
        else:
            self.stdout.write(_report_text(data))

    def _postcodes(self, opts):
        authority = self._authority(opts["code"])
        if opts["entries"] is not None:
            try:
                local_area_set(
                    authority=authority,
                    text=opts["entries"],
                    reason=opts["reason"],
                    by=Actor.system("cli"),
                    at=timezone.now(),
                )
            except ValidationError as error:
                raise CommandError(_errors_text(error)) from None
        history = local_area_history(authority)
        if opts["json"]:
            print_json([_change(c) for c in history], self.stdout)
            return
        if not history:
            self.stdout.write(f"{authority.name}: no local area set")
        for c in history:
            v = c.version
            self.stdout.write(f"{v.at:%Y-%m-%d %H:%M} {v.by}: {' '.join(v.entries)}")
            self.stdout.write(
                f"  added: {' '.join(c.added) or '-'}; removed: {' '.join(c.removed) or '-'}"
            )
            self.stdout.write(f"  reason: {v.reason}")

    def _coverage(self, opts):
        c = supplier_postcode_coverage()
        data = {
            "num_suppliers": c.num_suppliers,
            "num_with_usable_postcode": c.num_usable,
            "num_full_postcode": c.num_full,
            "num_district_only": c.num_district_only,
            "num_without": c.num_none,
            "by_source": c.by_source,
        }
        if opts["json"]:
            print_json(data, self.stdout)
            return
        share = c.num_usable / c.num_suppliers if c.num_suppliers else 0
        self.stdout.write(
            f"{c.num_usable:,} of {c.num_suppliers:,} suppliers ({share:.1%}) have a usable UK"
            f" postcode: {c.num_full:,} in full, {c.num_district_only:,} district only;"
            f" from {', '.join(f'{k} {v:,}' for k, v in sorted(c.by_source.items()))}."
        )


def _change(c) -> dict:
    v = c.version
    return {
        "at": v.at.isoformat(),
        "by": v.by,
        "entries": v.entries,
        "added": list(c.added),
        "removed": list(c.removed),
        "reason": v.reason,
        "is_seeded_by_hand": v.is_seeded_by_hand,
    }


def _errors_text(error: ValidationError) -> str:
    lines = [f"{field}: {m}" for field, msgs in error.message_dict.items() for m in msgs]
    return "Local area not changed:\n" + "\n".join(lines)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on {text!r}: write the date as YYYY-MM-DD") from None


def _report_text(d: dict) -> str:
    c, lm3 = d["contracts"], d["lm3"]
    area = d["local_area"]
    lines = [
        f"{d['authority']['name']} ({d['authority']['code']})",
        f"local area: {' '.join(area['entries']) if area else 'not set'}"
        + (
            " (seeded by hand for the demo; officers should check)"
            if area and area["is_seeded_by_hand"]
            else ""
        ),
        f"contracts: {c['num_in_register']} in the register, {c['num_counted']} counted;"
        f" {c['num_frameworks_excluded']} frameworks left out"
        f" (£{c['frameworks_value_excluded']}), {c['num_without_value']} without a value,"
        f" {c['num_naming_no_supplier']} naming no supplier",
        f"spend counted: £{d['spend_counted']} (whole-life value incl. VAT)",
    ]
    for key, label in (("locality", "in the area"), ("sme", "SME"), ("vcse", "VCSE")):
        s = d[key]
        yes, no = ("local", "elsewhere") if key == "locality" else ("yes", "no")
        lines.append(
            f"{label}: {_pct(s[f'{yes}_share'])} yes, {_pct(s[f'{no}_share'])} no,"
            f" {_pct(s['unknown_share'])} unknown"
        )
    lines.append(
        f"LM3 estimate: {lm3['lm3'] or 'not known'}"
        + (f" (between {lm3['low']} and {lm3['high']})" if lm3["low"] else "")
    )
    return "\n".join(lines)


def _pct(share: str | None) -> str:
    return "–" if share is None else f"{float(share):.0%}"

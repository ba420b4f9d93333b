"""`insource appraisal run FILE.json | discount-factors --years N`: the options appraisal for
finance officers and batch work. Parses, calls the pure engine, prints; errors name the field
path and the fix, and exit non-zero (never a traceback)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.appraisal.engine import AppraisalInputError, appraise_document, discount_factors
from insource.appraisal.engine.appraise import DEFAULT_DRAWS, DEFAULT_SEED
from insource.appraisal.engine.parameters import appraisal_parameters
from insource.core.cli_output import print_json
from insource.core.json_limits import JsonLimitError, check_depth

MAX_DRAWS = 5_000_000


class Command(BaseCommand):
    help = "Options appraisal: net present cost of each option, with its uncertainty."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser(
            "run", help="appraise a document (insource/appraisal/appraisal.schema.json)"
        )
        run.add_argument("file", type=Path, metavar="FILE.json")
        run.add_argument("--draws", type=int, default=DEFAULT_DRAWS, help="Monte Carlo draws")
        run.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
        run.add_argument("--json", action="store_true", help="print the full result as JSON")
        factors = sub.add_parser("discount-factors", help="Green Book discount factors")
        factors.add_argument("--years", type=int, required=True, help="last year (0 to N)")
        factors.add_argument("--on", help="parameters in force on YYYY-MM-DD (default today)")
        factors.add_argument("--json", action="store_true", help="print a JSON list")

    def handle(self, *args, **opts):
        try:
            getattr(self, f"_{opts['action'].replace('-', '_')}")(opts)
        except AppraisalInputError as error:
            raise CommandError(_problems_text(error)) from None

    def _run(self, opts):
        if not 1 <= opts["draws"] <= MAX_DRAWS:
            raise CommandError(f"--draws {opts['draws']}: give a number from 1 to {MAX_DRAWS:,}")
        result = appraise_document(_read(opts["file"]), draws=opts["draws"], seed=opts["seed"])
        if opts["json"]:
            print_json(result, self.stdout)
        else:
            self.stdout.write(_run_text(result))

    def _discount_factors(self, opts):
        years = opts["years"]
        if not 0 <= years <= 500:
            raise CommandError(f"--years {years}: give a number of years from 0 to 500")
        on = _date(opts["on"]) if opts["on"] else timezone.localdate()
        factors = [
            round(float(f), 10) for f in discount_factors(years, appraisal_parameters(on).bands)
        ]
        if opts["json"]:
            print_json(factors, self.stdout)
        else:
            self.stdout.write("\n".join(f"{t:>4}  {f:.4f}" for t, f in enumerate(factors)))


def _read(path: Path):
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    try:
        check_depth(raw)
        return json.loads(raw.decode("utf-8-sig"))
    except JsonLimitError as error:
        raise CommandError(f"{path}: refused because {error}: not an appraisal file") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise CommandError(
            f"{path}: not valid JSON ({error}). Fix: check the file is UTF-8 JSON"
        ) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on {text!r} is not a date: use YYYY-MM-DD") from None


def _problems_text(error: AppraisalInputError) -> str:
    lines = [f"The appraisal cannot be run ({len(error.problems)} problem(s)):"]
    return "\n".join(lines + [f"  {p}" for p in error.problems])


def _gbp(x: float) -> str:
    return f"-£{-x:,.0f}" if x < 0 else f"£{x:,.0f}"


def _run_text(r: dict) -> str:
    labels, dist, cheapest = r["option_labels"], r["distribution"], r["cheapest_p50"]
    lines = [
        r["title"],
        f"{r['term_years']} years, parameters as on {r['appraisal_on']}, "
        f"{r['draws']:,} draws (seed {r['seed']})",
        "",
        f"Lowest central cost (P50): {labels[cheapest]}, {_gbp(dist[cheapest]['p50'])}",
        "",
        "Net present cost: most likely; P10, P50, P90; probability of being the cheapest:",
    ]
    lines += [
        f"  {labels[k]}: {_gbp(v)}; {_gbp(dist[k]['p10'])}, {_gbp(dist[k]['p50'])}, "
        f"{_gbp(dist[k]['p90'])}; {r['p_cheapest'][k]:.1%}"
        for k, v in r["options"].items()
    ]
    lines += [
        "",
        "In-house against outsourced only (criterion T4):",
        f"Difference, outsourced minus in-house: {_gbp(r['difference'])}",
        f"  P10 {_gbp(r['p10'])}, P50 {_gbp(r['p50'])}, P90 {_gbp(r['p90'])}",
        f"Probability that in-house costs less: {r['p_inhouse_cheaper']:.1%}",
        "",
        "What matters most (swing of the difference):",
    ]
    lines += [f"  {_gbp(b['swing'])}  {b['label']}" for b in r["tornado"][:8]]
    return "\n".join(lines)

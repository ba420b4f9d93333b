"""`insource policy evaluate|params|docs|verify|freeze`: a thin shell around the policy engine.

It parses arguments, calls `insource.policy.commands`, and prints; errors become CommandError.
It lives with the reviews because `verify` re-evaluates the signed decisions and `params
--authority` reads an authority's adopted preset.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from insource.authorities.models import Authority
from insource.policy import PolicyError
from insource.policy import commands as policy
from insource.policy.versions import freeze
from insource.reviews.models import Decision
from insource.reviews.services.verification import decisions_verify

DOCS_OUT = Path(__file__).resolve().parents[4] / "docs" / "policy"


class Command(BaseCommand):
    help = "The policy engine: evaluate facts, list parameters in force, write the policy docs."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ev = sub.add_parser("evaluate", help="evaluate a facts .json file, or a .jsonl stream")
        ev.add_argument("facts", type=Path)
        ev.add_argument("--on", help="decision date YYYY-MM-DD (fills decision_on when absent)")
        ev.add_argument("--preset", help="preset name, or a preset YAML file")
        ev.add_argument("--json", action="store_true", help="print the decision as JSON")
        params = sub.add_parser("params", help="every parameter in force on a date")
        params.add_argument("--at", required=True, help="date YYYY-MM-DD")
        params.add_argument("--preset", help="preset name, or a preset YAML file")
        params.add_argument("--authority", help="an authority's code or GSS code")
        params.add_argument("--json", action="store_true")
        docs = sub.add_parser("docs", help="write the generated policy reference")
        docs.add_argument("--out", type=Path, default=DOCS_OUT)
        verify = sub.add_parser(
            "verify", help="re-evaluate signed decisions under their stored policy version"
        )
        which = verify.add_mutually_exclusive_group(required=True)
        which.add_argument("decision", nargs="?", type=int, help="a decision's number")
        which.add_argument("--all", action="store_true", help="every signed decision")
        verify.add_argument("--json", action="store_true", help="one JSON object per decision")
        sub.add_parser("freeze", help="ship the current policy versions under policy/versions/")

    def handle(self, *args, **opts):
        try:
            getattr(self, f"_{opts['action']}")(opts)
        except PolicyError as exc:
            raise CommandError(str(exc)) from None

    def _evaluate(self, opts):
        on = policy.parse_date(opts["on"]) if opts["on"] else None
        preset = policy.load_preset_option(opts["preset"])
        for text in policy.evaluate_path(opts["facts"], on, preset, opts["json"]):
            self.stdout.write(text, ending="\n" if not text.endswith("\n") else "")

    def _verify(self, opts):
        pks = None if opts["all"] else [opts["decision"]]
        if pks and not Decision.objects.filter(pk__in=pks).exists():
            raise CommandError(f"There is no signed decision {opts['decision']}.")
        failed = total = 0
        for found in decisions_verify(pks):
            total += 1
            failed += not found["reproduced"]
            self.stdout.write(verify_line(found, opts["json"]))
        if failed:
            raise CommandError(f"{failed} of {total} decisions did not reproduce.")
        if not opts["json"]:
            self.stdout.write(f"All {total} decisions reproduced.")

    def _freeze(self, opts):
        for path in freeze():
            self.stdout.write(f"wrote {path}")

    def _params(self, opts):
        preset = policy.load_preset_option(opts["preset"])
        if opts["authority"]:
            preset = self._authority_preset(opts["authority"], preset)
        rows = policy.params_at(policy.parse_date(opts["at"], "--at"), preset)
        self.stdout.write(policy.params_json(rows) if opts["json"] else policy.format_params(rows))

    def _authority_preset(self, code: str, preset):
        try:
            authority = (
                Authority.objects.filter(code=code).first()
                or Authority.objects.filter(gss_code=code).first()
            )
        except DatabaseError as exc:
            raise CommandError(
                f"Cannot read authorities ({exc}): run `insource migrate`."
            ) from None
        if authority is None:
            raise CommandError(f"There is no authority with code {code!r}.")
        preset = preset or policy.load_preset_option(authority.policy_preset or None)
        overrides = getattr(authority, "policy_overrides", None)
        if overrides is None:
            self.stderr.write(
                "Authority parameter overrides are not yet available; "
                f"showing the {preset.name if preset else 'default'} preset."
            )
            return preset
        return policy.with_overrides(
            preset or policy.load_preset_option("labour-2019-local"), overrides, code
        )

    def _docs(self, opts):
        for path in policy.write_docs(opts["out"]):
            self.stdout.write(f"Wrote {path}")


def verify_line(found: dict, as_json: bool) -> str:
    """One decision's verification: a JSON object, or a line in words."""
    if as_json:
        keep = ("decision", "reproduced", "policy_version")
        row = {k: found[k] for k in keep} | (
            {} if found["reproduced"] else {"differences": found["differences"]}
        )
        return json.dumps(row, sort_keys=True, default=str)
    if found["reproduced"]:
        return f"decision {found['decision']}: reproduced"
    parts = [
        f"{key} stored {d.get('stored')!r}, now {d.get('reproduced')!r}"
        for key, d in found["differences"].items()
    ]
    return f"decision {found['decision']}: NOT reproduced: " + "; ".join(parts)

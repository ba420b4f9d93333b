"""`insource authorities seed|list`: the local-authority register."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.authorities.selectors import authority_get
from insource.authorities.services.authorities import authorities_seed, authority_adopt_policy
from insource.core.audit import Actor
from insource.core.cli_output import print_json
from insource.policy.presets import preset_names


class Command(BaseCommand):
    help = "Manage authorities: `seed` loads every UK local authority from the shipped register."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        seed = sub.add_parser("seed", help="create or update all UK local authorities")
        seed.add_argument("--json", action="store_true")
        adopt = sub.add_parser(
            "adopt", help="a public body adopts a policy preset from a date (published)"
        )
        adopt.add_argument(
            "code",
            help="a council's three-letter code (BST) or GSS code, or a public body's key"
            " (buyer:ministry-of-justice)",
        )
        adopt.add_argument(
            "--preset",
            default="",
            help=f"one of {', '.join(preset_names())}; central government's default is"
            " ppn-024-consider",
        )
        adopt.add_argument("--from", dest="adopted_on", required=True, help="YYYY-MM-DD")
        adopt.add_argument("--reason", default="", help="the decision that adopted it")
        adopt.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        if opts["action"] == "adopt":
            return self._adopt(opts)
        summary = authorities_seed(by=Actor.system("authorities-seed"), at=timezone.now())
        if opts.get("json"):
            print_json(summary, self.stdout)
        else:
            self.stdout.write(
                f"Local authorities: {summary['total']} in the register, {summary['created']}"
                f" created, {summary['updated']} updated."
            )

    def _adopt(self, opts):
        authority = authority_get(opts["code"])
        if authority is None:
            raise CommandError(
                f"No local authority or other public body has code {opts['code']!r}: use a "
                "council's three-letter code (e.g. BST) or GSS code (e.g. E06000023), or a "
                "public body's key (e.g. buyer:ministry-of-justice)."
            )
        if not authority.may_adopt_policy:
            raise CommandError(
                f"{authority.name} is recorded as {authority.get_kind_display().lower()}, not a "
                "public body that adopts the policy: only councils, government departments and "
                "agencies, NHS bodies, police, fire and combined authorities and other public "
                "bodies may."
            )
        opts["preset"] = opts["preset"] or authority.default_preset
        if not opts["preset"]:
            raise CommandError(f"Name the preset {authority.name} adopts: --preset PRESET.")
        if opts["preset"] not in preset_names():
            raise CommandError(
                f"--preset {opts['preset']!r} is not known: use one of {', '.join(preset_names())}."
            )
        try:
            adopted_on = date.fromisoformat(opts["adopted_on"])
        except ValueError:
            raise CommandError(
                f"--from {opts['adopted_on']!r} is not a date: use YYYY-MM-DD."
            ) from None
        authority_adopt_policy(
            authority=authority,
            preset=opts["preset"],
            adopted_on=adopted_on,
            reason=opts["reason"],
            by=Actor.system("authorities-adopt"),
            at=timezone.now(),
        )
        summary = {
            "authority": authority.name,
            "key": authority.key,
            "kind": authority.kind,
            "code": authority.code,
            "gss_code": authority.gss_code,
            "preset": opts["preset"],
            "adopted_on": adopted_on.isoformat(),
        }
        if opts["json"]:
            print_json(summary, self.stdout)
        else:
            self.stdout.write(f"{authority.name} adopts {opts['preset']} from {adopted_on}.")

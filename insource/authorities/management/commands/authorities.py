"""`insource authorities seed|list`: the local-authority register."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from insource.authorities.services import authorities_seed
from insource.core.audit import Actor
from insource.core.cli_output import print_json


class Command(BaseCommand):
    help = "Manage authorities: `seed` loads every UK local authority from the shipped register."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        seed = sub.add_parser("seed", help="create or update all UK local authorities")
        seed.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        summary = authorities_seed(by=Actor.system("authorities-seed"), at=timezone.now())
        if opts.get("json"):
            print_json(summary, self.stdout)
        else:
            self.stdout.write(
                f"Local authorities: {summary['total']} in the register, {summary['created']}"
                f" created, {summary['updated']} updated."
            )

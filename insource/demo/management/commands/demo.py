"""`insource demo`: migrate, load the real demo register, print a login, serve on localhost with
a background worker beside the server. Links in the emails it sends lead to where it serves
(`--addrport`), unless INSOURCE_BASE_URL names the site's address."""

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.core.audit import Actor
from insource.core.cli_output import print_json, progress_bar
from insource.core.worker import background_worker
from insource.demo.services import demo_load, demo_people


def served_at(addrport: str) -> str:
    """The address runserver will listen on, as a link: a bare port ("8001", as runserver
    accepts) is on 127.0.0.1."""
    return f"http://127.0.0.1:{addrport}/" if addrport.isdigit() else f"http://{addrport}/"


def site_address_use(addrport: str) -> str:
    """Set the site's address (INSOURCE_BASE_URL, read by every email's links) to where the demo
    serves, for this process and the worker it starts; an address set in the environment wins."""
    address = os.environ.get("INSOURCE_BASE_URL") or served_at(addrport).rstrip("/")
    settings.INSOURCE_BASE_URL = address
    os.environ["INSOURCE_BASE_URL"] = address  # the worker, a child process, reads it at start
    return address


class Command(BaseCommand):
    help = "Set up the demonstration register (real public data) and run the server."

    def add_arguments(self, parser):
        parser.add_argument("--no-server", action="store_true", help="load only; do not serve")
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        if settings.IS_PRODUCTION:
            raise CommandError("the demo loads demonstration data: not in production")
        site_address_use(opts["addrport"])
        call_command("migrate", interactive=False, verbosity=0)
        call_command("compilemessages", verbosity=0)  # Welsh, in pure Python (ADR 0035)
        with progress_bar("Loading the demo register", enabled=not opts["json"]) as advance:
            result = demo_load(
                by=Actor.system("demo"),
                at=timezone.now(),
                on=timezone.localdate(),
                progress=advance,
            )
        people = demo_people(by=Actor.system("demo"), at=timezone.now())
        report = {
            "imports": {
                n: s.as_json() | {"warnings": [], "errors": []} for n, s in result.imports.items()
            },
            "already_loaded": result.skipped,
            "adopted_policy": result.adopters,
            "reviews": result.reviews,
            "logins": [{"username": u, "password": p, "roles": r} for u, p, r in people],
            "url": served_at(opts["addrport"]),
        }
        if opts["json"]:
            print_json(report, self.stdout)
        else:
            self._print(report)
        if not opts["no_server"]:
            with background_worker():  # runs uploads' imports while the demo is up (ADR 0031)
                call_command("runserver", opts["addrport"], use_reloader=False)

    def _print(self, report: dict) -> None:
        for name, s in report["imports"].items():
            self.stdout.write(
                f"Imported {name}: {s['created']} contracts created,"
                f" {s['planned']} planned, {s['num_warnings']} warnings"
            )
        if report["already_loaded"]:
            self.stdout.write(f"Already loaded: {', '.join(report['already_loaded'])}")
        self.stdout.write(
            f"Councils that adopted the policy: {', '.join(report['adopted_policy'])}"
        )
        if report["reviews"]:
            r = report["reviews"]
            self.stdout.write(
                f"Reviews: {r['opened']} opened, {r['already_open']} already open,"
                f" {r['skipped_no_end_date']} contracts with no end date left for an officer"
            )
        logins = "\n".join(
            f"  {p['username']:<11} password {p['password']:<28} {p['roles']}"
            for p in report["logins"]
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"\nInsource demo at {report['url']}\nSign in as one of (the two-factor page"
                f" shows each demo account's current code):\n{logins}\n"
            )
        )

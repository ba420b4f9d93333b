"""`insource notices draft KIND --authority CODE [--contract ID] [--on DATE] [--output FILE]`:
a Procurement Act 2023 notice drafted from the register (uk1 pipeline, uk7 contract details,
uk9 contract performance, uk10 contract change, uk11 contract termination), as an OCDS release
package with the UK extension, for an officer to check and file on the Central Digital Platform.
The facts the register lacks are listed on standard error, never invented."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.authorities.models import Authority
from insource.register.models import Contract
from insource.standards.notices.drafts import NoticeError, notice_draft
from insource.standards.notices.kinds import KINDS


class Command(BaseCommand):
    help = "Draft a Procurement Act 2023 notice from the register (OCDS, UK profile)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        draft = sub.add_parser("draft", help="draft one notice")
        draft.add_argument("kind", help=f"one of {', '.join(KINDS)}")
        draft.add_argument("--authority", required=True, help="the authority's code, e.g. LEI")
        draft.add_argument("--contract", type=int, help="the contract's id (contract notices)")
        draft.add_argument("--on", help="the day of the draft, YYYY-MM-DD (default: today)")
        draft.add_argument("--output", help="write the package here (default: standard output)")

    def handle(self, *args, **opts):
        authority = Authority.objects.filter(code__iexact=opts["authority"].strip()).first()
        if authority is None:
            raise CommandError(f"--authority {opts['authority']!r}: no authority has that code")
        contract = None
        if opts["contract"] is not None:
            contract = Contract.objects.filter(
                pk=opts["contract"], reviewing_authority=authority
            ).first()
            if contract is None:
                raise CommandError(
                    f"--contract {opts['contract']}: {authority.code} reviews no contract with "
                    "that id (see its register page for the id)"
                )
        try:
            draft = notice_draft(
                opts["kind"], authority=authority, at=_at(opts["on"]), contract=contract
            )
        except NoticeError as exc:
            raise CommandError(str(exc)) from None
        body = draft.json_bytes()
        if opts["output"]:
            Path(opts["output"]).write_bytes(body)
        else:
            self.stdout.write(body.decode())
        for fact in draft.missing:
            self.stderr.write(f"missing: {fact}")
        for check in draft.checks:
            self.stderr.write(f"check: {check}")
        for error in draft.schema_errors:
            self.stderr.write(f"schema: {error}")


def _at(on: str | None) -> datetime:
    if not on:
        return timezone.now()
    try:
        day = date.fromisoformat(on)
    except ValueError:
        raise CommandError(f"--on {on!r}: give a date as YYYY-MM-DD, like 2026-12-07") from None
    return timezone.make_aware(datetime.combine(day, time(12)))

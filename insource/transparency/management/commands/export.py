"""`insource export ocds|ocds-records|csv|decisions-csv [--authority CODE] [--output FILE]` and
`insource export files [--only KIND]`.

Streams the register (or one authority's contracts) as an OCDS release or record package, or as
CSV, or the published decisions as CSV, to a file or standard output, in constant memory; the
builder is the one the public API and the open-data files use (`transparency/exports/files.py`).
`files` builds the whole-register downloads the public API serves, each written atomically into
`INSOURCE_EXPORTS_DIR` (ADR 0047): the background worker does it after each change; this is for
a deployment that runs none, or after a restore.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.authorities.selectors import authority_get
from insource.transparency.exports.files import KINDS as FILE_KINDS
from insource.transparency.exports.files import export_chunks
from insource.transparency.exports.schedule import exports_rebuild

# The command's names for each download (kept from before ADR 0047) and the API's.
KINDS = {
    "ocds": "ocds-releases",
    "ocds-records": "ocds-records",
    "csv": "contracts",
    "decisions-csv": "decisions",
}


class Command(BaseCommand):
    help = "Export the register as OCDS (releases or records) or CSV, or decisions as CSV."
    # Reads data only: Django's system checks are for the server and `insource check`.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[*KINDS, "files"])
        parser.add_argument("--authority", help="only this authority's (code, key or GSS code)")
        parser.add_argument("--output", type=Path, help="file to write (default: standard output)")
        parser.add_argument(
            "--only",
            choices=list(FILE_KINDS),
            action="append",
            help="with `files`: build only this download (repeatable; default: all four)",
        )
        parser.add_argument(
            "--base-url",
            default=settings.INSOURCE_BASE_URL,
            help="the site's public address, for the package URI and links (INSOURCE_BASE_URL)",
        )

    def handle(self, *args, **opts):
        if opts["kind"] == "files":
            for built in exports_rebuild(opts["only"] or list(FILE_KINDS), now=timezone.now()):
                self.stderr.write(
                    f"Built {built.kind}: {built.size:,} bytes in {built.seconds:.1f} s "
                    f"({built.path})"
                )
            return
        authority = None
        if opts["authority"]:
            authority = authority_get(opts["authority"])
            if authority is None:
                raise CommandError(f"No authority with code {opts['authority']!r}.")
        chunks = export_chunks(
            KINDS[opts["kind"]],
            authority=authority,
            base_url=opts["base_url"],
            now=timezone.now(),
            bom=False,
        )
        if opts["output"] is None:
            for chunk in chunks:
                self.stdout.write(_text(chunk), ending="")
            return
        try:
            with open(opts["output"], "wb") as out:
                for chunk in chunks:
                    out.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
        except OSError as error:
            raise CommandError(f"Cannot write {opts['output']}: {error.strerror}") from None
        self.stderr.write(f"Wrote {opts['kind']} to {opts['output']}")


def _text(chunk) -> str:
    return chunk.decode("utf-8") if isinstance(chunk, bytes) else chunk

"""`insource export ocds|ocds-records|csv|decisions-csv [--authority CODE] [--output FILE]`.

Streams the register (or one authority's contracts) as an OCDS release or record package, or as
CSV, or the published decisions as CSV, to a file or standard output, in constant memory. It
lives with the open data, which spans the register (`register/exporters/`) and the published
decisions (`transparency/exports/`).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.authorities.selectors import authority_get
from insource.register.exporters import csv as csv_export
from insource.register.exporters import ocds
from insource.register.exporters.queries import contracts_for_export
from insource.transparency.exports.decisions import decisions_csv, publications_for_export

KINDS = {
    "ocds": "exports/ocds/releases.json",
    "ocds-records": "exports/ocds/records.json",
    "csv": "exports/contracts.csv",
    "decisions-csv": "exports/decisions.csv",
}


class Command(BaseCommand):
    help = "Export the register as OCDS (releases or records) or CSV, or decisions as CSV."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(KINDS))
        parser.add_argument("--authority", help="only this authority's (code, key or GSS code)")
        parser.add_argument("--output", type=Path, help="file to write (default: standard output)")
        parser.add_argument(
            "--base-url",
            default=settings.INSOURCE_BASE_URL,
            help="the site's public address, for the package URI and links (INSOURCE_BASE_URL)",
        )

    def handle(self, *args, **opts):
        authority = None
        if opts["authority"]:
            authority = authority_get(opts["authority"])
            if authority is None:
                raise CommandError(f"No authority with code {opts['authority']!r}.")
        chunks = self._chunks(opts["kind"], authority, opts["base_url"].rstrip("/"))
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

    def _chunks(self, kind: str, authority, base_url: str):
        query = f"?authority={authority.code or authority.key}" if authority else ""
        uri = f"{base_url}/api/public/v1/{KINDS[kind]}{query}"
        now = timezone.now()
        if kind == "csv":
            return csv_export.register_csv(contracts_for_export(authority=authority))
        if kind == "decisions-csv":
            rows = publications_for_export(authority=authority)
            return decisions_csv(rows, base_url=base_url)
        contracts = contracts_for_export(authority=authority)
        if kind == "ocds":
            return ocds.release_package(contracts, ocds.PackageMeta(uri=uri, published_at=now))
        releases = f"{base_url}/api/public/v1/{KINDS['ocds']}{query}"
        meta = ocds.PackageMeta(uri=uri, published_at=now, release_package_uri=releases)
        return ocds.record_package(contracts, meta)


def _text(chunk) -> str:
    return chunk.decode("utf-8") if isinstance(chunk, bytes) else chunk

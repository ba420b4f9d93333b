"""`insource import PATH`: load OCDS, flattened OCDS or a tabular register, all or nothing.

Whatever the file holds, the operator gets a report, never a traceback: `--json` always prints
the summary (errors included) and the exit status is non-zero when nothing was imported.
"""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.core.audit import Actor
from insource.core.cli_output import print_json, progress_bar
from insource.register.services.imports import FORMATS, ImportSummary, register_import

logger = logging.getLogger(__name__)
FAULT = (
    "the import stopped on a fault in Insource, not necessarily in the file: nothing was"
    " written; run again with --traceback and report it with the file"
)


class Command(BaseCommand):
    help = "Import contracts from an OCDS, flattened OCDS or tabular (CSV/XLSX) file."
    # Reads and writes data only: Django's system checks (a fifth of a short import's time)
    # are for the server and `insource check` (ADR 0048).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("path", help="file (or folder of flattened sheets) to import")
        parser.add_argument("--format", choices=FORMATS, help="default: detected from the file")
        parser.add_argument("--mapping", help="tabular column mapping: built-in name or YAML file")
        parser.add_argument(
            "--no-validate", action="store_true", help="skip OCDS schema validation (warnings only)"
        )
        parser.add_argument("--on", help="date to resolve successor authorities at (default today)")
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")

    def handle(self, *args, **opts):
        on = self._date(opts["on"]) if opts["on"] else timezone.localdate()
        summary = self._import(opts, on)
        if opts["json"]:
            print_json(summary.as_json(), self.stdout)
        else:
            self._report(summary)
        if summary.status != "succeeded":
            first = f": {summary.errors[0]}" if len(summary.errors) == 1 else ""
            raise CommandError(
                f"import failed with {len(summary.errors)} error(s){first}; nothing changed"
            )

    def _import(self, opts, on) -> ImportSummary:
        path = Path(opts["path"])
        try:
            with progress_bar("Importing", enabled=not opts["json"]) as advance:
                return register_import(
                    path=path,
                    fmt=opts["format"],
                    mapping=opts["mapping"],
                    validate=not opts["no_validate"],
                    by=Actor.system("import"),
                    at=timezone.now(),
                    on=on,
                    progress=advance,
                )
        except Exception as exc:
            if type(exc) is LookupError:  # the register is not set up (no authorities seeded)
                return ImportSummary.failed(str(path), opts["format"], path.name, str(exc))
            if opts.get("traceback"):
                raise
            logger.error("import of %s stopped: %s: %s", path, type(exc).__name__, exc)
            return ImportSummary.failed(str(path), opts["format"], path.name, FAULT)

    def _report(self, summary) -> None:
        self.stdout.write(
            f"{summary.source} ({summary.format}): created {summary.created}, updated"
            f" {summary.updated}, unchanged {summary.unchanged}, planned {summary.planned},"
            f" warnings {len(summary.warnings)}, errors {len(summary.errors)}"
        )
        for issue in summary.errors[:50]:
            self.stderr.write(f"  error: {issue}")
        for issue in summary.warnings[:20]:
            self.stdout.write(f"  warning: {issue}")
        if len(summary.warnings) > 20:
            self.stdout.write(f"  ... and {len(summary.warnings) - 20} more warnings (use --json)")

    @staticmethod
    def _date(text):
        from datetime import date

        try:
            return date.fromisoformat(text)
        except ValueError:
            raise CommandError(f"--on {text!r} is not a date: use YYYY-MM-DD") from None

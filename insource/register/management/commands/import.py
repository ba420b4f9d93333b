"""`insource import PATH`: load OCDS, flattened OCDS or a tabular register, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.core.audit import Actor
from insource.core.cli_output import print_json, progress_bar
from insource.register.services.imports import FORMATS, register_import


class Command(BaseCommand):
    help = "Import contracts from an OCDS, flattened OCDS or tabular (CSV/XLSX) file."

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
        try:
            with progress_bar("Importing", enabled=not opts["json"]) as advance:
                summary = register_import(
                    path=Path(opts["path"]),
                    fmt=opts["format"],
                    mapping=opts["mapping"],
                    validate=not opts["no_validate"],
                    by=Actor.system("import"),
                    at=timezone.now(),
                    on=on,
                    progress=advance,
                )
        except (FileNotFoundError, ValueError, LookupError) as exc:
            raise CommandError(str(exc)) from None
        if opts["json"]:
            print_json(summary.as_json(), self.stdout)
        else:
            self._report(summary)
        if summary.status != "succeeded":
            raise CommandError(
                f"import failed with {len(summary.errors)} error(s): nothing changed"
            )

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

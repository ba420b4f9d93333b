"""`insource compilemessages`: the translation catalogues compiled without GNU gettext.

It replaces Django's command of the same name (which needs `msgfmt`) with a pure-Python one
(polib; ADR 0035), so set-up and CI compile Welsh on a machine that has only Python."""

from django.core.management.base import BaseCommand

from insource.core.translations import compile_catalogues


class Command(BaseCommand):
    help = "Compile the .po translation catalogues to .mo files (pure Python, no msgfmt)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Rewrite every .mo, not only stale ones."
        )

    def handle(self, *args, **options):
        written = compile_catalogues(force=options["force"])
        for path in written:
            self.stdout.write(f"Compiled {path}")
        if not written:
            self.stdout.write("Every catalogue is up to date.")

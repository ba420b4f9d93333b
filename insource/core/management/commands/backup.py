"""`insource backup PATH`: one archive of the database and every stored file (ADR 0015)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.core.backup import backup_create
from insource.core.backup_db import BackupError
from insource.core.cli_output import print_json


class Command(BaseCommand):
    help = "Write the database and every stored file to one archive, with a manifest."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive to write, e.g. insource.tar")
        parser.add_argument("--json", action="store_true", help="print the manifest as JSON")

    def handle(self, *args, **opts):
        path = opts["path"]
        if not path.parent.is_dir():
            raise CommandError(f"{path.parent} is not a directory: create it first.")
        try:
            manifest = backup_create(path=path, at=timezone.now())
        except BackupError as error:
            raise CommandError(str(error)) from error
        if opts["json"]:
            print_json(manifest, self.stdout)
            return
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {len(manifest['row_counts'])} tables ({rows} rows) and "
                f"{len(manifest['files'])} files to {path}"
            )
        )

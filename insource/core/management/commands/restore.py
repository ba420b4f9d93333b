"""`insource restore PATH`: put back an archive made by `insource backup` (ADR 0015).

Every record and stored file is replaced. The archive is checked in full first; if anything
is wrong nothing changes.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.core.audit import Actor
from insource.core.backup import backup_restore
from insource.core.backup_db import BackupError


class Command(BaseCommand):
    help = "Replace the database and every stored file with a backup archive's."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="an archive made by insource backup")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask: every record will be replaced"
        )

    def handle(self, *args, **opts):
        path = opts["path"]
        if not path.is_file():
            raise CommandError(f"{path} does not exist: give the archive insource backup wrote.")
        if not opts["yes"] and not self._confirmed(path):
            raise CommandError("Nothing was restored.")
        try:
            done = backup_restore(path=path, by=Actor.system("restore"), at=timezone.now())
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(done.manifest["row_counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {done.manifest['created_at']}: "
                f"{len(done.manifest['row_counts'])} tables ({rows} rows), {done.num_files} files"
            )
        )

    def _confirmed(self, path: Path) -> bool:
        answer = input(f"Replace every record and stored file with {path}? Type yes: ")
        return answer.strip().lower() == "yes"

"""Run by test_backup.py in its own process, against its own database (the settings come from
the environment it is given): load the real demo register and the route matrix's world (a
published and a signed decision, evidence and request files, a model contract, a payroll
return), back up, try a damaged and a mismatched archive, wreck the data, restore, and print
what was there before and after as JSON."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tarfile
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insource.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import CommandError, call_command  # noqa: E402
from django.db import connection  # noqa: E402

from insource.core import backup_db  # noqa: E402
from insource.core.audit import Actor  # noqa: E402
from insource.testing import TEST_NOW, TEST_TODAY  # noqa: E402


def facts() -> dict:
    """Row counts per table, every decision's stored content hash and pack hash, every stored
    file's SHA-256 (read from disk) beside the one its record holds."""
    from insource.reviews.models import Decision, Evidence, Publication
    from insource.transparency.models import RequestAttachment

    def sha(data) -> str:
        return hashlib.sha256(data).hexdigest()

    root = Path(settings.INSOURCE_EVIDENCE_DIR)
    stored = [(e.storage_name, e.sha256) for e in Evidence.objects.exclude(storage_name="")]
    stored += [(a.storage_name, a.sha256) for a in RequestAttachment.objects.all()]
    return {
        "row_counts": backup_db.row_counts(),
        "decisions": {
            str(d.pk): sha(
                json.dumps(
                    [d.facts, d.result, d.policy_version, d.evidence, d.outcome, str(d.signed_at)],
                    sort_keys=True,
                ).encode()
            )
            for d in Decision.objects.all()
        },
        "packs": {
            str(p.decision_id): [p.pack_sha256, sha(bytes(p.pack_pdf))]
            for p in Publication.objects.all()
        },
        "files": {
            name: [recorded, sha((root / name).read_bytes()) if (root / name).is_file() else None]
            for name, recorded in stored
        },
    }


def refused(archive: Path) -> str:
    try:
        call_command("restore", str(archive), yes=True)
    except CommandError as error:
        return str(error)
    return ""


def damaged(archive: Path, out: Path) -> Path:
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    out.write_bytes(bytes(data))
    return out


def mismatched(archive: Path, out: Path, work: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")
    manifest = json.loads((work / "manifest.json").read_text())
    manifest["migrations"].append(["reviews", "9999_from_the_future"])
    (work / "manifest.json").write_text(json.dumps(manifest))
    with tarfile.open(out, "w") as tar:
        for item in sorted(work.iterdir()):
            tar.add(item, arcname=item.name)
    return out


def wreck() -> None:
    from insource.testing.factories import AuthorityFactory

    shutil.rmtree(settings.INSOURCE_EVIDENCE_DIR)
    with connection.cursor() as cur:
        cur.execute("DELETE FROM core_auditevent")
    AuthorityFactory(name="Added after the backup")


def main(tmp: Path) -> None:
    from insource.demo.services import demo_load
    from insource.testing.route_world import build_world

    call_command("migrate", interactive=False, verbosity=0)
    demo_load(
        by=Actor.system("tests"), at=TEST_NOW, on=TEST_TODAY, screen=False, open_reviews=False
    )
    build_world()
    before = facts()
    archive = tmp / "insource-backup.tar"
    call_command("backup", str(archive))
    report = {
        "before": before,
        "damaged": refused(damaged(archive, tmp / "damaged.tar")),
        "mismatched": refused(mismatched(archive, tmp / "mismatched.tar", tmp / "unpacked")),
        "after_refusals": facts(),
    }
    wreck()
    report["wrecked"] = facts()
    call_command("restore", str(archive), yes=True)
    report["after"] = facts()
    print("REPORT " + json.dumps(report, sort_keys=True))


if __name__ == "__main__":
    main(Path(sys.argv[1]))

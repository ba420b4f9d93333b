"""`insource export`: each kind to a file or standard output, for all or one authority."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from insource.register.exporters.schema import package_validator

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("kind", "key"), [("ocds", "releases"), ("ocds-records", "records")])
def test_ocds_to_a_file(world, tmp_path, kind, key):
    out = tmp_path / "export.json"
    call_command("export", kind, "--output", str(out), "--base-url", "https://x.example")
    package = json.loads(out.read_text())
    assert len(package[key]) == 5
    assert package["uri"] == f"https://x.example/api/public/v1/exports/{'ocds/' + key}.json"
    assert (
        list(package_validator("release" if key == "releases" else "record").iter_errors(package))
        == []
    )


def test_csv_for_one_authority_to_stdout(world):
    out = io.StringIO()
    call_command("export", "csv", "--authority", "zzb", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["reviewing_authority"] for r in rows] == ["ZZB"]


def test_decisions_csv(world):
    out = io.StringIO()
    call_command("export", "decisions-csv", stdout=out)
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == 1


def test_unknown_authority_is_an_operator_error(db):
    with pytest.raises(CommandError, match="No authority"):
        call_command("export", "csv", "--authority", "NOWHERE")

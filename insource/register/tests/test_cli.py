"""The `insource import` command: human and --json output, exit status on failure."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from insource.testing.ocds_samples import package, release

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def seeded(system_actor):
    from conftest import TEST_NOW
    from insource.authorities.services.authorities import authorities_seed

    authorities_seed(by=system_actor, at=TEST_NOW)


def test_import_json_summary(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(package(release()))
    out = StringIO()
    call_command("import", str(path), "--json", "--on", "2026-11-23", stdout=out)
    summary = json.loads(out.getvalue())
    assert {k: summary[k] for k in ("created", "updated", "unchanged", "num_errors")} == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "num_errors": 0,
    }
    assert summary["warnings"] == [] and summary["errors"] == []


def test_import_failure_exits_with_error_and_report(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(package(release(**{"awards.0.value.amount": -1})))
    err = StringIO()
    with pytest.raises(CommandError, match="nothing changed"):
        call_command("import", str(path), stdout=StringIO(), stderr=err)
    assert "value.amount" in err.getvalue() and "negative" in err.getvalue()


@pytest.mark.parametrize("content", [None, '{"releases": {"a": 1}}', "[" * 100_000])
def test_json_summary_printed_even_when_the_import_fails(tmp_path, content):
    path = tmp_path / "broken.json"
    if content is not None:
        path.write_text(content)
    out = StringIO()
    with pytest.raises(CommandError, match="nothing changed"):
        call_command("import", str(path), "--json", stdout=out, stderr=StringIO())
    summary = json.loads(out.getvalue())
    assert summary["status"] == "failed" and summary["num_errors"] == 1
    assert summary["errors"][0]["message"] and summary["created"] == 0


def test_unexpected_fault_is_reported_without_a_traceback(tmp_path, monkeypatch):
    from insource.register.importers import ocds

    def broken(*args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(ocds, "map_release", broken)
    path = tmp_path / "a.json"
    path.write_text(package(release()))
    out = StringIO()
    with pytest.raises(CommandError, match="fault in Insource"):
        call_command("import", str(path), "--json", stdout=out, stderr=StringIO())
    assert json.loads(out.getvalue())["status"] == "failed"


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import", str(tmp_path / "nope.json"))


def test_console_script_runs_management_commands(capsys):
    from insource.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["insource", "import", "--help"])
    assert exit_.value.code == 0
    assert "--mapping" in capsys.readouterr().out


def test_the_console_script_ends_an_import_at_once_with_its_status(capsys, monkeypatch, tmp_path):
    """`insource import` run as the console script ends the process without the interpreter's
    teardown (ADR 0059), once its output is out, with the command's exit status."""
    from insource import cli

    ended = []

    def leave(code):
        ended.append(code)
        raise SystemExit(code)  # so that the test process goes on

    monkeypatch.setattr(cli.os, "_exit", leave)
    monkeypatch.setattr(cli.sys, "argv", ["insource", "import", str(tmp_path / "nope.json")])
    with pytest.raises(SystemExit):
        cli.main()
    assert ended == [1]
    assert "no such file" in capsys.readouterr().err

    monkeypatch.setattr(cli.sys, "argv", ["insource", "import", "--help"])
    with pytest.raises(SystemExit):
        cli.main()
    assert ended == [1, 0] and "--mapping" in capsys.readouterr().out

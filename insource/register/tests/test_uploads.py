"""A register uploaded from the browser (issue 17, ADR 0032): the file told by its bytes, its
columns guessed and saved per authority, the dry run row by row, the import all or nothing and
idempotent, every step audited, and one authority's upload never touching another's contracts.

The file is a real council register (Leeds City Council's contracts from Contract Countdown, as
Contracts Finder published them) laid out as no shipped mapping knows it: UK dates, pounds with
commas, its own headings, and two rows councils really get wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.register.models import Contract, ContractEvent, RegisterMapping, RegisterUpload
from insource.register.uploads import files, services
from insource.register.uploads.columns import guess_columns
from insource.register.uploads.files import UploadFileError, sniff
from insource.testing.factories import ContractFactory, empty_register
from insource.testing.sign_in import officer_login
from insource.testing.tasks import DATABASE_QUEUE, run_worker
from insource.testing.workflow import council, team

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(timezone.datetime(2026, 12, 7, 10, 30))
LEEDS_FILE = Path(__file__).parent / "data" / "leeds-register-new-layout.csv"
COLUMNS = {
    "reference": "Procurement Ref",
    "title": "Contract Name",
    "description": "Scope of Services",
    "start": "Contract Start",
    "end": "Contract Expiry",
    "value": "Whole Life Cost (£)",
    "cpv": "CPV",
}
BY = Actor(label="officer")


@pytest.fixture(autouse=True)
def _staging(settings, tmp_path, db):
    settings.INSOURCE_UPLOAD_DIR = tmp_path / "uploads"
    empty_register()


@pytest.fixture
def leeds():
    return council(code="LDS", name="Leeds City Council")


def stage(authority, content: bytes, name: str = "register.csv"):
    return services.upload_stage(
        authority=authority, name=name, content=content, user=None, by=BY, at=NOW
    )


def check(upload, columns=COLUMNS):
    return services.upload_check(upload=upload, columns=columns, by=BY, at=NOW, on=NOW.date())


def imported(authority, content: bytes = LEEDS_FILE.read_bytes()):
    upload = check(stage(authority, content))
    assert services.upload_start(upload=upload, by=BY, at=NOW)  # immediate backend: runs now
    upload.refresh_from_db()
    return upload


# The file, told by its bytes


def test_the_kind_comes_from_the_bytes_not_the_name():
    assert sniff(b"Ref,Title\n1,A\n").format == "tabular"
    assert sniff(b'\xef\xbb\xbf {"releases": []}').format == "ocds"
    assert sniff(b"PK\x03\x04rest").suffix == ".xlsx"
    for content, words in [
        (b"", "empty"),
        ("Ref,Title\n".encode("utf-16"), "CSV UTF-8"),
        (b"%PDF-1.7\n", "CSV, XLSX or OCDS JSON"),
        (b"Ref\x00Title", "CSV, XLSX or OCDS JSON"),
    ]:
        with pytest.raises(UploadFileError, match=words):
            sniff(content)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("Reference,Title\nA1,Caf\xe9 services\n".encode("cp1252"), "saved as CSV UTF-8"),
        (b"Reference,Title\n", "no rows under its column headings"),
        (b",,\n1,2,3\n", "column headings in its first row"),
        (b"Reference,Title,reference\nA,B,C\n", "appears twice"),
        (b"PK\x03\x04not really a workbook", "XLSX"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_and_nothing_is_kept(leeds, content, words):
    with pytest.raises(UploadFileError, match=words):
        stage(leeds, content)
    assert not RegisterUpload.objects.exists()
    assert not list(files.upload_dir().iterdir())


def test_a_huge_file_is_refused_before_it_is_read(leeds, monkeypatch):
    monkeypatch.setattr(files, "MAX_BYTES", 1000)
    with pytest.raises(UploadFileError, match="smaller than 50 MB"):
        stage(leeds, b"Reference,Title\n" + b"A,B\n" * 400)


def test_the_staged_file_has_a_random_name_and_the_shown_name_is_only_text(leeds):
    upload = stage(leeds, LEEDS_FILE.read_bytes(), name="../../etc/passwd\x07.csv")
    assert upload.name == "passwd.csv"
    stored = list(files.upload_dir().iterdir())
    assert [p.name for p in stored] == [f"{upload.token}.csv"]
    assert len(upload.token) == 32 and upload.sha256 and upload.size == LEEDS_FILE.stat().st_size


# Its columns


def test_the_preview_holds_the_headings_and_the_first_five_rows(leeds):
    upload = stage(leeds, LEEDS_FILE.read_bytes())
    assert upload.headings[:3] == ["Service Area", "Procurement Ref", "Contract Name"]
    assert len(upload.preview) == 5
    assert upload.preview[0][1] == "LCC-585958"


def test_columns_are_guessed_from_the_shipped_mappings_words():
    guessed = guess_columns(["Reference Number", "Title of Agreement", "Supplier Name", "End Date"])
    assert guessed == {
        "reference": "Reference Number",
        "title": "Title of Agreement",
        "supplier": "Supplier Name",
        "end": "End Date",
    }
    # a new layout: only what is recognisable is chosen; the officer chooses the rest
    new = guess_columns(
        ["Service Area", "Procurement Ref", "Contract Name", "CPV", "Contract Expiry"]
    )
    assert new["title"] == "Contract Name" and new["cpv"] == "CPV"
    assert "reference" not in new


def test_the_columns_chosen_are_saved_for_the_authoritys_next_file(leeds):
    check(stage(leeds, LEEDS_FILE.read_bytes()))
    saved = RegisterMapping.objects.get(authority=leeds)
    assert saved.columns == COLUMNS
    again = stage(leeds, LEEDS_FILE.read_bytes())
    assert again.columns == COLUMNS
    other = stage(council(code="OTH", name="Otherwhere Council"), LEEDS_FILE.read_bytes())
    assert "reference" not in other.columns


# The dry run


def test_the_dry_run_counts_and_lists_every_row_and_changes_nothing(leeds):
    upload = check(stage(leeds, LEEDS_FILE.read_bytes()))
    assert upload.status == RegisterUpload.Status.CHECKED
    counts = upload.checked["counts"]
    assert counts == {"created": 20, "updated": 0, "unchanged": 0, "refused": 2, "rows": 22}
    refused = {r[0]: r for r in upload.checked["rows"] if r[4] == "refused"}
    assert sorted(refused) == [7, 24]
    assert "Contract Expiry" in refused[7][5] and "'31/02/2026' is not a date" in refused[7][5]
    assert "before start date" in refused[24][5]
    first = upload.checked["rows"][0]
    assert first[:5] == [2, "row 2", "LCC-585958", "Closed Landfill Aftercare Services", "created"]
    assert not Contract.objects.exists()
    assert AuditEvent.objects.filter(action="register.upload_check").count() == 1


def test_a_file_missing_the_chosen_reference_column_fails_its_check(leeds):
    upload = check(stage(leeds, LEEDS_FILE.read_bytes()), columns={"title": "Contract Name"})
    assert upload.status == RegisterUpload.Status.FAILED
    assert "no column for 'reference'" in upload.message
    assert not Contract.objects.exists()


# The import


def test_the_import_writes_the_good_rows_as_the_authoritys_own_and_reports_each(leeds):
    upload = imported(leeds)
    assert upload.status == RegisterUpload.Status.SUCCEEDED, upload.message
    assert upload.report["counts"]["created"] == 20 and upload.report["counts"]["refused"] == 2
    contracts = Contract.objects.filter(last_import=upload.import_run)
    assert contracts.count() == 20
    assert set(contracts.values_list("buyer_id", "reviewing_authority_id")) == {
        (leeds.pk, leeds.pk)
    }
    paint = contracts.get(award_id="LCC-614936")
    assert paint.title == "Waste Paint, Collection, Re-use and Disposal"
    assert str(paint.value_amount) == "700000.00" and str(paint.end_on) == "2022-11-21"
    two_codes = contracts.get(award_id="LCC-" + _repeated_reference())
    assert len(two_codes.cpv_codes) == 2
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    expected = {"register.upload_stage", "register.upload_check", "register.upload_start"}
    assert expected | {"register.upload_import", "register.import"} <= actions
    assert not list(files.upload_dir().glob(f"{upload.token}*")), "the staged file is removed"


def _repeated_reference() -> str:
    import csv

    refs = [r["Procurement Ref"] for r in csv.DictReader(LEEDS_FILE.open(encoding="utf-8"))]
    return next(r for r in refs if refs.count(r) > 1).removeprefix("LCC-")


def test_the_same_file_twice_changes_nothing_the_second_time(leeds):
    imported(leeds)
    events = ContractEvent.objects.count()
    again = check(stage(leeds, LEEDS_FILE.read_bytes()))
    assert again.checked["counts"]["unchanged"] == 20 and again.checked["counts"]["created"] == 0
    services.upload_start(upload=again, by=BY, at=NOW)
    again.refresh_from_db()
    assert again.report["counts"]["unchanged"] == 20
    assert Contract.objects.count() == 20 and ContractEvent.objects.count() == events


def test_a_failure_during_the_import_changes_nothing_and_says_why(leeds, monkeypatch):
    from insource.register.services.writer import RegisterWriter

    def broken(self):
        raise RuntimeError("disk full")

    upload = check(stage(leeds, LEEDS_FILE.read_bytes()))
    monkeypatch.setattr(RegisterWriter, "finish", broken)
    services.upload_start(upload=upload, by=BY, at=NOW)
    upload.refresh_from_db()
    assert upload.status == RegisterUpload.Status.FAILED
    assert "Nothing was changed" in upload.message
    assert not Contract.objects.exists() and upload.import_run is None
    audit = AuditEvent.objects.get(action="register.upload_import")
    assert audit.after["status"] == "failed"


def test_pressing_import_twice_imports_once(leeds):
    upload = imported(leeds)
    assert not services.upload_start(upload=upload, by=BY, at=NOW)
    assert AuditEvent.objects.filter(action="register.upload_import").count() == 1


def test_an_upload_never_changes_another_authoritys_contract(leeds):
    other = council(code="OTH", name="Otherwhere Council")
    theirs = ContractFactory(
        buyer=other, source_key=f"tabular:upload-{leeds.key}:LCC-585958", title="Theirs"
    )
    upload = check(stage(leeds, LEEDS_FILE.read_bytes()))
    refused = [r for r in upload.checked["rows"] if r[4] == "refused"]
    assert any("another authority's register" in r[5] for r in refused)
    services.upload_start(upload=upload, by=BY, at=NOW)
    theirs.refresh_from_db()
    assert theirs.title == "Theirs" and theirs.reviewing_authority == other


# The pages


def test_another_authoritys_officer_cannot_see_or_start_the_upload(client, leeds):
    upload = check(stage(leeds, LEEDS_FILE.read_bytes()))
    stranger = team(council(code="OTH", name="Otherwhere Council"))[Role.REVIEW_OFFICER]
    officer_login(client, stranger)
    for name in ("register:upload-check", "register:upload-progress", "register:upload-report"):
        assert client.get(reverse(name, args=["LDS", upload.token])).status_code == 404
    assert (
        client.post(reverse("register:upload-check", args=["LDS", upload.token])).status_code == 404
    )
    own_councillor = team(leeds)[Role.COUNCILLOR]
    officer_login(client, own_councillor)
    assert client.get(reverse("register:upload", args=["LDS"])).status_code == 403
    upload.refresh_from_db()
    assert upload.status == RegisterUpload.Status.CHECKED


def test_the_pages_take_a_file_through_to_its_report(client, leeds):
    officer = team(leeds)[Role.REVIEW_OFFICER]
    officer_login(client, officer)
    answer = client.post(reverse("register:upload", args=["LDS"]), {})
    assert answer.status_code == 400 and "Select a register file" in answer.text
    answer = client.post(reverse("register:upload", args=["LDS"]), {"file": _file(b"%PDF-1.4")})
    assert answer.status_code == 400 and "must be a CSV, XLSX or OCDS JSON file" in answer.text
    answer = client.post(
        reverse("register:upload", args=["LDS"]), {"file": _file(LEEDS_FILE.read_bytes())}
    )
    upload = RegisterUpload.objects.get()
    assert answer.url == reverse("register:upload-columns", args=["LDS", upload.token])
    page = client.get(answer.url)
    assert "Closed Landfill Aftercare Services" in page.text  # the preview
    answer = client.post(page.request["PATH_INFO"], {"title": "Contract Name"})
    assert answer.status_code == 400
    assert "Select the column that holds the reference" in answer.text
    assert 'value="Contract Name" selected' in answer.text  # keeps what was chosen
    both = client.post(answer.request["PATH_INFO"], COLUMNS | {"description": "Contract Name"})
    assert "is already chosen for title" in both.text
    answer = client.post(both.request["PATH_INFO"], COLUMNS)
    check_page = client.get(answer.url)
    assert "This is a dry run" in check_page.text and "is not a date" in check_page.text
    refused = client.get(answer.url + "?only=refused")
    assert refused.text.count("govuk-tag--red") == 2
    answer = client.post(answer.url)
    done = client.get(answer.url)
    assert "Register imported" in done.text
    report = client.get(reverse("register:upload-report", args=["LDS", upload.token]))
    body = b"".join(report.streaming_content).decode("utf-8")
    assert body.startswith("\ufeffRow,Reference,Title,Outcome,Reason\r\n")
    assert body.count("\r\n") == 23 and ",New," in body and ",Refused," in body
    history = client.get(reverse("register:upload-history", args=["LDS"]))
    assert "20 new, 0 updated" in history.text


def _file(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("Leeds register.csv", content, content_type="text/csv")


@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_the_page_shows_progress_until_the_worker_runs_it(client, settings):
    settings.TASKS = DATABASE_QUEUE
    leeds = council(code="LDS", name="Leeds City Council")
    officer_login(client, team(leeds)[Role.REVIEW_OFFICER])
    upload = check(stage(leeds, LEEDS_FILE.read_bytes()))
    client.post(reverse("register:upload-check", args=["LDS", upload.token]))
    progress_url = reverse("register:upload-progress", args=["LDS", upload.token])
    waiting = client.get(progress_url)
    assert "Waiting to start" in waiting.text and 'http-equiv="refresh"' in waiting.text
    assert client.get(progress_url + "progress.json").json()["finished"] is False
    run_worker()
    done = client.get(progress_url)
    assert "Register imported" in done.text and 'http-equiv="refresh"' not in done.text
    assert client.get(progress_url + "progress.json").json() == {
        "done": 22,
        "total": 22,
        "percent": 100,
        "finished": True,
        "status": "succeeded",
        "text": "",
    }

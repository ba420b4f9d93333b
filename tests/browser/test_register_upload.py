"""Issue 17's acceptance in Chromium: an officer adds a contract, corrects one, uploads the
council's own register in a layout no shipped mapping knows, chooses its columns on the mapping
page, sees the dry run row by row, imports it with the progress showing (the database queue and
its worker, as deployed), and downloads the report; axe on every page; screenshots."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from insource.testing.tasks import DATABASE_QUEUE, run_worker
from tests.browser.conftest import (
    BROWSER_REQUIRED,
    CHROMIUM,
    NO_CHROMIUM,
    assert_accessible,
    screenshot,
    sign_in_as,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists() and not BROWSER_REQUIRED, reason=NO_CHROMIUM),
]
ROOT = Path(__file__).resolve().parents[2]
LEEDS_FILE = ROOT / "insource/register/tests/data/leeds-register-new-layout.csv"


def look(page, name: str) -> None:
    assert_accessible(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    screenshot(page, name)


def add_a_contract(page, live_server) -> None:
    page.goto(f"{live_server.url}/register/")
    page.locator("a[href='/register/LDS/contracts/add/']").click()
    page.wait_for_url("**/register/LDS/contracts/add/")
    page.get_by_label("Title of the contract").fill("Grounds maintenance of the civic hall")
    page.get_by_label("Supplier's name").fill("Green Spaces Ltd")
    page.get_by_label("Total value of the contract").fill("250000")
    page.locator("input[name=value_includes_vat][value=no]").check()
    for name, value in [("start_on", ("1", "4", "2025")), ("end_on", ("31", "3", "2027"))]:
        for i, part in enumerate(value):
            page.locator(f"input[name={name}_{i}]").fill(part)
    page.get_by_label("CPV code").fill("77314000")
    page.get_by_label("Services").check()
    page.locator("input[name=is_framework][value=no]").check()
    page.locator("#continue").click()
    page.wait_for_url("**/register/LDS/contracts/add/check/")
    page.locator("#add").click()
    page.wait_for_url(f"{live_server.url}/register/contracts/*/")
    assert "Added by an officer" in page.locator("body").inner_text()


def correct_a_contract(page, live_server, contract) -> None:
    page.goto(f"{live_server.url}/register/LDS/contracts/{contract.pk}/correct/end_on/")
    page.get_by_label("Day").fill("28")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2029")
    page.get_by_label("Why are you correcting it?").fill("The signed variation extends it")
    page.locator("#save").click()
    page.wait_for_url(f"**/register/contracts/{contract.pk}/#field-end_on")
    assert "Differs from source" in page.locator("#field-end_on").inner_text()


def test_officer_uploads_a_register_in_a_new_layout(page, live_server, settings, tmp_path):
    from insource.authorities.models import Role
    from insource.register.models import Contract, RegisterMapping
    from insource.testing.workflow import council, refuse_contract, team

    settings.INSOURCE_UPLOAD_DIR = tmp_path / "uploads"
    settings.TASKS = DATABASE_QUEUE  # every queue (ADR 0054)
    leeds = council(code="LDS", name="Leeds City Council")
    officer = team(leeds)[Role.CONTRACT_MANAGER]
    kept = refuse_contract(leeds)
    sign_in_as(page, live_server, officer)
    add_a_contract(page, live_server)
    correct_a_contract(page, live_server, kept)

    # The upload page: errors first, then the file
    page.goto(f"{live_server.url}/register/")
    page.locator("a[href='/register/LDS/upload/']").click()
    page.wait_for_url("**/register/LDS/upload/")
    page.locator("#upload").click()
    page.wait_for_load_state()
    assert "Select a register file" in page.locator(".govuk-error-summary").inner_text()
    look(page, "upload-01-no-file")
    page.get_by_label("Upload a register file").set_input_files(str(LEEDS_FILE))
    page.locator("#upload").click()
    page.wait_for_url(re.compile(r"/register/LDS/upload/[0-9a-f]{32}/columns/$"))

    # The mapping page: the first rows, what was recognised, the rest chosen by the officer
    assert "LCC-585958" in page.locator("#preview").inner_text()
    assert page.get_by_label("Title", exact=True).input_value() == "Contract Name"
    page.locator("#check").click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Select the column that holds the reference" in summary
    look(page, "upload-02-columns-errors")
    page.get_by_label("Reference", exact=True).select_option("Procurement Ref")
    page.get_by_label("Description (optional)").select_option("Scope of Services")
    page.get_by_label("Start date (optional)").select_option("Contract Start")
    page.get_by_label("End date (optional)").select_option("Contract Expiry")
    page.get_by_label("Total value (optional)").select_option("Whole Life Cost (£)")
    look(page, "upload-03-columns")
    page.locator("#check").click()
    page.wait_for_url(re.compile(r"/check/$"))

    # The dry run: counts, every row, the refused ones with their reasons; nothing written yet
    counts = page.locator("#counts").inner_text()
    assert re.search(r"New contracts\s+20", counts) and re.search(r"Refused rows\s+2", counts)
    rows = page.locator("#rows").inner_text()
    assert "'31/02/2026' is not a date" in rows and "before start date" in rows
    assert Contract.objects.filter(buyer=leeds).count() == 2  # the added one and the kept one
    assert RegisterMapping.objects.get(authority=leeds).columns["reference"] == "Procurement Ref"
    look(page, "upload-04-dry-run")

    # The import, queued: the progress page until the worker has run it
    page.locator("#import").click()
    page.wait_for_url(re.compile(r"/register/LDS/upload/[0-9a-f]{32}/$"))
    assert page.locator("#progress-bar").is_visible()
    assert "Waiting to start" in page.locator("#progress-text").inner_text()
    look(page, "upload-05-progress")
    run_worker()
    page.wait_for_selector("text=Register imported", timeout=15_000)  # the script reloads
    assert Contract.objects.filter(buyer=leeds).count() == 22
    look(page, "upload-06-imported")

    # The report, and the history
    with page.expect_download() as download:
        page.locator("#report").click()
    report = Path(download.value.path()).read_bytes().decode("utf-8")
    assert report.startswith("\ufeffRow,Reference,Title,Outcome,Reason")
    assert "LCC-585958,Closed Landfill Aftercare Services,New" in report
    assert report.count(",Refused,") == 2
    page.goto(f"{live_server.url}/register/LDS/uploads/")
    assert "20 new, 0 updated" in page.locator("#uploads").inner_text()
    look(page, "upload-07-history")

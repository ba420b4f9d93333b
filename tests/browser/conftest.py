"""Browser tests: headless Debian Chromium driven by Playwright, against pytest-django's
live_server, with realistic register rows made in the test database.

Chromium comes from Debian (`apt-get install -y chromium`), never `playwright install`.
"""

from __future__ import annotations

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from insource.testing.browser import (  # noqa: F401 (browser tests import them from here)
    assert_accessible,
    full_demo,
    screenshot,
    sign_in_as,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test
# (fixtures, assertions) would otherwise be refused as "unsafe from an async context".
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


BROWSER_REQUIRED = bool(os.environ.get("INSOURCE_REQUIRE_BROWSER"))
NO_CHROMIUM = "Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)"


@pytest.fixture(autouse=True)
def _empty_database(transactional_db):
    """Start from an empty database, as the test's own teardown leaves it (a flush): the real
    register a session fixture may have loaded would otherwise change what the pages show."""
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if BROWSER_REQUIRED:
            pytest.fail(f"INSOURCE_REQUIRE_BROWSER is set but {NO_CHROMIUM}")
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def officer(db):
    from django.utils import timezone

    from insource.accounts.services import otp_device_ensure
    from insource.core.audit import Actor
    from insource.testing.factories import PASSWORD, UserFactory

    user = UserFactory(username="officer")
    otp_device_ensure(user=user, by=Actor.system("tests"), at=timezone.now())
    return user.username, PASSWORD


@pytest.fixture
def signed_in(page, live_server, officer):
    """A page signed in through the real sign-in form and the authenticator code page."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from insource.testing.browser import sign_in_through_the_pages

    username, password = officer
    device = TOTPDevice.objects.get(user__username=username)
    sign_in_through_the_pages(page, live_server, username, password, device)
    return page


@pytest.fixture
def register_rows(db):
    """A small register that looks like the real one: councils, suppliers, history, plans."""
    from django.utils import timezone

    from insource.testing import factories as f

    today = timezone.localdate()
    haringey = f.AuthorityFactory(
        key="la:HRY", name="London Borough of Haringey", nice_name="Haringey"
    )
    camden = f.AuthorityFactory(key="la:CMD", name="London Borough of Camden", nice_name="Camden")
    nyc = f.AuthorityFactory(key="la:NYC", name="North Yorkshire County Council")
    nyu = f.AuthorityFactory(
        key="la:NYE", name="North Yorkshire Council", nice_name="North Yorkshire"
    )
    nyc.successors.add(nyu)
    veolia = f.SupplierFactory(
        name="Veolia ES (UK) Ltd",
        identifier_scheme="GB-COH",
        identifier_id="02481991",
        company_number="02481991",
        is_sme=False,
        is_vcse=False,
        postcode="SE1 9RT",
    )
    caterers = f.SupplierFactory(name="Chartwells (Compass Contract Services)", is_sme=False)
    care = f.SupplierFactory(
        name="Haringey Community Care CIC", is_sme=True, is_vcse=True, postcode="N17 9LN"
    )
    rows = [
        ("Household waste and recycling collection", haringey, haringey, [veolia], 58_400_000, 40),
        ("Street cleansing and graffiti removal", haringey, haringey, [veolia], 9_120_000, 130),
        ("School meals catering: primary schools", camden, camden, [caterers], 4_250_000, 95),
        ("Domiciliary care: north locality", haringey, haringey, [care], 12_600_000, 210),
        ("Highways grounds maintenance", nyc, nyu, [], 3_300_000, 300),
        ("Office cleaning: civic centre", camden, camden, [], 640_000, 420),
        ("Leisure centres management", camden, camden, [], 21_000_000, 500),
    ]
    contracts = [
        f.ContractFactory(
            title=title,
            buyer=buyer,
            reviewing_authority=reviewer,
            suppliers=suppliers,
            value_amount=Decimal(value) / Decimal("1.2"),
            value_vat_basis="exc",
            value_inc_vat=Decimal(value),
            is_value_inc_vat_estimate=True,
            start_on=today - timedelta(days=1400),
            end_on=today + timedelta(days=days),
            main_cpv="90511000",
            cpv_codes=["90511000", "90500000"],
            provenance={
                "title": {
                    "import": 1,
                    "source": "contracts-finder-flattened/awards.csv",
                    "release": "ocds-b5fd17-2f8c6a1e-1",
                },
                "end_on": {
                    "import": 1,
                    "source": "contracts-finder-flattened/awards.csv",
                    "release": "ocds-b5fd17-2f8c6a1e-1",
                },
            },
        )
        for title, buyer, reviewer, suppliers, value, days in rows
    ]
    others = [
        f.SupplierFactory(name=name, is_sme=is_sme)
        for name, is_sme in [
            ("Idverde Ltd", False),
            ("Mears Group plc", False),
            ("Comfort Care Services", True),
            ("Mitie Cleaning & Environmental Services", False),
            ("Apetito Ltd", False),
            ("Parkwise Enforcement CIC", True),
        ]
    ]
    services = [
        ("Grounds maintenance: parks and open spaces", "77313000"),
        ("Housing repairs and void works", "50700000"),
        ("Supported living: learning disabilities", "85311000"),
        ("Public toilets cleaning", "90911000"),
        ("Meals on wheels", "55521000"),
        ("Building cleaning: schools", "90919300"),
        ("Parking enforcement", "98351000"),
        ("Pest control", "90922000"),
    ]
    for i in range(60):
        name, cpv = services[i % len(services)]
        value = Decimal(150_000 + (i * 137_000) % 2_400_000)
        f.ContractFactory(
            title=f"{name} (lot {i // len(services) + 1})",
            buyer=[haringey, camden, nyu][i % 3],
            suppliers=[others[i % len(others)]],
            main_cpv=cpv,
            value_amount=value,
            value_inc_vat=value,
            end_on=today + timedelta(days=45 + i * 11),
            start_on=today - timedelta(days=900 + i * 7),
        )
    first = contracts[0]
    first.overrides = {"end_on": str(first.end_on)}
    first.source_values = {"end_on": str(first.end_on - timedelta(days=365))}
    first.quality_flags = [
        {
            "code": "NATURE_DISAGREES",
            "message": "nature is services (stated) but other sources say works",
        }
    ]
    first.save()
    f.ContractEventFactory(contract=first, changes={"title": [None, first.title]})
    f.ContractEventFactory(
        contract=first,
        kind="corrected",
        at=timezone.now(),
        by="officer",
        reason="One-year extension agreed by cabinet",
        changes={"end_on": [str(first.end_on - timedelta(days=365)), str(first.end_on)]},
    )
    f.PlannedProcurementFactory(
        title="Waste treatment and disposal", buyer=haringey, start_on=today + timedelta(days=150)
    )
    f.PlannedProcurementFactory(
        title="Adult social care framework", buyer=nyu, start_on=today + timedelta(days=260)
    )
    return contracts

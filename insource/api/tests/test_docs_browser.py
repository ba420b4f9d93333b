"""The API docs page in headless Chromium, under the site's strict CSP: Swagger UI renders
every operation with no CSP violation, no script error and no request off the site.

Chromium's requests are answered in process by Django's test client (a Playwright route), so
the page sees exactly the headers Django sends, CSP included, and no server is started.
Chromium comes from Debian (/usr/bin/chromium), as in tests/browser.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client

from insource.api.throttling import PublicRateThrottle

CHROMIUM = Path("/usr/bin/chromium")
ORIGIN = "http://localhost"  # a potentially trustworthy origin: COOP applies
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed"),
]


def answer_from_django(client: Client, outside: list[str]):
    def handle(route):
        url = route.request.url
        if not url.startswith(ORIGIN + "/"):
            outside.append(url)
            route.abort()
            return
        parts = urlsplit(url)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        body = b"".join(response.streaming_content) if response.streaming else response.content
        route.fulfill(status=response.status_code, headers=dict(response.items()), body=body)

    return handle


def open_docs(monkeypatch) -> dict:
    """Load the docs page in Chromium; what it showed and what went wrong."""
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Chromium's requests are answered on another database connection, which would wait for
    # the test's transaction on the database cache's rows: count them in memory here instead.
    monkeypatch.setattr(PublicRateThrottle, "cache", LocMemCache("docs-browser", {}))
    seen: dict = {"outside": [], "errors": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.add_init_script(RECORD_VIOLATIONS)
            page.on("pageerror", lambda error: seen["errors"].append(str(error)))
            page.on(
                "console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None
            )
            client = Client(HTTP_HOST="localhost")
            page.route("**/*", answer_from_django(client, seen["outside"]))
            page.goto(f"{ORIGIN}/api/public/v1/docs/")
            page.wait_for_selector(".opblock-summary", timeout=15000)
            seen["operations"] = page.locator(".opblock-summary-path").all_inner_texts()
            seen["title"] = page.locator(".info .title").inner_text()
            seen["violations"] = page.evaluate("window.__violations")
        finally:
            browser.close()
    return seen


def test_swagger_ui_works_under_the_strict_csp(monkeypatch):
    seen = open_docs(monkeypatch)
    assert "public API" in seen["title"]
    assert (
        len(seen["operations"]) == 18
    )  # with verification, services, outcome KPIs, KPI assessments
    assert seen["violations"] == [] and seen["outside"] == [] and seen["errors"] == []


def test_the_check_sees_a_violation(monkeypatch):
    """drf-spectacular's own template has an inline <style>: the CSP blocks it, and we see it."""
    from insource.api.public.docs import SwaggerView

    monkeypatch.setattr(SwaggerView, "template_name", "drf_spectacular/swagger_ui.html")
    seen = open_docs(monkeypatch)
    assert any(v.startswith("style-src") for v in seen["violations"])

"""The Find a Tender HTTP client and API pulls, against a local stub server (never the network):
cursor links, 429 with Retry-After, timeouts, where a pull got to and resuming from it."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command

from conftest import TEST_NOW
from insource.register.feeds.pages import USER_AGENT, FeedClient
from insource.register.models import FeedPull, FeedSource, PlannedProcurement
from insource.testing.factories import empty_register
from insource.testing.feed_pages import FIND_A_TENDER, package, real_release

RATE_LIMITED = (FIND_A_TENDER / "edge-cases" / "rate-limited-429.txt").read_bytes()
UK3, UK1 = "075911-2026", "076268-2026"


class Stub:
    """A local API: answers from a script, one per request; records what was asked."""

    def __init__(self):
        self.script: list[tuple[int, dict, bytes]] = []
        self.requests: list[tuple[str, str]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server interface
                stub.requests.append((self.path, self.headers.get("User-Agent", "")))
                status, headers, body = stub.script.pop(0) if stub.script else (404, {}, b"")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}/api/1.0"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def page(self, *releases, cursor: str = ""):
        import json

        next_url = f"{self.base}/ocdsReleasePackages?cursor={cursor}" if cursor else ""
        body = json.dumps(package(*releases, next_url=next_url)).encode()
        self.script.append((200, {"Content-Type": "application/json"}, body))

    def rate_limited(self, retry_after: str = "0"):
        self.script.append((429, {"Retry-After": retry_after}, RATE_LIMITED))

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stub():
    server = Stub()
    yield server
    server.close()


def test_client_follows_cursor_links_and_waits_out_a_429(stub):
    stub.rate_limited("2")
    stub.page(real_release(UK3), cursor="Mg==")
    stub.page(real_release(UK1))
    waited = []
    client = FeedClient(timeout=5, retries=3, sleep=waited.append)
    pages = list(client.pages(f"{stub.base}/ocdsReleasePackages?limit=100"))
    assert [len(p.package["releases"]) for p in pages] == [1, 1]
    assert [p.error for p in pages] == ["", ""]
    assert waited == [2.0]
    assert [path for path, _ in stub.requests] == [
        "/api/1.0/ocdsReleasePackages?limit=100",
        "/api/1.0/ocdsReleasePackages?limit=100",
        "/api/1.0/ocdsReleasePackages?cursor=Mg==",
    ]
    assert {agent for _, agent in stub.requests} == {USER_AGENT}


def test_client_gives_up_after_bounded_retries(stub):
    for _ in range(4):
        stub.rate_limited("1")
    waited = []
    client = FeedClient(timeout=5, retries=2, sleep=waited.append)
    [page] = list(client.pages(f"{stub.base}/ocdsReleasePackages"))
    assert "rate limiting (429) after 3 attempt(s)" in page.error
    assert waited == [1.0, 1.0] and len(stub.requests) == 3


def test_client_does_not_wait_for_an_unreasonable_retry_after(stub):
    stub.rate_limited("86400")
    [page] = list(FeedClient(timeout=5, retries=3, sleep=pytest.fail).pages(stub.base + "/x"))
    assert "Retry-After 86400" in page.error


def test_client_reports_a_timeout_and_a_server_error():
    def timing_out(request, timeout):
        assert timeout == 7
        raise TimeoutError("timed out")

    [page] = list(FeedClient(timeout=7, retries=1, opener=timing_out).pages("https://x.test/a"))
    assert page.error == "could not be read (timed out)"


def test_client_refuses_other_schemes():
    [page] = list(FeedClient(timeout=7, retries=1).pages("file:///etc/passwd"))
    assert page.error == "is not an http(s) address"


@pytest.mark.django_db
class TestApiPulls:
    @pytest.fixture(autouse=True)
    def setup(self, system_actor, settings, tmp_path, stub):
        from insource.authorities.services.authorities import authorities_seed

        authorities_seed(by=system_actor, at=TEST_NOW)
        empty_register()  # a session fixture may have loaded the demo register
        settings.INSOURCE_FEED_LOCK_DIR = tmp_path
        settings.INSOURCE_FIND_A_TENDER_URL = stub.base
        self.stub = stub

    def pull(self, *args) -> str:
        out = StringIO()
        call_command("feeds", "pull", "find-a-tender", *args, stdout=out)
        return out.getvalue()

    def test_pull_remembers_where_it_got_to_and_starts_there_next_time(self):
        self.stub.page(real_release(UK3), cursor="Mg==")
        self.stub.page(real_release(UK1))
        out = self.pull("--updated-from", "2026-08-10T00:00:00", "--until", "2026-08-11T00:00:00")
        assert "2 page(s), 2 release(s)" in out
        source = FeedSource.objects.get()
        assert source.reached == datetime(2026, 8, 11, tzinfo=UTC) and source.cursor == ""
        query = parse_qs(urlsplit(self.stub.requests[0][0]).query)
        assert query == {
            "updatedFrom": ["2026-08-10T00:00:00"],
            "updatedTo": ["2026-08-11T00:00:00"],
            "limit": ["100"],
        }
        self.stub.page()
        self.pull("--until", "2026-08-12T00:00:00")
        query = parse_qs(urlsplit(self.stub.requests[-1][0]).query)
        assert query["updatedFrom"] == ["2026-08-11T00:00:00"]
        assert FeedSource.objects.get().reached == datetime(2026, 8, 12, tzinfo=UTC)

    def test_a_failed_page_is_where_the_next_pull_resumes(self):
        self.stub.page(real_release(UK3), cursor="Mg==")
        self.stub.script.append((503, {}, b"unavailable"))
        with pytest.raises(CommandError, match="503"):
            self.pull("--updated-from", "2026-08-10T00:00:00", "--until", "2026-08-11T00:00:00")
        source = FeedSource.objects.get()
        assert source.reached is None and source.cursor.endswith("cursor=Mg==")
        assert FeedPull.objects.get().status == "failed"
        assert PlannedProcurement.objects.count() == 1  # the first page stays
        self.stub.page(real_release(UK1))
        self.pull()
        assert self.stub.requests[-1][0] == "/api/1.0/ocdsReleasePackages?cursor=Mg=="
        source.refresh_from_db()
        assert source.reached == datetime(2026, 8, 11, tzinfo=UTC) and source.cursor == ""
        assert PlannedProcurement.objects.count() == 2

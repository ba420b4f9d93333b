"""The demo command prints the link where runserver listens, whatever form --addrport takes, and
the links in the emails it sends (from the server and from its worker) lead there too."""

import os
from contextlib import nullcontext
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from insource.alerts.presenters import absolute
from insource.demo.management.commands import demo
from insource.demo.management.commands.demo import served_at, site_address_use


@pytest.mark.parametrize(
    ("addrport", "url"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000/"),
        ("8001", "http://127.0.0.1:8001/"),
        ("0.0.0.0:9000", "http://0.0.0.0:9000/"),
    ],
)
def test_the_link_printed_is_where_the_server_listens(addrport, url):
    assert served_at(addrport) == url


@pytest.fixture
def site_address(monkeypatch, settings):
    """The site address as the settings read it with nothing in the environment; both are put
    back after the test."""
    settings.INSOURCE_BASE_URL = "http://127.0.0.1:8000"
    monkeypatch.delenv("INSOURCE_BASE_URL", raising=False)
    return settings


def test_emails_from_the_demo_link_to_the_address_it_serves_on(monkeypatch, site_address):
    seen = {}

    def commands(name, *args, **kwargs):
        if name == "runserver":  # what a page's email and the worker's would link to
            seen["link"] = absolute("/public/contracts/")
            seen["worker"] = os.environ["INSOURCE_BASE_URL"]

    loaded = SimpleNamespace(imports={}, skipped=[], adopters=[], reviews={})
    monkeypatch.setattr(demo, "call_command", commands)
    monkeypatch.setattr(demo, "demo_load", lambda **kwargs: loaded)
    monkeypatch.setattr(demo, "demo_people", lambda **kwargs: [])
    monkeypatch.setattr(demo, "background_worker", nullcontext)
    call_command("demo", "--addrport", "127.0.0.1:8001", "--json", stdout=StringIO())
    assert seen == {
        "link": "http://127.0.0.1:8001/public/contracts/",
        "worker": "http://127.0.0.1:8001",
    }


def test_a_site_address_set_in_the_environment_wins(monkeypatch, site_address):
    monkeypatch.setenv("INSOURCE_BASE_URL", "https://contracts.example.gov.uk")
    assert site_address_use("127.0.0.1:8001") == "https://contracts.example.gov.uk"
    assert absolute("/x") == "https://contracts.example.gov.uk/x"


def test_a_bare_port_is_served_on_localhost(site_address):
    assert site_address_use("8002") == "http://127.0.0.1:8002"
    assert absolute("/x") == "http://127.0.0.1:8002/x"

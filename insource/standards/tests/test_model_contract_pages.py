"""The model contract pages: who may do what (every role, own and other authority, signed
out), downloads with their content types and names, a legal officer's edit that keeps what
was typed, bad input answered with a message and never a 500, the contract page's link."""

from __future__ import annotations

import pytest
from django.urls import reverse

from insource.authorities.models import Role
from insource.authorities.roles import CAPABILITIES, Capability
from insource.standards.model_contract.models import ClauseVersion, ModelContractDocument
from insource.testing.model_contract import continuing, draw_files_quickly, generate
from insource.testing.workflow import team

pytestmark = pytest.mark.django_db
ACTIONS = [
    ("standards:model-contract", "get", Capability.READ),
    ("standards:model-contract", "post", Capability.GENERATE_MODEL_CONTRACT),
    ("standards:model-contract-download", "get", Capability.READ),
    ("standards:model-contract-verify", "get", Capability.READ),
    ("standards:clauses", "get", Capability.READ),
    ("standards:clause", "get", Capability.READ),
    ("standards:clause", "post", Capability.EDIT_CLAUSES),
    ("standards:clause-new", "get", Capability.EDIT_CLAUSES),
    ("standards:clause-version", "get", Capability.READ),
]


@pytest.fixture
def world():
    authority, people, contract, decision = continuing()
    document = generate(authority, contract)
    return authority, people, contract, document


@pytest.fixture
def undrawn_world(monkeypatch):
    """The same world, its documents built but not drawn (`draw_files_quickly`): for the tests
    of who may do what (one generates a document per role) and of pages that do not show the
    files. The download, generate and verify tests keep real Word and PDF files."""
    draw_files_quickly(monkeypatch)
    authority, people, contract, decision = continuing()
    document = generate(authority, contract)
    return authority, people, contract, document


def _url(name, authority, contract, document):
    code = authority.code
    args = {
        "standards:model-contract": [code, contract.pk],
        "standards:model-contract-download": [code, document.pk, "docx"],
        "standards:model-contract-verify": [code, document.pk],
        "standards:clauses": [code],
        "standards:clause": [code, "fair_wage"],
        "standards:clause-new": [code],
        "standards:clause-version": [code, ClauseVersion.objects.get(key="fair_wage").pk],
    }[name]
    return reverse(name, args=args)


def _status(client, method, url) -> int:
    return (client.get(url) if method == "get" else client.post(url, {})).status_code


def test_every_role_of_the_authority(client, officer_login, undrawn_world):
    authority, people, contract, document = undrawn_world
    for role in Role:
        officer_login(client, people[role])
        for name, method, capability in ACTIONS:
            status = _status(client, method, _url(name, authority, contract, document))
            expected = (200, 302, 400) if role in CAPABILITIES[capability] else (403,)
            assert status in expected, (role, name, method, status)
        client.logout()
    assert ModelContractDocument.objects.count() == 3  # one, then one per generating role


def test_another_authority_and_signed_out_visitors_see_nothing(
    client, officer_login, undrawn_world
):
    authority, _, contract, document = undrawn_world
    from insource.testing.workflow import council

    stranger = team(council())[Role.LEGAL_OFFICER]
    officer_login(client, stranger)
    for name, method, _ in ACTIONS:
        assert _status(client, method, _url(name, authority, contract, document)) == 404, name
    client.logout()
    for name, _method, _ in ACTIONS:
        response = client.get(_url(name, authority, contract, document))
        assert response.status_code == 302 and "sign-in" in response["Location"], name


def test_downloads_have_their_content_type_name_and_checksum(client, officer_login, world):
    authority, people, _, document = world
    officer_login(client, people[Role.COUNCILLOR])
    reference = document.data["document"]["reference"]
    for fmt, kind in (("docx", "wordprocessingml.document"), ("pdf", "application/pdf")):
        url = reverse("standards:model-contract-download", args=[authority.code, document.pk, fmt])
        response = client.get(url)
        assert response.status_code == 200 and kind in response["Content-Type"]
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="model-contract-{reference}.{fmt}"'
        )
        assert response.content == bytes(getattr(document, fmt))
        assert response["X-Content-SHA256"] == getattr(document, f"{fmt}_sha256")


def test_the_page_lists_versions_and_generates_a_new_one(client, officer_login, world):
    authority, people, contract, document = world
    officer_login(client, people[Role.CONTRACT_MANAGER])
    url = reverse("standards:model-contract", args=[authority.code, contract.pk])
    page = client.get(url).content.decode()
    assert document.docx_sha256[:14] in page and 'id="generate"' in page and "Verify" in page
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].endswith("?generated=2#documents")
    page = client.get(response["Location"]).content.decode()
    assert "Version 2 of the model contract was generated." in page


def test_verify_page_says_match(client, officer_login, world):
    authority, people, _, document = world
    officer_login(client, people[Role.AUDITOR])
    page = client.get(
        reverse("standards:model-contract-verify", args=[authority.code, document.pk])
    )
    assert page.status_code == 200 and 'id="match"' in page.content.decode()


def test_a_legal_officers_edit_keeps_what_was_typed_and_reports_the_error(
    client, officer_login, undrawn_world
):
    authority, people, _, _ = undrawn_world
    officer_login(client, people[Role.LEGAL_OFFICER])
    url = reverse("standards:clause", args=[authority.code, "fair_wage"])
    typed = "The Fair Wage is {{ wage.agreed_rate }} {% if wage.is_london %}London"
    response = client.post(url, {"title": "Fair wage", "body": typed, "reason": "Tighter wording"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "the template syntax is wrong" in page and "Tighter wording" in page
    assert "{% if wage.is_london %}London" in page  # the text as typed, escaped in the textarea
    assert not ClauseVersion.objects.filter(authority=authority).exists()
    body = ClauseVersion.objects.get(key="fair_wage").body + "\n\nPay slips show the rate."
    response = client.post(url, {"title": "Fair wage", "body": body, "reason": "Pay slips"})
    assert response.status_code == 302 and response["Location"].endswith("?saved=1")
    page = client.get(response["Location"]).content.decode()
    assert "Version 1 of the clause was saved." in page and "Pay slips show the rate." in page


BAD_PATHS = [
    "contracts/999999/model-contract/",
    "model-contracts/999999/docx/",
    "model-contracts/{doc}/odt/",
    "model-contracts/999999/verify/",
    "clauses/no_such_clause/",
    "clauses/versions/999999/",
]


def test_bad_addresses_are_not_found(client, officer_login, undrawn_world):
    authority, people, _, document = undrawn_world
    officer_login(client, people[Role.LEGAL_OFFICER])
    for path in BAD_PATHS:
        response = client.get(f"/standards/{authority.code}/" + path.format(doc=document.pk))
        assert response.status_code == 404, path


def test_the_contract_page_links_to_the_model_contract_only_when_outsourcing(
    client, officer_login, undrawn_world
):
    from insource.testing.workflow import council, refuse_contract

    authority, people, contract, _ = undrawn_world
    officer_login(client, people[Role.CONTRACT_MANAGER])
    page = client.get(reverse("register:contract-detail", args=[contract.pk])).content.decode()
    assert 'id="model-contract-link"' in page
    other = refuse_contract(council())
    page = client.get(reverse("register:contract-detail", args=[other.pk])).content.decode()
    assert 'id="model-contract-link"' not in page


def test_a_contract_without_an_outsourcing_decision_shows_why_and_no_button(client, officer_login):
    from insource.testing.workflow import council, refuse_contract

    authority = council()
    people = team(authority)
    contract = refuse_contract(authority)
    officer_login(client, people[Role.CONTRACT_MANAGER])
    url = reverse("standards:model-contract", args=[authority.code, contract.pk])
    page = client.get(url).content.decode()
    assert 'id="not-outsourcing"' in page and 'id="generate"' not in page
    response = client.post(url)
    assert response.status_code == 400 and "has no signed decision yet" in response.content.decode()


def test_a_legal_officer_adds_a_clause_which_takes_its_place_in_the_document(
    client, officer_login, undrawn_world
):
    from insource.standards.model_contract import document, samples, selectors

    authority, people, _, _ = undrawn_world
    officer_login(client, people[Role.LEGAL_OFFICER])
    url = reverse("standards:clause-new", args=[authority.code])
    form = {
        "key": "local_apprenticeships",
        "title": "Apprenticeships",
        "part": "clause",
        "purpose": "MS3",
        "position": "65",
        "body": "The Supplier shall offer apprenticeships to residents of the Authority's area.",
        "reason": "Cabinet decision on local jobs",
    }
    response = client.post(url, form)
    assert response.status_code == 302 and response["Location"].endswith("?saved=1")
    clauses = selectors.clauses_current(authority=authority)
    built = document.build(clauses, samples.sample_data()[0])
    headings = [s.heading for s in built.clauses]
    assert headings[5:8] == [
        "6. Workforce rights, blacklisting and two-tier protections",
        "Note on trade union recognition (not a term of this Contract)",
        "7. Apprenticeships",
    ]
    again = client.post(url, form)
    assert again.status_code == 400 and "already has a clause" in again.content.decode()

"""An authority in Wales publishes in Welsh and English (ADR 0035): the decision's title and
summary in both are required before publication, the pack and the public page hold both
languages, each marked with its `lang`, and the emails about it come in both."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.core import mail
from django.urls import reverse

from insource.authorities.roles import Role
from insource.core.audit import Actor
from insource.reviews.models import Decision, Publication
from insource.reviews.services.decisions import SignatureRefused, decision_publish
from insource.testing.workflow import NOW, TODAY, council, decided_review, refuse_contract, team

pytestmark = pytest.mark.django_db

TEXTS = {
    "title_cy": "Dod â chasglu sbwriel yn ôl yn fewnol",
    "summary_cy": "Bydd y cyngor yn casglu sbwriel ei hun o fis Hydref 2027.",
    "title_en": "Bringing refuse collection back in house",
    "summary_en": "The council will collect refuse itself from October 2027.",
}


def _decided(nation: str, django_capture_on_commit_callbacks):
    authority = council(nation=nation)
    people = team(authority)
    with django_capture_on_commit_callbacks(execute=True):
        decision = decided_review(authority, people, refuse_contract(authority))
    return authority, people, decision


def _publish_url(decision: Decision) -> str:
    kwargs = {"code": decision.authority.code, "pk": decision.review_id}
    return reverse("reviews:publish", kwargs=kwargs)


def test_a_welsh_authority_must_give_the_title_and_summary_in_both_languages(
    client, officer_login, django_capture_on_commit_callbacks
):
    _, people, decision = _decided("Wales", django_capture_on_commit_callbacks)
    officer_login(client, people[Role.LEGAL_OFFICER])
    form = client.get(_publish_url(decision)).content.decode()
    assert 'name="title_cy"' in form and 'lang="cy"' in form

    refused = client.post(
        _publish_url(decision), {"redaction_note": "No personal data", "confirm": "on"}
    )

    page = refused.content.decode()
    assert refused.status_code == 400 and not Publication.objects.exists()
    for error in (
        "Enter the title of the decision in Welsh",
        "Enter a summary of the decision in Welsh",
        "Enter the title of the decision in English",
        "Enter a summary of the decision in English",
    ):
        assert error in page  # all at once, in the summary and by the field
    assert "No personal data" in page  # the form keeps what was typed


def test_the_published_pack_and_page_hold_both_languages(
    client, officer_login, django_capture_on_commit_callbacks
):
    _, people, decision = _decided("Wales", django_capture_on_commit_callbacks)
    officer_login(client, people[Role.LEGAL_OFFICER])
    answer = client.post(
        _publish_url(decision), {"redaction_note": "No personal data", "confirm": "on", **TEXTS}
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    publication = Publication.objects.get(decision=decision)
    assert publication.title_cy == TEXTS["title_cy"] and publication.is_bilingual
    assert bytes(publication.pack_pdf).startswith(b"%PDF-")
    client.logout()

    page = client.get(reverse("public:decision", kwargs={"pk": decision.pk})).content.decode()

    welsh, english = page.index('<section lang="cy"'), page.index('<section lang="en"')
    assert welsh < english  # Welsh first
    assert TEXTS["title_cy"] in page[welsh:english] and TEXTS["summary_en"] in page[english:]
    assert "Pecyn penderfyniad" in page[welsh:english] and "Decision pack" in page[english:]
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []


def test_the_service_refuses_a_welsh_authority_without_the_welsh_texts(
    django_capture_on_commit_callbacks,
):
    _, people, decision = _decided("Wales", django_capture_on_commit_callbacks)
    legal = people[Role.LEGAL_OFFICER]
    with pytest.raises(SignatureRefused, match="title of the decision in Welsh"):
        decision_publish(
            decision=decision,
            user=legal,
            redaction_note="No personal data",
            has_confidential_annex=False,
            pack_html="<p>pack</p>",
            pack_pdf=b"%PDF-1.4",
            on=TODAY,
            by=Actor.for_user(legal),
            at=NOW,
            texts={**TEXTS, "title_cy": " "},
        )


def test_an_english_authority_publishes_in_english_only(
    client, officer_login, django_capture_on_commit_callbacks
):
    _, people, decision = _decided("England", django_capture_on_commit_callbacks)
    officer_login(client, people[Role.LEGAL_OFFICER])
    assert 'name="title_cy"' not in client.get(_publish_url(decision)).content.decode()

    answer = client.post(
        _publish_url(decision),
        {"redaction_note": "No personal data", "confirm": "on"},
        HTTP_ACCEPT_LANGUAGE="cy",  # an officer reading in Welsh still publishes English
    )

    assert answer.status_code == 302
    publication = Publication.objects.get(decision=decision)
    assert not publication.is_bilingual and "Decision pack" in publication.pack_html
    page = client.get(
        reverse("public:decision", kwargs={"pk": decision.pk}), HTTP_ACCEPT_LANGUAGE="cy"
    )
    assert '<div lang="en-GB">' in page.content.decode()  # English left in a Welsh page


def test_the_decision_maker_of_a_welsh_authority_is_emailed_in_both_languages(
    django_capture_on_commit_callbacks,
):
    mail.outbox.clear()
    _decided("Wales", django_capture_on_commit_callbacks)

    (email,) = [m for m in mail.outbox if "awaits your signature" in m.subject]

    assert email.subject.startswith("Mae penderfyniad yn aros am eich llofnod")
    assert email.body.index("Annwyl") < email.body.index("Dear")

"""MS2 (trade union recognition) is never generated, whatever the input (TULRCA 1992 s.186
voids such a term; s.187): not through a clause edit (key, purpose, title, text, a template
that assembles the words), not from decision facts proposing one, not from a clause written
into the database behind the service, not through the pages. The note with the lawful
measures is shown instead."""

from __future__ import annotations

import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from insource.core.audit import Actor
from insource.standards.model_contract import ms2, selectors
from insource.standards.model_contract.library import ClauseText
from insource.standards.model_contract.models import ClauseVersion, ModelContractDocument
from insource.standards.model_contract.services import (
    ClauseInvalid,
    ModelContractRefused,
    clause_library_seed,
    clause_save,
)
from insource.testing.model_contract import (
    GENERATED_AT,
    continuing,
    docx_text,
    generate,
)

pytestmark = pytest.mark.django_db
RECOGNISE = re.compile(r"recogni[sz]", re.IGNORECASE)
TERM = "The Supplier shall recognise the trade union UNISON for collective bargaining."


def _new(**fields) -> ClauseText:
    base = {
        "key": "staff_voice",
        "title": "Staff voice",
        "part": "clause",
        "purpose": "general",
        "position": 65,
        "body": "The Supplier shall hold staff forums [each quarter].",
    }
    return ClauseText(**(base | fields))


CANDIDATES = {
    "a reserved key": ({"key": "union_recognition"}, "key"),
    "a key naming recognition": ({"key": "trade_union_recognition_rights"}, "key"),
    "the MS2 purpose": ({"purpose": "MS2"}, "purpose"),
    "a lower-case ms2 purpose": ({"purpose": "ms2"}, "purpose"),
    "a title": ({"title": "Recognition of trade unions"}, "title"),
    "the text": ({"body": TERM}, "body"),
    "collective bargaining alone": (
        {"body": "The Supplier shall enter a collective bargaining agreement."},
        "body",
    ),
    "a template that assembles the words": (
        {"body": "The Supplier shall {{ 'recog' ~ 'nise' }} the union."},
        "body",
    ),
    "a branch only filled for London": (
        {"body": "{% if contract.is_london %}The Supplier shall recognise the union.{% endif %}"},
        "body",
    ),
}


@pytest.mark.parametrize("case", CANDIDATES, ids=list(CANDIDATES))
def test_a_clause_carrying_recognition_cannot_be_created(case):
    fields, where = CANDIDATES[case]
    authority, people, _, _ = continuing()
    clause_library_seed(at=GENERATED_AT)
    legal = people["legal-officer"]
    with pytest.raises(ClauseInvalid) as refused:
        clause_save(
            authority=authority,
            text=_new(**fields),
            reason="test",
            user=legal,
            by=Actor.for_user(legal),
            at=GENERATED_AT,
        )
    assert refused.value.problems[where] == ms2.REFUSAL
    assert not ClauseVersion.objects.filter(authority=authority).exists()


def test_an_existing_clause_cannot_be_edited_into_a_recognition_term():
    authority, people, _, _ = continuing()
    clause_library_seed(at=GENERATED_AT)
    current = selectors.clause_current(authority=authority, key="workforce_rights")
    text = ClauseText(
        current.key,
        current.title,
        current.part,
        current.purpose,
        current.position,
        current.body + "\n\n" + TERM,
    )
    with pytest.raises(ClauseInvalid, match="void in law"):
        clause_save(
            authority=authority,
            text=text,
            reason="x",
            user=people["legal-officer"],
            by=Actor.system("tests"),
            at=GENERATED_AT,
        )


def test_the_database_refuses_a_recognition_clause_written_behind_the_service():
    for fields in (
        {"key": "union_recognition", "purpose": "general"},
        {"key": "x", "purpose": "MS2"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            ClauseVersion.objects.create(
                number=1,
                title="t",
                part="clause",
                position=1,
                body="b",
                body_sha256="0" * 64,
                reason="r",
                source="shipped",
                created_by_name="s",
                created_at=GENERATED_AT,
                **fields,
            )


def test_a_crafted_clause_under_an_innocent_key_stops_generation():
    authority, _, contract, _ = continuing()
    clause_library_seed(at=GENERATED_AT)
    ClauseVersion.objects.create(
        authority=authority,
        key="staff_voice",
        number=1,
        title="Staff voice",
        part="clause",
        purpose="general",
        position=65,
        body=TERM,
        body_sha256="0" * 64,
        reason="crafted",
        source="edited",
        created_by_name="someone",
        created_at=GENERATED_AT,
    )
    with pytest.raises(
        ModelContractRefused, match="Staff voice.*void in law.*Nothing was generated"
    ):
        generate(authority, contract)
    assert not ModelContractDocument.objects.exists()


def test_decision_facts_proposing_recognition_never_reach_the_document():
    """Golden scenario 11's flag: the proposed terms include a recognition term; the decision
    stands, MS2 is void in law, and the model contract leaves the term out with a note."""
    authority, _, contract, decision = continuing(
        terms={"proposed_terms.union_recognition_clause": True}
    )
    assert decision.facts["proposed_terms"]["union_recognition_clause"] is True
    assert decision.result["standards"]["MS2"]["status"] == "void_in_law"
    text = docx_text(bytes(generate(authority, contract).docx))
    note_start = text.index(ms2.note(proposed_void_term=True)["title"])
    note = text[note_start:].split("\n")[:4]
    assert "It is void and has been left out of this Contract." in "\n".join(note)
    outside_note = text[:note_start] + "\n".join(text[note_start:].split("\n")[4:])
    assert not RECOGNISE.search(outside_note), "recognition is mentioned outside the note"
    for measure in (
        "trade union officials reasonable access",
        "prohibited list",
        "no less favourable",
    ):
        assert measure in text


def test_without_a_proposed_term_the_note_still_names_the_lawful_measures(tmp_path):
    authority, _, contract, _ = continuing()
    text = docx_text(bytes(generate(authority, contract).docx))
    assert ms2.note(proposed_void_term=False)["title"] in text
    assert "no blacklisting" in text and "two-tier workforce protections" in text
    assert "has been left out" not in text


def test_the_new_clause_page_refuses_a_recognition_key_and_keeps_what_was_typed(
    client, officer_login
):
    authority, people, _, _ = continuing()
    clause_library_seed(at=GENERATED_AT)
    officer_login(client, people["legal-officer"])
    form = {
        "key": "union_recognition",
        "title": "Staff voice",
        "part": "clause",
        "purpose": "general",
        "position": "65",
        "body": "Forums [each quarter].",
        "reason": "Union asked",
    }
    response = client.post(reverse("standards:clause-new", args=[authority.code]), form)
    page = response.content.decode()
    assert response.status_code == 400
    assert (
        "void in law" in page
        and "Forums [each quarter]." in page
        and 'value="union_recognition"' in page
    )
    assert not ClauseVersion.objects.filter(authority=authority).exists()

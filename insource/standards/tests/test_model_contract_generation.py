"""Generating the model contract: the clause library's versions, the documents filled from the
contract and its outsourcing decision at the decision date, both files read back, verification
on regeneration and after tampering, refusals, the command line. SQLite and PostgreSQL."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from insource.core.models import AuditEvent
from insource.standards.model_contract import library, selectors
from insource.standards.model_contract.models import (
    ClauseVersion,
    ImmutableRecordError,
    ModelContractDocument,
)
from insource.standards.model_contract.services import (
    ClauseInvalid,
    ModelContractRefused,
    clause_library_seed,
    clause_save,
    clause_text,
)
from insource.standards.model_contract.verify import model_contract_verify
from insource.testing.model_contract import (
    GENERATED_AT,
    continuing,
    docx_text,
    generate,
    pdf_text,
)

pytestmark = pytest.mark.django_db


def _edit(authority, user, key="fair_wage", reason="Legal advice", **changes):
    from insource.core.audit import Actor

    current = selectors.clause_current(authority=authority, key=key)
    return clause_save(
        authority=authority,
        text=clause_text(current, **changes),
        reason=reason,
        user=user,
        by=Actor.for_user(user),
        at=GENERATED_AT,
    )


def test_seeding_is_idempotent_and_versions_are_immutable():
    assert clause_library_seed(at=GENERATED_AT) == len(library.shipped()) == 17
    assert clause_library_seed(at=GENERATED_AT) == 0
    version = ClauseVersion.objects.get(key="fair_wage")
    assert (version.number, version.authority, version.source) == (1, None, "shipped")
    version.body = "changed"
    with pytest.raises(ImmutableRecordError):
        version.save()
    with pytest.raises(ImmutableRecordError):
        ClauseVersion.objects.filter(pk=version.pk).update(body="changed")
    with pytest.raises(ImmutableRecordError):
        ClauseVersion.objects.filter(pk=version.pk).delete()


def test_every_save_is_a_new_version_of_the_authoritys_own_and_national_stays():
    authority, people, contract, _ = continuing()
    clause_library_seed(at=GENERATED_AT)
    legal = people["legal-officer"]
    body = library.shipped()[3].body + "\n\nThe Supplier shall display the Fair Wage at each depot."
    first = _edit(authority, legal, body=body, reason="Depot notices")
    second = _edit(authority, legal, title="Fair wage and pay notices", reason="Clearer title")
    assert (first.number, second.number, second.authority_id) == (1, 2, authority.pk)
    assert (second.created_by, second.reason, second.body) == (legal, "Clearer title", body)
    assert ClauseVersion.objects.get(authority__isnull=True, key="fair_wage").number == 1
    history = selectors.clause_history(authority=authority, key="fair_wage")
    assert [(v.number, v.authority_id) for v in history] == [
        (2, authority.pk),
        (1, authority.pk),
        (1, None),
    ]
    assert AuditEvent.objects.filter(action="standards.clause_save").count() == 2


def test_a_refused_save_saves_nothing_and_says_why_per_field():
    authority, people, _, _ = continuing()
    clause_library_seed(at=GENERATED_AT)
    with pytest.raises(ClauseInvalid) as refused:
        _edit(
            authority,
            people["legal-officer"],
            body="Pay {{ wage.agreed_rate }} {% if %}",
            reason="",
        )
    assert set(refused.value.problems) == {"body", "reason"}
    assert "Line 1: the template syntax is wrong" in refused.value.problems["body"]
    with pytest.raises(ClauseInvalid, match="same as version 1"):
        _edit(authority, people["legal-officer"])
    assert ClauseVersion.objects.filter(authority=authority).count() == 0


def test_generation_fills_the_clauses_from_the_contract_and_decision(tmp_path):
    authority, people, contract, decision = continuing(is_london=True)
    document = generate(authority, contract, user=people["contract-manager"])
    data = document.data
    assert (document.number, document.decision, data["wage"]["rate"]) == (1, decision, "£14.80")
    word, pdf = docx_text(bytes(document.docx)), pdf_text(bytes(document.pdf), tmp_path)
    for text in (word, " ".join(pdf.split())):
        assert "MODEL CONTRACT FOR SERVICES" in text.upper()
        assert "Greenway Environmental & Sons Ltd" in text  # autoescape keeps the ampersand
        assert "Refuse & recycling collection" in text
        assert (
            "The Fair Wage is £14.80 per hour, being the Real Living Wage for London of £14.80"
            in text
        )
        assert "announced by the Living Wage Foundation on 22 October 2025" in text
        assert "£12.71 per hour, in force from 1 April 2026" in text
        assert "shall not exceed 36 months" in text and "30 September 2028" in text
        assert "within 10 Working Days of the Authority's request" in text
        assert "within 30 days of receiving it" in text and "at least 3 KPIs" in text
        assert "more than 5%" in text and "section 6(3)(b)" in text and "CPV 90511000" in text
        assert "£12,000,000.00 including VAT" in text and f"D-{decision.pk}" in text
        assert "None" not in text and "{{" not in text and "{%" not in text
    assert re.search(r"Page 2 of \d+", pdf)


def test_the_word_file_uses_the_layouts_styles():
    import docx

    authority, _, contract, _ = continuing()
    content = bytes(generate(authority, contract).docx)
    core = zipfile.ZipFile(io.BytesIO(content)).read("docProps/core.xml").decode()
    assert "custom-properties" not in core and "<dc:creator>Testshire Council</dc:creator>" in core
    document = docx.Document(io.BytesIO(content))
    styles = {p.style.name for p in document.paragraphs}
    assert {
        "MC Clause Heading",
        "MC Sub-clause",
        "MC Item",
        "MC Definition",
        "MC Schedule Heading",
        "MC Note",
    } <= styles
    headings = [p.text for p in document.paragraphs if p.style.name == "MC Clause Heading"]
    assert headings[:2] == [
        "1.\tDefinitions and interpretation",
        "2.\tTerm, no-fault break and re-review",
    ]
    assert len(headings) == 13
    schedules = [p.text for p in document.paragraphs if p.style.name == "MC Schedule Heading"]
    assert schedules == [
        "SCHEDULE 1\nWage schedule",
        "SCHEDULE 2\nKPI schedule",
        "SCHEDULE 3\nExit schedule",
        "SCHEDULE 4\nThe Decision and the minimum standards",
    ]
    footer = document.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


def test_regeneration_verifies_and_tampering_does_not():
    authority, _, contract, _ = continuing()
    document = generate(authority, contract)
    found = selectors.model_contract_get(authority=authority, pk=document.pk, with_files=True)
    assert model_contract_verify(document=found).is_match
    with connection.cursor() as cursor:  # an edit behind the application's back
        cursor.execute(
            "UPDATE standards_modelcontractdocument SET pdf = %s WHERE id = %s",
            [b"%PDF-1.7 forged", document.pk],
        )
    tampered = model_contract_verify(document=selectors.model_contract_any(document.pk))
    assert (tampered.is_match, tampered.stored, tampered.regenerated["pdf"]) == (
        False,
        {"docx": True, "pdf": False},
        True,
    )


def test_a_new_clause_version_makes_the_next_document_and_the_old_one_still_verifies():
    authority, people, contract, _ = continuing()
    first = generate(authority, contract)
    body = (
        selectors.clause_current(authority=authority, key="general").body
        + "\n\nNotices are in writing."
    )
    _edit(authority, people["legal-officer"], key="general", body=body)
    second = generate(authority, contract, at=GENERATED_AT + timedelta(days=1))
    assert second.number == 2 and "Notices are in writing." in docx_text(bytes(second.docx))
    assert "Notices are in writing." not in docx_text(bytes(first.docx))
    assert model_contract_verify(document=selectors.model_contract_any(first.pk)).is_match
    assert {c["key"]: c["number"] for c in second.clause_versions}["general"] == 1  # its own v1
    assert AuditEvent.objects.filter(action="standards.model_contract_generate").count() == 2


def test_documents_are_immutable():
    authority, _, contract, _ = continuing()
    document = generate(authority, contract)
    with pytest.raises(ImmutableRecordError):
        document.save()
    with pytest.raises(ImmutableRecordError):
        ModelContractDocument.objects.filter(pk=document.pk).delete()


def test_a_contract_without_an_outsourcing_decision_is_refused():
    from insource.testing.workflow import (
        council,
        decided_review,
        refuse_contract,
        team,
    )

    authority = council()
    people = team(authority)
    contract = refuse_contract(authority)
    with pytest.raises(ModelContractRefused, match="has no signed decision yet"):
        generate(authority, contract)
    decided_review(authority, people, contract)
    with pytest.raises(ModelContractRefused, match="brought in house \\(the presumption"):
        generate(authority, contract)
    assert ModelContractDocument.objects.count() == 0


def test_the_command_line_generates_and_verifies(tmp_path):
    authority, _, contract, _ = continuing()
    out, output = io.StringIO(), tmp_path / "contract.pdf"
    call_command(
        "standards",
        "model-contract",
        "generate",
        str(contract.pk),
        "--format",
        "pdf",
        "--output",
        str(output),
        stdout=out,
    )
    document = ModelContractDocument.objects.get()
    assert output.read_bytes() == bytes(document.pdf) and document.pdf_sha256 in out.getvalue()
    out = io.StringIO()
    call_command(
        "standards", "model-contract", "verify", str(document.pk), "--file", str(output), stdout=out
    )
    assert "match: model contract" in out.getvalue() and "file " in out.getvalue()
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.7 something else")
    with pytest.raises(CommandError, match="is not the Word or PDF file"):
        call_command(
            "standards",
            "model-contract",
            "verify",
            str(document.pk),
            "--file",
            str(other),
            stdout=io.StringIO(),
        )
    with pytest.raises(CommandError, match="There is no model contract 999999"):
        call_command("standards", "model-contract", "verify", "999999", stdout=io.StringIO())
    with pytest.raises(CommandError, match="There is no contract 999999"):
        call_command(
            "standards",
            "model-contract",
            "generate",
            "999999",
            "--output",
            str(other),
            stdout=io.StringIO(),
        )

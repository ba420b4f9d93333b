"""Sharing work (issue 20, ADR 0045): publishing an appraisal or a clause version as a
template, what is held back as possible personal data, starting another authority's appraisal
or clause from it with the source credited, the reuse counted and audited, and withdrawal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insource.appraisal.models import Appraisal
from insource.appraisal.presenters import CATEGORY_LABELS
from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.sharing import selectors, services
from insource.sharing.checks import WITHHELD_SOURCE, clean_line, personal_data_in
from insource.sharing.models import SharedTemplate, TemplateReuse
from insource.testing import appraisal as builders
from insource.testing import sharing
from insource.testing.fuzzing import FUZZ, HOSTILE_TEXT
from insource.testing.workflow import NOW, TODAY, council, team

pytestmark = pytest.mark.django_db


def _lines(content: dict) -> list[dict]:
    return [line for option in content["options"].values() for line in option["lines"]]


def test_an_appraisal_is_shared_with_its_figures_and_the_notes_the_officer_confirmed():
    authority, _people, template = sharing.shared_appraisal()
    sample = builders.sample()
    assert template.kind == "appraisal" and template.authority == authority
    assert template.cpv_division == "90"  # the refuse contract's CPV division
    assert set(template.content["options"]) == set(sample["options"])
    shipped = [line for o in sample["options"].values() for line in o["lines"]]
    assert _lines(template.content) == shipped  # every line confirmed, none screened
    assert template.withheld == []
    assert "title" not in template.content and "appraisal_on" not in template.content
    event = AuditEvent.objects.get(action="sharing.template_publish")
    assert event.authority == authority and event.after["withheld"] == 0


def test_notes_not_confirmed_are_held_back_and_figures_are_kept():
    _authority, _people, template = sharing.shared_appraisal(confirm_all=False)
    shipped = [line for o in builders.sample()["options"].values() for line in o["lines"]]
    shared = _lines(template.content)
    assert [line["source"] for line in shared] == [WITHHELD_SOURCE] * len(shipped)
    for before, after in zip(shipped, shared, strict=True):
        assert {k: v for k, v in before.items() if k not in ("label", "source")} == {
            k: v for k, v in after.items() if k not in ("label", "source")
        }
        assert after["label"] == str(CATEGORY_LABELS[before["category"]])
    assert len(template.withheld) == 2 * len(shipped)
    assert {w["why"] for w in template.withheld} == {"not_confirmed"}
    assert all(set(w) == {"line", "field", "why", "option"} for w in template.withheld)


def test_a_note_that_looks_like_personal_data_is_held_back_even_when_confirmed():
    authority, people, review = builders.reviewed("PDA")
    officer = builders.officer_of(people)
    document = builders.sample()
    first = document["options"]["inhouse"]["lines"][0]
    first["source"] = "Payroll extract from jo.bloggs@pda.gov.uk, 01632 960001"
    first["label"] = "Mr Smith's team"
    document["price_base"] = "2026-27 prices, per Cllr Jones"
    appraisal = builders.appraisal_with_sample(review, officer, document=document)
    template = services.appraisal_publish(
        appraisal=appraisal,
        title="Refuse",
        confirmed=set(appraisal.lines.values_list("pk", flat=True)),
        user=officer,
        on=TODAY,
        by=Actor.for_user(officer),
        at=NOW,
    )
    text = str(template.content) + str(template.withheld)
    for secret in ("jo.bloggs", "01632", "Smith", "Jones"):
        assert secret not in text
    line = template.content["options"]["inhouse"]["lines"][0]
    assert line["source"] == WITHHELD_SOURCE and line["label"] == "Staff pay"
    assert {(w["field"], w["why"]) for w in template.withheld} == {
        ("label", "name"),
        ("source", "email"),
        ("price_base", "name"),
    }
    assert "price_base" not in template.content


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ask jo.bloggs@council.gov.uk", "email"),
        ("Call 01632 960001", "phone"),
        ("+44 20 7946 0958", "phone"),
        ("Depot at LE3 8RA", "postcode"),
        ("NI AB 12 34 56 C", "ni_number"),
        ("Confirmed by Mrs Patel", "name"),
        ("Cllr Jones", "name"),
        ("Budget book 2025-26, line 4", None),
        ("APSE performance networks 2024", None),
        ("HM Treasury Green Book (2022), table 8", None),
        ("2026-27 prices", None),
        ("", None),
    ],
)
def test_the_screen_finds_what_identifies_or_contacts_a_person(text, found):
    assert personal_data_in(text) == found


def test_a_title_with_personal_data_or_an_appraisal_missing_an_option_is_refused():
    authority, people, review = builders.reviewed("TTL")
    officer = builders.officer_of(people)
    appraisal = builders.appraisal_with_sample(review, officer)
    publish = dict(confirmed=set(), user=officer, on=TODAY, by=Actor.for_user(officer), at=NOW)
    with pytest.raises(services.SharingRefused) as refused:
        services.appraisal_publish(appraisal=appraisal, title="Ask Dr Who", **publish)
    assert "title" in refused.value.problems
    with pytest.raises(services.SharingRefused):
        services.appraisal_publish(appraisal=appraisal, title="  ", **publish)
    appraisal.lines.filter(option="outsourced").delete()
    with pytest.raises(services.SharingRefused) as refused:
        services.appraisal_publish(appraisal=appraisal, title="Refuse", **publish)
    assert "outsourced" in refused.value.problems[""]
    assert not SharedTemplate.objects.exists()


def test_another_authority_starts_its_appraisal_from_the_template_crediting_the_source():
    source, _people, template = sharing.shared_appraisal("SRC")
    authority, _people, review, appraisal = sharing.reused(template, "USE")
    assert appraisal.authority == authority and appraisal.review == review
    assert appraisal.title == review.contract.title  # its own title, not the source's
    copied = [line.spec for line in appraisal.lines.order_by("option", "position")]
    assert sorted(copied, key=str) == sorted(_lines(template.content), key=str)
    reuse = TemplateReuse.objects.get()
    assert (reuse.template, reuse.authority, reuse.appraisal) == (template, authority, appraisal)
    assert selectors.reuse_of_appraisal(appraisal) == reuse
    event = AuditEvent.objects.get(action="sharing.template_reuse")
    assert event.authority == authority and event.after["from"] == source.code
    assert selectors.reuse_counts(by="template") == {str(template.pk): 1}
    assert selectors.reuse_counts(by="service") == {"90": 1}
    assert selectors.reuse_counts(by="service", kind="clause") == {}
    assert selectors.templates_published().get().num_reuses == 1


def test_the_copy_is_the_reusers_own_and_the_template_never_changes():
    _source, _people, template = sharing.shared_appraisal("SRD")
    before = SharedTemplate.objects.get(pk=template.pk).content
    authority, people, review, appraisal = sharing.reused(template, "USF")
    appraisal.lines.all().delete()  # whatever the copy does, the template stays as it was
    assert SharedTemplate.objects.get(pk=template.pk).content == before
    with pytest.raises(services.SharingRefused):
        services.template_withdraw(
            template=template, authority=authority, by=Actor.system("tests"), at=NOW
        )
    assert SharedTemplate.objects.get(pk=template.pk).withdrawn_at is None


def test_a_template_starts_only_an_appraisal_without_lines():
    _source, _people, template = sharing.shared_appraisal("SRE")
    _authority, people, review = builders.reviewed("USG")
    officer = builders.officer_of(people)
    builders.appraisal_with_sample(review, officer)
    with pytest.raises(services.SharingRefused):
        services.appraisal_from_template(
            template=template,
            review=review,
            user=officer,
            on=TODAY,
            by=Actor.for_user(officer),
            at=NOW,
        )
    assert not TemplateReuse.objects.exists()


def test_a_withdrawn_template_leaves_the_library_and_keeps_its_credits():
    source, people, template = sharing.shared_appraisal("SRW")
    _authority, _p, _review, appraisal = sharing.reused(template, "USW")
    services.template_withdraw(
        template=template, authority=source, by=Actor.system("tests"), at=NOW
    )
    assert not selectors.templates_published().exists()
    assert selectors.reuse_of_appraisal(appraisal).template == template
    assert selectors.reuse_counts(by="template") == {str(template.pk): 1}
    _a, others, review = builders.reviewed("USX")
    officer = builders.officer_of(others)
    with pytest.raises(services.SharingRefused):
        services.appraisal_from_template(
            template=template,
            review=review,
            user=officer,
            on=TODAY,
            by=Actor.for_user(officer),
            at=NOW,
        )
    assert not Appraisal.objects.filter(review=review).exclude(lines=None).exists()


def test_a_clause_version_is_shared_and_another_authority_makes_it_its_own():
    source = council(code="CLA", name="Clause Source Council")
    people = team(source)
    version = sharing.own_clause(source, people)
    template = sharing.shared_clause(source, people, version, division="90")
    assert template.content["body"] == version.body and template.cpv_division == "90"
    other = council(code="CLB", name="Clause Borrower Council")
    theirs = sharing.clause_reused(template, other, team(other))
    assert theirs.authority == other and theirs.body == version.body
    assert "Clause Source Council" in theirs.reason and template.title in theirs.reason
    assert selectors.reuse_of_clause(authority=other, key=theirs.key).template == template
    assert selectors.reuse_counts(by="service", kind="clause") == {"90": 1}
    assert AuditEvent.objects.filter(action="sharing.template_reuse", authority=other).exists()


def test_a_national_clause_or_one_holding_personal_data_is_not_shared():
    source = council(code="CLN")
    people = team(source)
    national = sharing.own_clause(source, people)  # seeds the library
    from insource.standards.model_contract.selectors import clause_current

    legal = people[Role.LEGAL_OFFICER]
    publish = dict(authority=source, cpv_division="", user=legal, by=Actor.for_user(legal), at=NOW)
    default = clause_current(authority=council(code="CLZ"), key="exit")
    with pytest.raises(services.SharingRefused):
        services.clause_publish(version=default, **publish)
    mine = sharing.own_clause(source, people, key="exit", body_extra=" Contact ann@cln.gov.uk.")
    with pytest.raises(services.SharingRefused) as refused:
        services.clause_publish(version=mine, **publish)
    assert "confirm" in refused.value.problems
    assert national.authority == source and not SharedTemplate.objects.exists()


def test_reuse_counts_refuse_an_unknown_grouping():
    with pytest.raises(ValueError, match="template"):
        selectors.reuse_counts(by="authority")


@FUZZ
@given(
    label=st.one_of(HOSTILE_TEXT, st.text(max_size=60)),
    source=st.one_of(HOSTILE_TEXT, st.text(max_size=60)),
    confirmed=st.booleans(),
)
def test_a_line_keeps_its_figures_and_shares_text_only_when_confirmed_and_clean(
    label, source, confirmed
):
    spec = {"id": "pay", "category": "staff_pay", "label": label, "source": source}
    spec |= {"amount_gbp": {"min": 1, "most_likely": 2, "max": 3}}
    shared, held = clean_line(spec, confirmed=confirmed, label_words="Staff pay")
    assert shared["amount_gbp"] == spec["amount_gbp"] and shared["id"] == "pay"
    for field, neutral in (("label", "Staff pay"), ("source", WITHHELD_SOURCE)):
        kept = confirmed and personal_data_in(spec[field]) is None
        assert shared[field] == (spec[field] if kept else neutral)
        assert any(h["field"] == field for h in held) is not kept

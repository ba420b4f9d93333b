"""Sharing's pages through the test client: sharing an appraisal (GOV.UK errors, notes held
back), starting another council's appraisal from it and seeing the credit, the public library
with its reuse counts and CSV, a clause shared and reused, the decision pack's credit, who may
do what, and hostile input that never answers 500."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from insource.authorities.models import Role
from insource.core.audit import Actor
from insource.reviews.decisions.pack import pack_html
from insource.reviews.services.decisions import decision_sign
from insource.reviews.services.editing import review_submit
from insource.sharing.models import SharedTemplate, TemplateReuse
from insource.testing import appraisal as builders
from insource.testing import sharing
from insource.testing.fuzzing import FUZZ, HOSTILE_TEXT
from insource.testing.workflow import NOW, TODAY, council, team

pytestmark = pytest.mark.django_db


def _sendable(text: str) -> str:
    """What a browser could send: no NUL, no lone surrogate."""
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def _page(client, url, **data):
    response = client.post(url, data) if data else client.get(url)
    return response, response.content.decode()


def test_an_officer_shares_an_appraisal_confirming_some_notes(client, officer_login):
    authority, people, review = builders.reviewed("PUB")
    officer = builders.officer_of(people)
    appraisal = builders.appraisal_with_sample(review, officer)
    officer_login(client, officer)
    page = client.get(reverse("appraisal:page", args=[authority.code, review.pk])).content.decode()
    url = reverse("sharing:appraisal-publish", args=[authority.code, review.pk])
    assert url in page and 'id="share-appraisal"' in page
    response, html = _page(client, url, title="")
    assert response.status_code == 400
    assert "govuk-error-summary" in html and "Enter a title for the template" in html
    first = appraisal.lines.order_by("pk").first()
    response = client.post(url, {"title": "Refuse collection", "confirmed": [str(first.pk)]})
    template = SharedTemplate.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{template.pk}/")
    assert len(template.withheld) == 2 * (appraisal.lines.count() - 1)
    public = client.get(response["Location"]).content.decode()
    assert "Refuse collection" in public and first.label in public and 'id="withheld"' in public


def test_a_review_officer_of_another_council_starts_from_it_and_sees_the_credit(
    client, officer_login
):
    source, _people, template = sharing.shared_appraisal("SRC", title="Refuse collection template")
    authority, people, review = builders.reviewed("BBB")
    officer_login(client, builders.officer_of(people))
    page_url = reverse("appraisal:page", args=[authority.code, review.pk])
    page = client.get(page_url).content.decode()
    url = reverse("sharing:appraisal-reuse", args=[authority.code, review.pk])
    assert url in page
    response, html = _page(client, url, template="")
    assert response.status_code == 400 and "Choose a template" in html
    response = client.post(url, {"template": str(template.pk)})
    assert response.status_code == 302 and response["Location"] == page_url
    page = client.get(page_url).content.decode()
    assert 'id="template-credit"' in page
    assert "Refuse collection template" in page and source.name in page
    library = client.get(reverse("shared-work:library")).content.decode()
    assert 'data-reuses="1"' in library
    mine = client.get(reverse("sharing:authority", args=[authority.code])).content.decode()
    assert "Refuse collection template" in mine


def test_the_library_lists_templates_by_service_and_its_csv_has_a_bom(client):
    _source, _people, template = sharing.shared_appraisal("LIB")
    html = client.get(reverse("shared-work:library")).content.decode()
    assert "Sewage, refuse, cleaning and environmental services" in html
    assert template.title in html and "LIB County Council" in html
    assert 'id="service-90"' in html and "90000000" not in html
    assert template.title not in client.get("/public/shared-work/?kind=clause").content.decode()
    csv = client.get(reverse("shared-work:library-csv"))
    assert csv.content.startswith(b"\xef\xbb\xbf")
    assert "Times reused" in csv.content.decode("utf-8-sig")


def test_only_the_publisher_withdraws_its_template(client, officer_login):
    source, people, template = sharing.shared_appraisal("WDR")
    other = council(code="OTH")
    strangers = team(other)
    url = reverse("sharing:withdraw", args=[source.code, template.pk])
    officer_login(client, strangers[Role.REVIEW_OFFICER])
    assert client.post(url, {"confirm": "withdraw"}).status_code == 404
    theirs = reverse("sharing:withdraw", args=[other.code, template.pk])
    assert client.post(theirs, {"confirm": "withdraw"}).status_code == 404
    client.logout()
    officer_login(client, people[Role.REVIEW_OFFICER])
    assert client.post(url, {}).status_code == 302  # not confirmed: nothing happens
    assert SharedTemplate.objects.get().withdrawn_at is None
    assert client.post(url, {"confirm": "withdraw"}).status_code == 302
    assert SharedTemplate.objects.get().withdrawn_at is not None
    assert client.get(reverse("shared-work:template", args=[template.pk])).status_code == 404


def test_a_clause_is_shared_and_started_from_by_another_council(client, officer_login):
    source = council(code="CLS", name="Clause Sharing Council")
    people = team(source)
    version = sharing.own_clause(source, people)
    officer_login(client, people[Role.LEGAL_OFFICER])
    clause_url = reverse("standards:clause", args=[source.code, version.key])
    url = reverse("sharing:clause-publish", args=[source.code, version.pk])
    assert url in client.get(clause_url).content.decode()
    response, html = _page(client, url, cpv_division="90")
    assert response.status_code == 400 and "Confirm that the clause holds no personal data" in html
    response = client.post(url, {"cpv_division": "90", "confirm": "on"})
    assert response.status_code == 302
    template = SharedTemplate.objects.get(kind="clause")
    other = council(code="CLT", name="Clause Taking Council")
    theirs = team(other)
    client.logout()
    officer_login(client, theirs[Role.LEGAL_OFFICER])
    clauses = client.get(reverse("standards:clauses", args=[other.code])).content.decode()
    reuse_url = reverse("sharing:clause-reuse", args=[other.code])
    assert reuse_url in clauses
    response = client.post(reuse_url, {"template": str(template.pk)})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'id="template-credit"' in page and "Clause Sharing Council" in page
    assert TemplateReuse.objects.get().authority == other


def test_the_decision_pack_credits_the_template_its_appraisal_started_from():
    _source, _people, template = sharing.shared_appraisal("PKS", title="Waste template")
    _authority, people, review, appraisal = sharing.reused(template, "PKU")
    officer, maker = builders.officer_of(people), people[Role.DECISION_MAKER]
    builders.run(appraisal, officer, draws=200)
    review.refresh_from_db()
    system = Actor.system("tests")
    review_submit(
        review=review, decision_maker=maker, version=review.version, on=TODAY, by=system, at=NOW
    )
    review.refresh_from_db()
    decision = decision_sign(
        review=review,
        signer=maker,
        outcome="INSOURCE_STATUTORY_PRESUMPTION",
        reason="",
        version=review.version,
        on=TODAY,
        by=Actor.for_user(maker),
        at=NOW,
    )
    html = pack_html(decision, publisher_name="Lee Legal", published_on=TODAY)
    assert 'id="template-credit"' in html and "Waste template" in html
    assert "PKS County Council" in html


@pytest.mark.parametrize(
    ("name", "capability_role", "denied_role"),
    [
        ("sharing:appraisal-publish", Role.REVIEW_OFFICER, Role.COUNCILLOR),
        ("sharing:appraisal-reuse", Role.REVIEW_OFFICER, Role.AUDITOR),
    ],
)
def test_roles_without_the_capability_are_refused(
    client, officer_login, name, capability_role, denied_role
):
    authority, people, review = builders.reviewed("ROL")
    url = reverse(name, args=[authority.code, review.pk])
    officer_login(client, people[denied_role])
    assert client.get(url).status_code == 403
    client.logout()
    officer_login(client, people[capability_role])
    assert client.get(url).status_code == 200


@FUZZ
@given(kind=st.one_of(HOSTILE_TEXT, st.text(max_size=20)))
def test_the_library_never_answers_500_to_a_query_string(client, kind):
    response = client.get(reverse("shared-work:library"), {"kind": _sendable(kind)})
    assert response.status_code == 200


@pytest.fixture
def reuse_setup(client, officer_login):
    authority, people, review = builders.reviewed("FUZ")
    officer_login(client, builders.officer_of(people))
    return client, reverse("sharing:appraisal-reuse", args=[authority.code, review.pk])


@FUZZ
@given(value=st.one_of(HOSTILE_TEXT, st.text(max_size=20), st.integers().map(str)))
def test_hostile_template_choices_are_refused_on_the_form(reuse_setup, value):
    client, url = reuse_setup
    response = client.post(url, {"template": _sendable(value)})
    assert response.status_code == 400
    assert not TemplateReuse.objects.exists()


@pytest.fixture
def publish_setup(client, officer_login):
    authority, people, review = builders.reviewed("FZT")
    builders.appraisal_with_sample(review, builders.officer_of(people))
    officer_login(client, builders.officer_of(people))
    return client, reverse("sharing:appraisal-publish", args=[authority.code, review.pk])


@FUZZ
@given(title=st.one_of(HOSTILE_TEXT, st.text(max_size=300)))
def test_hostile_forms_are_refused_never_500(publish_setup, title):
    client, url = publish_setup
    response = client.post(url, {"title": _sendable(title), "confirmed": ["x", "-1"]})
    assert response.status_code == 400


def test_the_public_pages_show_no_engine_code(client):
    from insource.testing.plain_words import codes_in
    from insource.testing.public_pages import visible_text

    _source, _people, template = sharing.shared_appraisal("PLN")
    for url in (
        reverse("shared-work:library"),
        reverse("shared-work:template", args=[template.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert codes_in(visible_text(response.content.decode())) == [], url

"""Officers' own hands on the register (issue 17): correcting a field of one of the authority's
contracts with a reason, from the contract page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from insource.authorities.models import Role
from insource.authorities.roles import CAPABILITIES, Capability
from insource.core.audit import Actor
from insource.core.models import AuditEvent
from insource.register.models import ContractEvent
from insource.register.services.corrections import contract_correct, contract_retire
from insource.testing.factories import (
    AuthorityFactory,
    ContractFactory,
    MembershipFactory,
    empty_register,
)

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(timezone.datetime(2026, 12, 7, 10, 30))


@pytest.fixture(autouse=True)
def _only_this_tests_rows(db):
    empty_register()


@pytest.fixture
def contract():
    return ContractFactory(end_on=date(2027, 3, 31))


def sign_in(client, officer_login, authority, role=Role.REVIEW_OFFICER):
    membership = MembershipFactory(authority=authority, role=role)
    officer_login(client, membership.user)
    return membership.user


def correct_url(contract, field="end_on", code=None):
    code = code or contract.reviewing_authority.code
    return reverse("register:contract-correct", args=[code, contract.pk, field])


def date_post(day="30", month="9", year="2028", reason="The signed contract runs to 2028"):
    return {"value_0": day, "value_1": month, "value_2": year, "reason": reason}


# The service --------------------------------------------------------------------------------


def test_service_types_and_checks_the_value(contract):
    actor = Actor.system("tests")
    contract_correct(
        contract=contract, field="end_on", value="2028-09-30", reason="x", by=actor, at=NOW
    )
    assert contract.end_on == date(2028, 9, 30)
    with pytest.raises(ValidationError) as error:
        contract_correct(
            contract=contract, field="end_on", value="2028-02-31", reason="x", by=actor, at=NOW
        )
    assert "end_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        contract_correct(
            contract=contract, field="nature", value="hats", reason="x", by=actor, at=NOW
        )
    assert "nature" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        contract_correct(
            contract=contract, field="end_on", value="2028-09-30", reason="  ", by=actor, at=NOW
        )
    assert error.value.message_dict == {"reason": ["Enter the reason for the correction"]}
    with pytest.raises(ValidationError):
        contract_correct(contract=contract, field="ocid", value="x", reason="x", by=actor, at=NOW)


# The pages ----------------------------------------------------------------------------------


def test_the_contract_page_offers_change_links_to_those_who_may_correct(
    client, officer_login, contract
):
    sign_in(client, officer_login, contract.reviewing_authority)
    page = client.get(reverse("register:contract-detail", args=[contract.pk]))
    assert correct_url(contract).encode() in page.content
    assert correct_url(contract, "title").encode() in page.content
    assert correct_url(contract, "ocid").encode() not in page.content


@pytest.mark.parametrize("role", [Role.COUNCILLOR, Role.AUDITOR, Role.DECISION_MAKER])
def test_roles_without_the_capability_see_no_link_and_are_refused(
    client, officer_login, contract, role
):
    assert role not in CAPABILITIES[Capability.EDIT_REGISTER]
    sign_in(client, officer_login, contract.reviewing_authority, role)
    page = client.get(reverse("register:contract-detail", args=[contract.pk]))
    assert page.status_code == 200
    assert correct_url(contract).encode() not in page.content
    assert client.get(correct_url(contract)).status_code == 403
    assert client.post(correct_url(contract), date_post()).status_code == 403
    contract.refresh_from_db()
    assert contract.end_on == date(2027, 3, 31)


def test_another_authoritys_contract_is_not_found(client, officer_login, contract):
    other = AuthorityFactory()
    sign_in(client, officer_login, other, Role.AUTHORITY_ADMIN)
    # Under the officer's own code, the other authority's contract does not exist.
    assert client.get(correct_url(contract, code=other.code)).status_code == 404
    assert client.post(correct_url(contract, code=other.code), date_post()).status_code == 404
    # Under the other authority's code, the officer is not a member.
    assert client.post(correct_url(contract), date_post()).status_code == 404
    contract.refresh_from_db()
    assert contract.end_on == date(2027, 3, 31)
    assert not contract.overrides


def test_a_field_that_cannot_be_corrected_is_not_found(client, officer_login, contract):
    sign_in(client, officer_login, contract.reviewing_authority)
    assert client.get(correct_url(contract, "ocid")).status_code == 404
    assert client.get(correct_url(contract, "nonsense")).status_code == 404


def test_correcting_the_end_date_shows_differs_from_source_with_who_when_why(
    client, officer_login, contract
):
    user = sign_in(client, officer_login, contract.reviewing_authority)
    form = client.get(correct_url(contract))
    assert form.status_code == 200
    assert b"Correct the" in form.content
    response = client.post(correct_url(contract), date_post())
    assert response.status_code == 302
    assert response.url.endswith(f"/register/contracts/{contract.pk}/#field-end_on")
    contract.refresh_from_db()
    assert contract.end_on == date(2028, 9, 30)
    assert contract.source_values["end_on"] == "2027-03-31"
    assert contract.overrides["end_on"]["reason"] == "The signed contract runs to 2028"

    page = client.get(reverse("register:contract-detail", args=[contract.pk]))
    row = next(r for r in page.context["rows"] if r.name == "end_on")
    assert row.differs and row.value == "30 September 2028"
    assert row.source_value == "31 March 2027"
    assert row.correction["reason"] == "The signed contract runs to 2028"
    assert row.correction["by"] == user.get_username()
    text = page.content.decode()
    assert "Differs from source" in text
    assert "Source value: 31 March 2027" in text
    assert "Reason: The signed contract runs to 2028" in text

    event = ContractEvent.objects.get(contract=contract, kind=ContractEvent.Kind.CORRECTED)
    assert event.changes == {"end_on": ["2027-03-31", "2028-09-30"]}
    assert event.reason == "The signed contract runs to 2028"
    audit = AuditEvent.objects.get(action="register.contract_correct")
    assert audit.actor_user == user
    assert audit.authority == contract.reviewing_authority
    assert audit.before == {"end_on": "2027-03-31"}
    assert audit.after == {"end_on": "2028-09-30"}


def test_every_error_at_once_and_the_form_keeps_what_was_typed(client, officer_login, contract):
    sign_in(client, officer_login, contract.reviewing_authority)
    response = client.post(correct_url(contract), date_post(day="31", month="2", reason=""))
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text
    assert "Enter a real date" in text
    assert "Enter the reason for the correction" in text
    assert 'value="31"' in text and 'value="2028"' in text
    assert "<title>Error:" in text
    contract.refresh_from_db()
    assert contract.end_on == date(2027, 3, 31)
    assert not ContractEvent.objects.filter(contract=contract).exists()
    assert not AuditEvent.objects.filter(action="register.contract_correct").exists()


def test_the_reason_typed_is_kept_when_the_value_is_wrong(client, officer_login, contract):
    sign_in(client, officer_login, contract.reviewing_authority, Role.CONTRACT_MANAGER)
    url = correct_url(contract, "value_inc_vat")
    response = client.post(url, {"value": "lots", "reason": "Invoice total"})
    assert response.status_code == 400
    assert "Enter an amount in pounds, like 125000" in response.content.decode()
    assert "Invoice total" in response.content.decode()
    response = client.post(url, {"value": "250000", "reason": "Invoice total"})
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.value_inc_vat == Decimal("250000")


@pytest.mark.parametrize(
    ("field", "data", "attribute", "expected"),
    [
        ("title", {"value": "Adult social care"}, "title", "Adult social care"),
        ("nature", {"value": "works"}, "nature", "works"),
        ("is_framework", {"value": "yes"}, "is_framework", True),
        ("description", {"value": ""}, "description", ""),
    ],
)
def test_each_kind_of_field_is_corrected(
    client, officer_login, contract, field, data, attribute, expected
):
    sign_in(client, officer_login, contract.reviewing_authority, Role.AUTHORITY_ADMIN)
    assert client.get(correct_url(contract, field)).status_code == 200
    response = client.post(correct_url(contract, field), {**data, "reason": "Checked"})
    assert response.status_code == 302
    contract.refresh_from_db()
    assert getattr(contract, attribute) == expected
    assert field in contract.overrides


def test_a_missing_choice_reads_as_govuk_asks(client, officer_login, contract):
    sign_in(client, officer_login, contract.reviewing_authority)
    response = client.post(correct_url(contract, "is_framework"), {"reason": "Checked"})
    assert response.status_code == 400
    assert "Select yes or no" in response.content.decode()


# Retiring a duplicate ---------------------------------------------------------------------


def retire_url(contract, code=None):
    code = code or contract.reviewing_authority.code
    return reverse("register:contract-retire", args=[code, contract.pk])


@pytest.fixture
def twin(contract):
    return ContractFactory(
        buyer=contract.buyer, reviewing_authority=contract.reviewing_authority, title="Twin"
    )


def test_service_refuses_what_is_not_a_duplicate(contract, twin):
    actor = Actor.system("tests")
    elsewhere = ContractFactory()
    for other, message in [
        (contract, "Choose another contract: a contract cannot duplicate itself"),
        (elsewhere, "Choose a contract of the same authority"),
    ]:
        with pytest.raises(ValidationError) as error:
            contract_retire(contract=contract, duplicate_of=other, reason="x", by=actor, at=NOW)
        assert error.value.message_dict == {"duplicate_of": [message]}
    with pytest.raises(ValidationError) as error:
        contract_retire(contract=contract, duplicate_of=twin, reason=" ", by=actor, at=NOW)
    assert error.value.message_dict == {"reason": ["Enter the reason for retiring the contract"]}
    contract_retire(contract=contract, duplicate_of=twin, reason="x", by=actor, at=NOW)
    with pytest.raises(ValidationError):
        contract_retire(contract=contract, duplicate_of=twin, reason="x", by=actor, at=NOW)
    with pytest.raises(ValidationError) as error:
        contract_retire(contract=twin, duplicate_of=contract, reason="x", by=actor, at=NOW)
    assert "itself retired" in error.value.message_dict["duplicate_of"][0]


def test_retiring_a_duplicate_takes_it_out_of_the_lists_and_keeps_its_page(
    client, officer_login, contract, twin
):
    from insource.api.selectors import contracts_public
    from insource.register.exporters.queries import contracts_for_export
    from insource.register.selectors.contracts import contract_list
    from insource.register.selectors.pipeline import contracts_expiring

    user = sign_in(client, officer_login, contract.reviewing_authority)
    page = client.get(reverse("register:contract-detail", args=[contract.pk]))
    assert retire_url(contract).encode() in page.content
    assert client.get(retire_url(contract)).status_code == 200

    empty = client.post(retire_url(contract), {"duplicate_of": "", "reason": ""})
    assert empty.status_code == 400
    text = empty.content.decode()
    assert "Enter the contract it duplicates" in text
    assert "Enter the reason for retiring the contract" in text
    unknown = client.post(retire_url(contract), {"duplicate_of": "99999999", "reason": "Twice"})
    assert "No contract of this authority has that number or ID" in unknown.content.decode()
    assert 'value="99999999"' in unknown.content.decode() and "Twice" in unknown.content.decode()

    response = client.post(retire_url(contract), {"duplicate_of": twin.ocid, "reason": "Twice"})
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.duplicate_of == twin
    for listed in (
        contract_list(),
        contracts_expiring(on=date(2026, 12, 1), within_months=36),
        contracts_public(),
        contracts_for_export(),
    ):
        assert contract not in list(listed)
        assert twin in list(listed)
    page = client.get(reverse("register:contract-detail", args=[contract.pk]))
    assert b"Retired as a duplicate of" in page.content
    assert retire_url(contract).encode() not in page.content
    event = ContractEvent.objects.get(contract=contract, kind=ContractEvent.Kind.RETIRED)
    assert event.reason == "Twice" and event.by == user.get_username()
    audit = AuditEvent.objects.get(action="register.contract_retire")
    assert audit.actor_user == user and audit.after["duplicate_of"] == twin.pk


def test_retiring_is_refused_to_other_roles_and_authorities(client, officer_login, contract, twin):
    sign_in(client, officer_login, contract.reviewing_authority, Role.COUNCILLOR)
    data = {"duplicate_of": str(twin.pk), "reason": "Twice"}
    assert client.get(retire_url(contract)).status_code == 403
    assert client.post(retire_url(contract), data).status_code == 403
    other = AuthorityFactory()
    sign_in(client, officer_login, other, Role.AUTHORITY_ADMIN)
    assert client.post(retire_url(contract, code=other.code), data).status_code == 404
    assert client.post(retire_url(contract), data).status_code == 404
    contract.refresh_from_db()
    assert contract.duplicate_of is None


# Adding a contract by hand ----------------------------------------------------------------


def add_data(**changes):
    data = {
        "title": "Grounds maintenance of the civic centre",
        "supplier_name": "Green Spaces Ltd",
        "supplier_scheme": "GB-COH",
        "supplier_identifier": "01234567",
        "value_amount": "250000",
        "value_includes_vat": "no",
        "start_on_0": "1",
        "start_on_1": "4",
        "start_on_2": "2025",
        "end_on_0": "31",
        "end_on_1": "3",
        "end_on_2": "2027",
        "main_cpv": "77314000",
        "nature": "services",
        "is_framework": "no",
        "document_url": "https://www.example.gov.uk/contracts/grounds.pdf",
    }
    return {**data, **changes}


def test_officer_adds_a_contract_through_the_check_page(client, officer_login, settings):
    from insource.register.selectors.contracts import contract_list
    from insource.register.selectors.pipeline import contracts_expiring

    settings.INSOURCE_OCID_PREFIX = "ocds-zz9test"
    authority = AuthorityFactory()
    user = sign_in(client, officer_login, authority)
    listing = client.get(reverse("register:contract-list"))
    add = reverse("register:contract-add", args=[authority.code])
    assert add.encode() in listing.content
    assert client.get(add).status_code == 200
    response = client.post(add, add_data())
    check = reverse("register:contract-add-check", args=[authority.code])
    assert response.status_code == 302 and response.url == check
    page = client.get(check)
    text = page.content.decode()
    assert "Check your answers before adding the contract" in text
    assert "77314000 Grounds maintenance services" in text
    assert "Green Spaces Ltd" in text and "£250,000.00" in text
    # Change: the form comes back with the answers.
    again = client.get(add).content.decode()
    assert 'value="Green Spaces Ltd"' in again and 'value="2027"' in again

    response = client.post(check)
    assert response.status_code == 302
    contract = contract_list().get(title="Grounds maintenance of the civic centre")
    assert response.url == reverse("register:contract-detail", args=[contract.pk])
    assert contract.ocid == f"ocds-zz9test-hand-{contract.pk}"
    assert contract.buyer == authority and contract.reviewing_authority == authority
    assert contract.value_vat_basis == "exc" and contract.value_inc_vat == Decimal("300000.00")
    assert contract.is_value_inc_vat_estimate
    assert contract.nature == "services" and contract.main_cpv == "77314000"
    assert contract.suppliers.get().company_number == "01234567"
    assert contract.provenance["*"]["document"].endswith("grounds.pdf")
    assert contract in contracts_expiring(on=date(2026, 12, 1), within_months=6)
    event = contract.events.get()
    assert event.kind == ContractEvent.Kind.ADDED and event.by == user.get_username()
    audit = AuditEvent.objects.get(action="register.contract_add")
    assert audit.actor_user == user and audit.after["ocid"] == contract.ocid
    # The answers are gone: the check page sends the officer back to the form.
    assert client.get(check).url == add


def test_adding_shows_every_error_at_once_and_keeps_the_answers(client, officer_login):
    authority = AuthorityFactory()
    sign_in(client, officer_login, authority)
    add = reverse("register:contract-add", args=[authority.code])
    response = client.post(
        add,
        add_data(
            title="",
            start_on_0="31",
            start_on_1="2",
            main_cpv="12345678",
            supplier_name="Kept Ltd",
            nature="",
        ),
    )
    assert response.status_code == 400
    text = response.content.decode()
    for message in (
        "Enter the contract&#x27;s title",
        "Enter a real date",
        "Select whether the contract buys services, goods or works",
    ):
        assert message in text
    assert 'value="Kept Ltd"' in text
    response = client.post(add, add_data(end_on_2="2024"))
    assert "The end date must be the same as or after the start date" in response.content.decode()
    response = client.post(add, add_data(main_cpv="12345678"))
    assert "Enter a CPV code of 8 digits from CPV 2008" in response.content.decode()


def test_adding_is_refused_to_other_roles_and_authorities(client, officer_login):
    authority = AuthorityFactory()
    sign_in(client, officer_login, authority, Role.AUDITOR)
    add = reverse("register:contract-add", args=[authority.code])
    assert client.get(add).status_code == 403
    assert client.post(add, add_data()).status_code == 403
    assert add.encode() not in client.get(reverse("register:contract-list")).content
    sign_in(client, officer_login, AuthorityFactory(), Role.AUTHORITY_ADMIN)
    assert client.post(add, add_data()).status_code == 404

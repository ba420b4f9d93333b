"""Factories for the rows tests build directly: people, authorities and memberships (roles),
import runs, suppliers, contracts, their history and planned procurements.

Rows that a service makes (a review, a decision, an appraisal, a transition plan, an in-house
service, an information request) have their factories beside the builders of their area
(`workflow`, `appraisal`, `transition`, `inhouse`, `information_requests`): those factories call
the service, so a test never holds a row the product could not have made."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.db import connection

from insource.authorities.models import Authority, AuthorityKind, Membership, Role
from insource.register import text_search
from insource.register.models import (
    Contract,
    ContractEvent,
    ImportRun,
    PlannedProcurement,
    Supplier,
)
from insource.reviews.models import Screening

PASSWORD = "correct horse battery"


def empty_register() -> None:
    """Remove every contract, its screenings and history and every planned procurement, in five
    statements (an officer's correction screens the contract again), and the text search's
    index in one.

    For tests that run inside a transaction that is rolled back (plain `db` tests): the real
    register a session fixture may have loaded comes back afterwards, and the test sees only
    the rows it makes. Foreign keys are deferred, so nothing is checked before the rollback.
    """
    tables = [
        Screening._meta.db_table,
        ContractEvent._meta.db_table,
        Contract.suppliers.through._meta.db_table,
        Contract._meta.db_table,
        PlannedProcurement._meta.db_table,
    ]
    with connection.cursor() as cursor:
        emptied = text_search.empty_index(cursor)
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608
        if emptied:
            text_search.restore_delete_trigger(cursor)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"officer{n}")
    password = factory.django.Password(PASSWORD)


class AuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authority
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"la:T{n:03d}")
    code = factory.Sequence(lambda n: f"T{n:03d}")
    name = factory.Sequence(lambda n: f"Testshire Council {n}")
    kind = AuthorityKind.LOCAL_AUTHORITY
    nation = "England"


class MembershipFactory(factory.django.DjangoModelFactory):
    """A person's role for one authority (officers reach its reviews only through one)."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    authority = factory.SubFactory(AuthorityFactory)
    role = Role.REVIEW_OFFICER


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRun

    started_at = factory.LazyFunction(lambda: datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    finished_at = factory.LazyFunction(lambda: datetime(2026, 1, 5, 9, 1, tzinfo=UTC))
    source = "contracts-finder-flattened/awards.csv"
    source_sha256 = "0" * 64
    format = "flattened"
    status = ImportRun.Status.SUCCEEDED
    by = "system:importer"


class SupplierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Supplier
        django_get_or_create = ("key",)

    name = factory.Sequence(lambda n: f"Supplier {n} Ltd")
    key = factory.LazyAttribute(lambda o: f"name:{o.name.lower()}")


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract
        skip_postgeneration_save = True

    source_key = factory.Sequence(lambda n: f"ocds-test-{n}/award-1")
    ocid = factory.Sequence(lambda n: f"ocds-test-{n}")
    award_id = "award-1"
    buyer = factory.SubFactory(AuthorityFactory)
    reviewing_authority = factory.SelfAttribute("buyer")
    buyer_name = factory.LazyAttribute(lambda o: o.buyer.name)
    title = factory.Sequence(lambda n: f"Contract {n}")
    cpv_codes = factory.LazyAttribute(lambda o: [o.main_cpv] if o.main_cpv else [])
    main_cpv = "90000000"
    nature = "services"
    value_amount = Decimal("100000.00")
    value_currency = "GBP"
    value_vat_basis = "inc"
    value_inc_vat = factory.LazyAttribute(lambda o: o.value_amount)
    start_on = date(2024, 4, 1)
    end_on = date(2027, 3, 31)
    status = "active"
    content_hash = "x"

    @factory.post_generation
    def suppliers(obj, create, extracted, **kwargs):  # noqa: N805 (factory-boy hook)
        if create and extracted:
            obj.suppliers.set(extracted)
            obj.supplier_names = "; ".join(s.name for s in extracted)
            obj.save(update_fields=["supplier_names"])


class ContractEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContractEvent

    contract = factory.SubFactory(ContractFactory)
    kind = ContractEvent.Kind.IMPORTED
    at = factory.LazyFunction(lambda: datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    changes = factory.LazyFunction(dict)
    by = "system:importer"


class PlannedProcurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedProcurement

    ocid = factory.Sequence(lambda n: f"ocds-planned-{n}")
    buyer = factory.SubFactory(AuthorityFactory)
    buyer_name = factory.LazyAttribute(lambda o: o.buyer.name)
    title = factory.Sequence(lambda n: f"Planned procurement {n}")
    stage = "tender"
    start_on = date(2027, 6, 1)
    content_hash = "x"

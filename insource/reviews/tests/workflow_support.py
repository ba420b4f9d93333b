"""Builders for review-workflow tests: an adopting council, its people by role, a contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from conftest import TEST_NOW, TEST_TODAY
from insource.authorities.models import Membership, Role
from insource.register.tests.factories import AuthorityFactory, ContractFactory, UserFactory

ADOPTED_ON = date(2026, 4, 1)


def council(**kwargs):
    """A county council that adopted labour-2019-local on 1 April 2026."""
    fields = {
        "policy_preset": "labour-2019-local",
        "policy_adopted_on": ADOPTED_ON,
        "kind": "local-authority",
        "nation": "England",
    }
    return AuthorityFactory(**(fields | kwargs))


def person(authority, *roles, username=None, **kwargs):
    user = UserFactory(
        **({"username": username} if username else {}),
        email=f"{username or 'someone'}@example.org",
        **kwargs,
    )
    for role in roles:
        Membership.objects.create(user=user, authority=authority, role=role)
    return user


def team(authority) -> dict:
    """One person for every role of the authority, keyed by role."""
    return {
        role: person(authority, role, username=f"{authority.code.lower()}-{role}") for role in Role
    }


def refuse_contract(authority, **kwargs):
    """A refuse collection contract ending within the lead time."""
    fields = {
        "title": "Refuse and recycling collection",
        "main_cpv": "90511000",
        "value_amount": Decimal("12000000.00"),
        "start_on": date(2020, 4, 1),
        "end_on": date(2027, 9, 30),
        "max_end_on": date(2027, 9, 30),
    }
    return ContractFactory(buyer=authority, **(fields | kwargs))


NOW, TODAY = TEST_NOW, TEST_TODAY

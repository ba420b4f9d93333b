"""The officer's queue: data-quality checks and buyer names to confirm, on the real register.

Confirming a buyer name moves contracts between authorities, so only an administrator of every
authority involved (or a site administrator) may do it; everyone else is refused and nothing
moves."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from insource.authorities.models import AuthorityKind, BuyerName, Membership, Role
from insource.authorities.selectors import authority_get
from insource.core.models import AuditEvent
from insource.register.models import Contract

pytestmark = pytest.mark.django_db
User = get_user_model()


def _signed_in(client, officer_login, username, *memberships, superuser=False):
    user = User.objects.create_user(username, password="x-long-password-1")
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    for authority, role in memberships:
        Membership.objects.create(user=user, authority=authority, role=role)
    officer_login(client, user)
    return client


def _weak_name():
    """A name waiting for confirmation whose contracts sit with an unadministered buyer."""
    return BuyerName.objects.filter(
        needs_confirmation=True,
        candidate__isnull=False,
        authority__kind=AuthorityKind.OTHER,
    ).first()


def _placement(name):
    return sorted(
        Contract.objects.filter(buyer_name=name.name).values_list(
            "pk", "buyer_id", "reviewing_authority_id"
        )
    )


@pytest.fixture
def officer_client(client, officer_login):
    return _signed_in(client, officer_login, "queue-officer")


def test_queue_counts_and_register_filter(real_register, officer_client):
    page = officer_client.get(reverse("register:queue"))
    assert page.status_code == 200
    counts = {code: n for code, _, n in page.context["flags"]}
    assert counts["NO_VALUE"] == Contract.objects.filter(value_amount__isnull=True).count() > 0
    listed = officer_client.get(reverse("register:contract-list"), {"flag": "NO_VALUE"})
    assert listed.status_code == 200
    assert listed.context["page_obj"].paginator.count == counts["NO_VALUE"]


def test_an_administrator_of_the_target_confirms_and_the_move_is_audited(
    real_register, client, officer_login
):
    name = _weak_name()
    assert name is not None and Contract.objects.filter(buyer_name=name.name).exists()
    admin = _signed_in(
        client, officer_login, "target-admin", (name.candidate, Role.AUTHORITY_ADMIN)
    )
    assert name in admin.get(reverse("register:queue")).context["buyer_names"]
    url = reverse("authorities:buyer-name-confirm", args=[name.pk])
    response = admin.post(url, {"authority": name.candidate.code}, follow=True)
    assert response.status_code == 200
    assert "contracts moved" in response.content.decode()
    moved = Contract.objects.filter(buyer_name=name.name)
    assert all(c.buyer_id == name.candidate_id for c in moved)
    event = AuditEvent.objects.get(action="authorities.buyer_name_confirm", object_id=name.pk)
    assert event.actor_label == "target-admin"
    assert event.after == {
        "authority": name.candidate_id,
        "to": name.candidate.key,
        "contracts": moved.count(),
    }
    assert event.before["held_by"] == []  # the unmatched buyer belongs to nobody


@pytest.mark.parametrize(
    "who",
    ["no-membership", "councillor-of-target", "officer-of-target", "admin-of-another"],
)
def test_everyone_else_is_refused_and_nothing_moves(real_register, client, officer_login, who):
    name = _weak_name()
    other = authority_get("BST") if name.candidate.code != "BST" else authority_get("MAN")
    memberships = {
        "no-membership": [],
        "councillor-of-target": [(name.candidate, Role.COUNCILLOR)],
        "officer-of-target": [(name.candidate, Role.REVIEW_OFFICER)],
        "admin-of-another": [(other, Role.AUTHORITY_ADMIN)],
    }[who]
    signed_in = _signed_in(client, officer_login, f"refused-{who}", *memberships)
    before = _placement(name)
    queue = signed_in.get(reverse("register:queue")).context["buyer_names"]
    url = reverse("authorities:buyer-name-confirm", args=[name.pk])
    assert signed_in.post(url, {"authority": name.candidate.code}).status_code == 403
    if who != "admin-of-another":
        assert queue == []  # nothing to act on, so nothing offered
        assert signed_in.post(url, {"authority": other.code}).status_code == 403
    assert _placement(name) == before
    assert not AuditEvent.objects.filter(action="authorities.buyer_name_confirm").exists()


def test_contracts_held_by_a_council_need_its_administrator_too(
    real_register, client, officer_login
):
    """A name that points at one council cannot be moved by an administrator of another."""
    name = BuyerName.objects.filter(authority__kind=AuthorityKind.LOCAL_AUTHORITY).first()
    target = authority_get("BST") if name.authority.code != "BST" else authority_get("MAN")
    url = reverse("authorities:buyer-name-confirm", args=[name.pk])
    before = _placement(name)
    only_target = _signed_in(client, officer_login, "only-target", (target, Role.AUTHORITY_ADMIN))
    assert only_target.post(url, {"authority": target.code}).status_code == 403
    assert _placement(name) == before
    both = _signed_in(
        client,
        officer_login,
        "both-admin",
        (target, Role.AUTHORITY_ADMIN),
        (name.authority, Role.AUTHORITY_ADMIN),
    )
    assert both.post(url, {"authority": target.code}).status_code == 302
    event = AuditEvent.objects.get(action="authorities.buyer_name_confirm", object_id=name.pk)
    assert name.authority.key in event.before["held_by"] and event.after["to"] == target.key


def test_a_site_administrator_may_confirm(real_register, client, officer_login):
    name = _weak_name()
    site_admin = _signed_in(client, officer_login, "site-admin", superuser=True)
    assert name in site_admin.get(reverse("register:queue")).context["buyer_names"]
    url = reverse("authorities:buyer-name-confirm", args=[name.pk])
    assert site_admin.post(url, {"authority": name.candidate.code}).status_code == 302
    assert all(
        c.buyer_id == name.candidate_id for c in Contract.objects.filter(buyer_name=name.name)
    )


def test_confirm_needs_post_login_and_an_authority(real_register, client, officer_client):
    name = BuyerName.objects.filter(needs_confirmation=True).first()
    url = reverse("authorities:buyer-name-confirm", args=[name.pk])
    assert client.post(url).status_code == 302  # to sign in
    assert officer_client.get(url).status_code == 405
    response = officer_client.post(url, {"authority": "nowhere"}, follow=True)
    assert "Select the authority" in response.content.decode()


def test_every_unconfirmed_name_waits_most_contracts_first_with_suggestions(
    real_register, client, officer_login
):
    """Issue 17: a name no rule recognises waits too, the queue is sorted by contracts waiting,
    and each name carries its best suggestions (at most three, with scores and why)."""
    site_admin = _signed_in(client, officer_login, "site-admin-17", superuser=True)
    page = site_admin.get(reverse("register:queue"))
    queue = page.context["buyer_names"]
    waiting = [n.num_waiting for n in queue]
    assert waiting == sorted(waiting, reverse=True) and waiting[0] > 1
    for name in queue:
        assert name.num_waiting == Contract.objects.filter(buyer_name=name.name).count()
    unknown = BuyerName.objects.get(name="Leidos Supply")  # no rule recognises it
    assert unknown.needs_confirmation and unknown in queue
    stockton = BuyerName.objects.get(name="Stockton Borough Council")
    assert stockton.suggestions[0]["code"] == "STT" and len(stockton.suggestions) <= 3
    assert all(s["why"] and 0 < s["score"] <= 100 for s in stockton.suggestions)
    assert "Contracts waiting" in page.content.decode()

"""The officer's queue: data-quality checks and buyer names to confirm, on the real register."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from insource.authorities.models import BuyerName
from insource.register.models import Contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, officer_login):
    user = get_user_model().objects.create_user("queue-officer", password="x-long-password-1")
    officer_login(client, user)
    return client


def test_queue_counts_and_register_filter(real_register, officer_client):
    page = officer_client.get(reverse("register:queue"))
    assert page.status_code == 200
    counts = {code: n for code, _, n in page.context["flags"]}
    assert counts["NO_VALUE"] == Contract.objects.filter(value_amount__isnull=True).count() > 0
    listed = officer_client.get(reverse("register:contract-list"), {"flag": "NO_VALUE"})
    assert listed.status_code == 200
    assert listed.context["page_obj"].paginator.count == counts["NO_VALUE"]


def test_confirming_a_buyer_name_moves_its_contracts(real_register, officer_client):
    name = BuyerName.objects.filter(needs_confirmation=True, candidate__isnull=False).first()
    assert name is not None
    url = reverse("authorities:buyer-name-confirm", args=[name.pk])
    response = officer_client.post(url, {"authority": name.candidate.code}, follow=True)
    assert response.status_code == 200
    assert "contracts moved" in response.content.decode()
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

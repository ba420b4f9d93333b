"""Setting up an authenticator at first sign-in, and the device services."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from insource.accounts.services import otp_current_code, otp_device_ensure
from insource.accounts.views import ENROL_KEY
from insource.core.models import AuditEvent
from insource.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ENROL = reverse("otp-enrol")
KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test key


@pytest.fixture
def newcomer(client):
    user = UserFactory(username="newcomer")
    client.post(reverse("login"), {"username": "newcomer", "password": PASSWORD})
    return user


def pending_code(client) -> str:
    client.get(ENROL)
    return otp_current_code(TOTPDevice(key=client.session[ENROL_KEY]))


def test_without_a_device_the_code_page_sends_to_set_up(client, newcomer):
    response = client.get(reverse("otp-verify") + "?next=/register/")
    assert response.status_code == 302
    assert response.url == f"{ENROL}?next=%2Fregister%2F"


def test_set_up_shows_the_secret_and_a_qr_code_drawn_here(client, newcomer):
    page = client.get(ENROL).content.decode()
    assert '<svg role="img"' in page and "<title>QR code to scan" in page
    secret = page.split('<code id="otp-secret">')[1].split("</code>")[0]
    assert len(secret.replace(" ", "")) == 32 and secret[4] == " "
    assert client.get(ENROL).content.decode().count(secret) == 1  # same key until confirmed


def test_set_up_confirms_with_a_code(client, newcomer):
    wrong = client.post(ENROL, {"code": "12345x"})
    assert b"Enter the code as 6 digits" in wrong.content
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    done = client.post(ENROL, {"code": pending_code(client), "next": "/register/pipeline/"})
    assert done.status_code == 302 and urlparse(done.url).path == "/register/pipeline/"
    device = TOTPDevice.objects.get(user=newcomer)
    assert device.confirmed and device.name == "authenticator"
    assert client.get(reverse("register:contract-list")).status_code == 200
    assert client.get(ENROL).status_code == 302  # no second device
    event = AuditEvent.objects.get(action="accounts.otp_device_ensure")
    assert event.actor_label == "newcomer" and device.key not in str(event.after)


def test_a_wrong_code_does_not_confirm(client, newcomer):
    code = pending_code(client)
    wrong = client.post(ENROL, {"code": f"{(int(code) + 1) % 1_000_000:06d}"})
    assert wrong.status_code == 200 and b"The code is not correct" in wrong.content
    assert not TOTPDevice.objects.filter(user=newcomer).exists()


def test_device_ensure_is_idempotent(system_actor):
    user = UserFactory()
    first = otp_device_ensure(user=user, key_hex=KEY, by=system_actor, at=timezone.now())
    again = otp_device_ensure(user=user, key_hex=KEY.upper(), by=system_actor, at=timezone.now())
    assert first.pk == again.pk and again.key == KEY
    assert otp_device_ensure(user=user, by=system_actor, at=timezone.now()).pk == first.pk
    assert AuditEvent.objects.filter(action="accounts.otp_device_ensure").count() == 1


def test_device_ensure_replaces_a_different_key(system_actor):
    user = UserFactory()
    first = otp_device_ensure(user=user, by=system_actor, at=timezone.now())
    second = otp_device_ensure(user=user, key_hex=KEY, by=system_actor, at=timezone.now())
    assert second.pk == first.pk and second.key == KEY
    assert TOTPDevice.objects.filter(user=user).count() == 1
    assert AuditEvent.objects.filter(action="accounts.otp_device_ensure").count() == 2


def test_current_code_verifies_once(system_actor):
    device = otp_device_ensure(user=UserFactory(), by=system_actor, at=timezone.now())
    code = otp_current_code(device)
    assert len(code) == 6 and device.verify_token(code)
    assert otp_current_code(device) != code  # the next step's code, as the last one is spent
    assert device.verify_token(otp_current_code(device))
    assert not device.verify_token(code)

"""Signing in on a test client as an officer who has passed two-factor."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from insource.accounts.services import otp_device_ensure
from insource.core.audit import Actor
from insource.testing import TEST_NOW


def officer_login(client, user) -> TOTPDevice:
    """Sign `user` in on `client` and mark the session as verified by their authenticator
    (a confirmed TOTP device is made if they have none). Returns the device."""
    device = otp_device_ensure(user=user, by=Actor.system("tests"), at=TEST_NOW)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device

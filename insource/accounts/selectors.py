"""Reads for sign-in: an officer's authenticator, what to show when setting one up, and the
demonstration hint."""

from __future__ import annotations

from base64 import b32encode
from binascii import unhexlify
from dataclasses import dataclass

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from insource.accounts.services import otp_current_code


@dataclass(frozen=True)
class Enrolment:
    """What an officer needs to add Insource to an authenticator app."""

    secret: str
    qr_svg: SafeString


def otp_device_for(user) -> TOTPDevice | None:
    """The officer's confirmed authenticator device, if they have set one up."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def otp_enrolment(user, key_hex: str) -> Enrolment:
    """The secret as text in groups of four, and the setup link as a QR code (inline SVG,
    drawn here: nothing is fetched)."""
    secret = b32encode(unhexlify(key_hex)).decode().rstrip("=")
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    uri = TOTPDevice(user=user, key=key_hex).config_url
    svg = segno.make(uri, error="m").svg_inline(
        scale=4, title=_("QR code to scan with your authenticator app"), svgclass="app-qr"
    )
    return Enrolment(secret=grouped, qr_svg=mark_safe(svg.replace("<svg ", '<svg role="img" ', 1)))


def is_demo_account(user) -> bool:
    """Demonstration accounts: usernames starting `demo-`, or listed in INSOURCE_DEMO_USERS."""
    username = user.get_username()
    return username.startswith("demo-") or username in settings.INSOURCE_DEMO_USERS


def demo_code_for(user, device: TOTPDevice | None) -> str | None:
    """The code to print for a demonstration account, when INSOURCE_DEMO_OTP_HINTS is on.

    Never in production: settings refuse the flag there, and this checks again."""
    if not settings.INSOURCE_DEMO_OTP_HINTS or settings.IS_PRODUCTION:
        return None
    if device is None or not is_demo_account(user):
        return None
    return otp_current_code(device)

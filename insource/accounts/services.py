"""Officer authenticator (TOTP) devices: give one, check codes against it, show its code.

Every write is audited; audit events name the device and never hold its secret key.
"""

from __future__ import annotations

import enum
import time
from binascii import unhexlify
from datetime import datetime, timedelta

import django_otp
from django.conf import settings
from django.db import transaction
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import hex_validator

from insource.core.audit import Actor, audit_record

DEVICE_NAME = "authenticator"


class CodeResult(enum.Enum):
    """What checking an authenticator code found."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    TOO_MANY = "too_many"


def otp_device_ensure(*, user, key_hex: str | None = None, by: Actor, at: datetime) -> TOTPDevice:
    """Give `user` one confirmed TOTP device named "authenticator", with `key_hex` if given.

    Idempotent: a second call with the same arguments changes nothing and records nothing.
    A different `key_hex` replaces the key (the old authenticator app stops working).
    """
    if key_hex is not None:
        key_hex = key_hex.lower()
        hex_validator()(key_hex)
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=user, name=DEVICE_NAME).first()
        if device is not None and device.confirmed and key_hex in (None, device.key):
            return device
        return _device_save(user=user, device=device, key_hex=key_hex, by=by, at=at)


def _device_save(*, user, device, key_hex, by, at) -> TOTPDevice:
    before = _device_state(device)
    device = device or TOTPDevice(user=user, name=DEVICE_NAME)
    if key_hex is not None and key_hex != device.key:
        device.key, device.drift, device.last_t = key_hex, 0, -1
    device.confirmed = True
    device.save()
    audit_record(
        by=by,
        at=at,
        action="accounts.otp_device_ensure",
        obj=device,
        before=before,
        after=_device_state(device),
    )
    return device


def _device_state(device: TOTPDevice | None) -> dict | None:
    if device is None:
        return None
    return {"user": device.user.get_username(), "name": device.name, "confirmed": device.confirmed}


def otp_key_accepts(key_hex: str, code: str) -> bool:
    """Whether `code` is a current code for the hex key (one step either side allowed)."""
    return code.isdigit() and TOTP(unhexlify(key_hex)).verify(int(code), tolerance=1)


def otp_device_enrol(*, user, key_hex: str, code: str, by: Actor, at: datetime):
    """Confirm the authenticator app a user set up with `key_hex`: returns the new device,
    or None when `code` is not a current code for that key. Refuses to replace a device."""
    if not otp_key_accepts(key_hex, code):
        return None
    with transaction.atomic():
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            raise ValueError(f"{user.get_username()} already has an authenticator")
        device = otp_device_ensure(user=user, key_hex=key_hex, by=by, at=at)
        device.verify_token(code)  # spends the code: it cannot be used again
    return device


def otp_verify(*, device: TOTPDevice, code: str, at: datetime) -> CodeResult:
    """Check an authenticator code against the officer's device; each code works once.

    A mistyped code costs nothing but the attempt: `INSOURCE_CODE_ATTEMPTS` wrong codes in a
    row (counted on the device by django-otp, whose own doubling wait is off) mean a wait of
    `INSOURCE_CODE_LOCKOUT_MINUTES` from the last one; the right code resets the count.
    """
    if code_attempts_exhausted(device, at=at):
        return CodeResult.TOO_MANY
    verified = django_otp.verify_token(device.user, device.persistent_id, code)
    return CodeResult.ACCEPTED if verified else CodeResult.WRONG


def code_attempts_exhausted(device: TOTPDevice, *, at: datetime) -> bool:
    """Whether the device has had too many wrong codes in a row to try another before `at`."""
    last = device.throttling_failure_timestamp
    if device.throttling_failure_count < settings.INSOURCE_CODE_ATTEMPTS or last is None:
        return False
    return at < last + timedelta(minutes=settings.INSOURCE_CODE_LOCKOUT_MINUTES)


def otp_current_code(device: TOTPDevice) -> str:
    """The code the device's authenticator app shows now, as 6 digits (or the next one, when
    the current one was already used). For the demonstration hint and for tests only."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    now = totp.t()
    step = min(max(now, device.last_t + 1), now + device.tolerance)
    return f"{hotp(device.bin_key, step, digits=device.digits):0{device.digits}d}"

"""What the referral pages show, ready for the templates (no queries of their own)."""

from __future__ import annotations

from datetime import date

from insource.legal.clock import referral_late

TAGS = {"referred": "blue", "accepted": "purple", "advised": "green", "closed": "grey"}


def row(referral, on: date) -> dict:
    """One referral as the lists show it: its status tag and whether it is late."""
    return {
        "referral": referral,
        "colour": TAGS.get(referral.status, "grey"),
        "is_late": referral_late(referral, on),
    }


def rows(referrals, on: date) -> list[dict]:
    return [row(r, on) for r in referrals]

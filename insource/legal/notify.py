"""Emails about legal support referrals, after commit (a failure is logged and undoes nothing):
a new referral to the authority's legal support team; the advice to the referring officer.
In Welsh and English for an authority in Wales (ADR 0035), through the reviews' sender."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from insource.authorities.models import Role
from insource.authorities.selectors import members_with_role
from insource.reviews.notify import _send


def _link(referral) -> str:
    path = reverse("legal:referral", kwargs={"code": referral.authority.code, "pk": referral.pk})
    return settings.INSOURCE_BASE_URL.rstrip("/") + path


def referral_made(referral) -> int:
    """Tell every legal support member of the authority; the number of emails sent."""
    context = {"referral": referral, "link": _link(referral)}

    def subject():
        return _("A legal support referral from %(name)s") % {"name": referral.authority.name}

    team = members_with_role(referral.authority, Role.LEGAL_SUPPORT)
    return sum(
        _send(u, subject, "legal/email/referred.txt", context, authority=referral.authority)
        for u in team
    )


def referral_advised(referral) -> int:
    """Tell the officer who referred the matter that advice is recorded."""
    context = {"referral": referral, "link": _link(referral)}

    def subject():
        return _("Legal support has advised on your referral")

    sent = _send(
        referral.referred_by,
        subject,
        "legal/email/advised.txt",
        context,
        authority=referral.authority,
    )
    return int(sent)

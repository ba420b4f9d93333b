"""Moderating a public comment (ADR 0036): an officer publishes it or withholds it with a
recorded reason (personal data, offensive…), and may record its stance and theme for the
decision-maker's summary. Only confirmed comments are moderated; nothing changes once the
decision is signed. Atomic and audited; the audit keeps the reason, never the commenter."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from insource.core.audit import Actor, audit_record
from insource.reviews.models import Moderation, PublicComment, Stance, WithheldReason

THEME_LIMIT, NOTE_LIMIT = 100, 2_000


class ModerationInvalid(Exception):
    """Fields to correct: `errors` maps a field name to its message (GOV.UK style)."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def _check(values: dict) -> dict[str, str]:
    errors = {}
    if values["moderation"] not in (Moderation.PUBLISHED, Moderation.WITHHELD):
        errors["moderation"] = _("Choose whether to publish the comment or withhold it")
    elif values["moderation"] == Moderation.WITHHELD:
        if values["withheld_reason"] not in WithheldReason.values:
            errors["withheld_reason"] = _("Choose why the comment is withheld")
        elif values["withheld_reason"] == WithheldReason.OTHER and not values["note"]:
            errors["note"] = _("Enter the reason the comment is withheld")
    if values["stance"] and values["stance"] not in Stance.values:
        errors["stance"] = _("Choose the comment's view of the draft, or leave it blank")
    if len(values["theme"]) > THEME_LIMIT:
        errors["theme"] = _("The theme must be %(n)s characters or fewer") % {"n": THEME_LIMIT}
    if len(values["note"]) > NOTE_LIMIT:
        errors["note"] = _("The note must be %(n)s characters or fewer") % {"n": f"{NOTE_LIMIT:,}"}
    return errors


@transaction.atomic
def comment_moderate(
    *,
    comment: PublicComment,
    moderation: str,
    withheld_reason: str = "",
    note: str = "",
    stance: str = "",
    theme: str = "",
    user,
    by: Actor,
    at: datetime,
) -> PublicComment:
    """Publish or withhold a confirmed comment (a withheld one needs its reason; "another
    reason" needs the note), with its stance and theme. Raises `ModerationInvalid` naming
    every field to correct; refused for an unconfirmed comment or a signed decision."""
    comment = (
        PublicComment.objects.select_for_update()
        .select_related("window__review")
        .get(pk=comment.pk)
    )
    if comment.confirmed_at is None:
        raise ModerationInvalid({"moderation": _("This comment's email address is not confirmed")})
    if comment.window.review.is_signed:
        raise ModerationInvalid({"moderation": _("The decision is signed: moderation is closed")})
    values = {
        "moderation": moderation or "",
        "withheld_reason": withheld_reason or "",
        "note": (note or "").strip(),
        "stance": stance or "",
        "theme": " ".join((theme or "").split()),
    }
    errors = _check(values)
    if errors:
        raise ModerationInvalid(errors)
    withheld = values["moderation"] == Moderation.WITHHELD
    before = {"moderation": comment.moderation, "withheld_reason": comment.withheld_reason}
    comment.moderation = values["moderation"]
    comment.withheld_reason = values["withheld_reason"] if withheld else ""
    comment.moderation_note = values["note"]
    comment.stance, comment.theme = values["stance"], values["theme"]
    comment.moderated_by_name = user.get_full_name() or user.get_username()
    comment.moderated_at = at
    comment.save()
    audit_record(
        by=by,
        at=at,
        action="reviews.comment_moderate",
        obj=comment,
        authority=comment.window.authority,
        before=before,
        after={k: v for k, v in values.items() if k != "note"} | {"window": comment.window_id},
        reason=values["note"],
    )
    return comment

"""The email confirming a public comment's address (ADR 0036): sent after the transaction
commits; a failed email is logged and never undoes the comment (it simply never counts unless
confirmed). In English, or Welsh then English for an authority in Wales (ADR 0035)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from insource.core.bilingual import in_languages, publishes_in_welsh, render_in_languages

log = logging.getLogger(__name__)


def link(name: str, **kwargs) -> str:
    return settings.INSOURCE_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def email_confirmation(comment, token: str) -> bool:
    """The link that confirms the commenter's email address, so the comment counts."""
    window = comment.window
    context = {
        "comment": comment,
        "window": window,
        "authority": window.authority,
        "confirm": link("public:comment-confirm", token=token),
        "page": link("public:comments-draft", pk=window.pk),
    }
    welsh = publishes_in_welsh(window.authority)
    subject = in_languages(lambda: _("Confirm your comment on a draft decision"), welsh=welsh)
    body = render_in_languages("reviews/email/comment_confirm.txt", context, welsh=welsh)
    try:
        send_mail(subject, body, None, [comment.email])
    except OSError:
        log.exception("email confirming comment %s failed", comment.pk)
        return False
    return True

"""The alerts' emails, sent after commit (the confirmation link) or by the sending service
(the news). Plain text, in the follower's language; bilingual (Welsh first) when what is
followed belongs to an authority in Wales (ADR 0035). Each news email carries one-click
unsubscribe (RFC 8058: `List-Unsubscribe` and `List-Unsubscribe-Post`) and the link in its
text. A failed email is logged and reported to the caller, never raised."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insource.alerts import presenters
from insource.alerts.selectors import Target, target_of
from insource.alerts.tokens import stop_token
from insource.core.bilingual import EMAIL_SEPARATOR, in_languages

log = logging.getLogger(__name__)


def stop_url(subscription) -> str:
    path = reverse("alerts:stop", args=[subscription.ref, stop_token(subscription)])
    return presenters.absolute(path)


def _in_languages(make, subscription, target: Target, *, separator: str) -> str:
    if target.welsh:
        return in_languages(make, welsh=True, separator=separator)
    with translation.override(subscription.language or "en-gb"):
        return str(make())


def _send(subscription, target: Target, subject, body, *, headers=None) -> bool:
    subject = _in_languages(subject, subscription, target, separator=" / ")
    body = _in_languages(body, subscription, target, separator=EMAIL_SEPARATOR)
    message = EmailMessage(subject, body, None, [subscription.email], headers=headers or {})
    try:
        message.send()
    except OSError:
        log.exception("alerts: email to subscription %s failed", subscription.pk)
        return False
    return True


def email_confirm(subscription, target: Target, token: str) -> bool:
    """The link that confirms the address (nothing is sent until it is followed)."""
    confirm = presenters.absolute(reverse("alerts:confirm", args=[token]))

    def subject():
        return _("Confirm you want emails about %(name)s") % {
            "name": presenters.target_name(target)[:80]
        }

    def body():
        context = {
            "heading": presenters.target_heading(target),
            "confirm": confirm,
            "frequency": subscription.get_frequency_display(),
            "days": settings.INSOURCE_ALERTS_CONFIRM_DAYS,
        }
        return render_to_string("alerts/email/confirm.txt", context)

    return _send(subscription, target, subject, body)


def email_news(subscription, items) -> bool:
    """The news the subscription has not had: one email (a digest, or one item at once)."""
    target = target_of(subscription)
    stop = stop_url(subscription)

    def subject():
        name = presenters.target_name(target)[:80]
        if len(items) == 1:
            return _("%(name)s: %(title)s") % {
                "name": name,
                "title": presenters.item_title(items[0])[:120],
            }
        return ngettext(
            "%(name)s: %(count)s new item", "%(name)s: %(count)s new items", len(items)
        ) % {"name": name, "count": len(items)}

    def body():
        context = {
            "heading": presenters.target_heading(target),
            "items": [presenters.item_view(i) for i in items],
            "stop": stop,
            "page": presenters.absolute(presenters.target_page(target)),
        }
        return render_to_string("alerts/email/news.txt", context)

    headers = {
        "List-Unsubscribe": f"<{stop}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return _send(subscription, target, subject, body, headers=headers)

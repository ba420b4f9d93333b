"""Emails about information requests: the confirmation link to the requester, the steps they
must know about (acknowledgement, clarification asked, extension, response, review outcome), and
reminders to officers. Called after the transaction commits; a failed email is logged and never
undoes the work. The console backend is the default (settings `EMAIL_*`)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from insource.core.bilingual import in_languages, publishes_in_welsh, render_in_languages
from insource.transparency.requests.contractors.clock import working_days_allowed
from insource.transparency.requests.law import commissioner_for
from insource.transparency.requests.tokens import private_token

log = logging.getLogger(__name__)

SUBJECTS = {
    "confirm": _("Confirm your information request: {title}"),
    "acknowledged": _("Your information request {reference} has been received"),
    "clarification": _("Your information request {reference}: please clarify"),
    "update": _("Your information request {reference} has been updated"),
    "answered": _("Your information request {reference} has a response"),
    "review": _("The internal review of your information request {reference}"),
}


def link(name: str, **kwargs) -> str:
    return settings.INSOURCE_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _send(to: str, subject, template: str, context: dict, *, authority) -> bool:
    """`subject` is a function making it; it and the body are made in each language the
    authority publishes in (Welsh then English for an authority in Wales; ADR 0035)."""
    if not to:
        return False
    welsh = publishes_in_welsh(authority)
    subject = in_languages(subject, welsh=welsh)
    body = render_in_languages(f"transparency/email/{template}.txt", context, welsh=welsh)
    try:
        send_mail(subject, body, None, [to])
    except OSError:
        log.exception("email about an information request failed: %s", subject)
        return False
    return True


def _context(request, **extra) -> dict:
    return {
        "ir": request,
        "page": link("requests:detail", reference=request.reference),
        "private": link(
            "requests:private", reference=request.reference, token=private_token(request)
        ),
        "commissioner": commissioner_for(request.regime),
        **extra,
    }


def email_confirmation(request, token: str) -> bool:
    """The link that confirms the email address and publishes the request, and the private
    link for withdrawing it or answering a clarification."""
    context = _context(request, confirm=link("requests:confirm", token=token))

    def subject():
        return str(SUBJECTS["confirm"]).format(title=request.title[:80])

    return _send(request.requester_email, subject, "confirm", context, authority=request.authority)


def email_requester(request, event, template: str) -> bool:
    """Tell the requester about a step (`template`: acknowledged, clarification, update,
    answered, review)."""
    context = _context(request, event=event)

    def subject():
        return str(SUBJECTS[template]).format(reference=request.reference)

    to = request.requester_email
    return _send(to, subject, template, context, authority=request.authority)


def email_reminder(user, authority, items) -> bool:
    """One officer's reminder of the authority's requests due soon or overdue."""
    if not user.email:
        log.warning("no email address for %s: request reminder not sent", user.get_username())
        return False
    rows = [
        {**item, "link": link("requests:officer", code=authority.code, reference=item["ref"])}
        for item in items
    ]
    days = settings.INSOURCE_REQUEST_REMIND_WORKING_DAYS
    context = {"user": user, "authority": authority, "items": rows, "days": days}

    def subject():
        return ngettext(
            "%(n)s information request due soon or overdue: %(name)s",
            "%(n)s information requests due soon or overdue: %(name)s",
            len(rows),
        ) % {"n": len(rows), "name": authority.name}

    return _send(user.email, subject, "reminder", context, authority=authority)


CONTRACTOR_SUBJECTS = {
    "asked": _("Information request {reference}: information you hold for {name}"),
    "reminder": _("Reminder: information request {reference} for {name}"),
}


def email_contractor(forward, template: str, *, late: bool = False) -> bool:
    """Ask the contractor for the information it holds for the council, or remind it."""
    authority = forward.authority
    context = {
        "forward": forward,
        "authority": authority,
        "days": _working_days(forward),
        "late": late,
    }

    def subject():
        text = CONTRACTOR_SUBJECTS[template]
        return str(text).format(reference=forward.request.reference, name=authority.name)

    to = forward.contractor_email
    return _send(to, subject, f"contractor_{template}", context, authority=authority)


def _working_days(forward) -> int:
    return working_days_allowed(forward.forwarded_on)


def email_contractor_late(user, forward, *, breach: bool) -> bool:
    """Tell an officer that a contractor's reply is late."""
    if not user.email:
        return False
    authority = forward.authority
    ref = forward.request.reference
    context = {
        "user": user,
        "forward": forward,
        "breach": breach,
        "link": link("requests:officer", code=authority.code, reference=ref),
    }

    def subject():
        return str(_("The contractor's reply is late: information request {reference}")).format(
            reference=ref
        )

    return _send(user.email, subject, "contractor_late", context, authority=authority)

"""Emails about information requests: the confirmation link to the requester, the steps they
must know about (acknowledgement, clarification asked, extension, response, review outcome), and
reminders to officers. Called after the transaction commits; a failed email is logged and never
undoes the work. The console backend is the default (settings `EMAIL_*`)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from insource.transparency.requests.law import commissioner_for
from insource.transparency.requests.tokens import private_token

log = logging.getLogger(__name__)

SUBJECTS = {
    "confirm": "Confirm your information request: {title}",
    "acknowledged": "Your information request {reference} has been received",
    "clarification": "Your information request {reference}: please clarify",
    "update": "Your information request {reference} has been updated",
    "answered": "Your information request {reference} has a response",
    "review": "The internal review of your information request {reference}",
}


def link(name: str, **kwargs) -> str:
    return settings.INSOURCE_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _send(to: str, subject: str, template: str, context: dict) -> bool:
    if not to:
        return False
    body = render_to_string(f"transparency/email/{template}.txt", context)
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
    subject = SUBJECTS["confirm"].format(title=request.title[:80])
    return _send(request.requester_email, subject, "confirm", context)


def email_requester(request, event, template: str) -> bool:
    """Tell the requester about a step (`template`: acknowledged, clarification, update,
    answered, review)."""
    context = _context(request, event=event)
    subject = SUBJECTS[template].format(reference=request.reference)
    return _send(request.requester_email, subject, template, context)


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
    subject = f"{len(rows)} information request(s) due soon or overdue: {authority.name}"
    return _send(user.email, subject, "reminder", context)

"""The iCalendar feed (RFC 5545, written with the icalendar library) of a followed thing's
dates: decision points of reviews not yet signed, and response due dates of published
information requests still awaiting a response. All-day events; one UID per date, so a
calendar that subscribes updates them in place."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from insource.alerts import presenters
from insource.alerts.selectors import Dated, Target, calendar_dates
from insource.register.naming import contract_service_name


def _summary(dated: Dated) -> str:
    if dated.kind == "comment-window":
        return _("Comments invited: %(name)s") % {"name": contract_service_name(dated.contract)}
    if dated.kind == "request-due":
        return _("Response due: information request %(reference)s") % {
            "reference": dated.request.reference
        }
    name = contract_service_name(dated.contract)
    return _("Decision due: %(name)s") % {"name": name}


def _description(dated: Dated) -> str:
    if dated.kind == "comment-window":
        return _(
            "%(authority)s invites comments on its draft recommendation on this contract, until "
            "the end of %(date)s."
        ) % {"authority": dated.authority.display_name, "date": presenters.long_date(dated.until)}
    if dated.kind == "request-due":
        return _("%(authority)s must respond to this information request by this date.") % {
            "authority": dated.authority.display_name
        }
    return _(
        "%(authority)s must decide, under the presumption of in-house delivery, what happens "
        "to this contract by this date (its decision point)."
    ) % {"authority": dated.authority.display_name}


def calendar_ics(target: Target, *, at: datetime) -> bytes:
    host = urlsplit(settings.INSOURCE_BASE_URL).hostname or "insource"
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Insource//Decision points//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add(
        "x-wr-calname", _("Decision points: %(name)s") % {"name": presenters.target_name(target)}
    )
    for dated in calendar_dates(target):
        event = icalendar.Event()
        event.add("uid", f"{dated.uid}@{host}")
        event.add("dtstamp", at)
        event.add("dtstart", dated.on)
        event.add("dtend", (dated.until or dated.on) + timedelta(days=1))
        event.add("summary", _summary(dated))
        event.add("description", _description(dated))
        event.add("url", presenters.absolute(reverse(dated.path_name, args=dated.path_args)))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()

"""The feeds of a followed thing: Atom (RFC 4287, Django's syndication framework) and
iCalendar (RFC 5545, the icalendar library) of its decision points and response dates."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from insource.alerts import calendar, presenters, selectors
from insource.core.views import request_time


class NewsFeed(Feed):
    """The latest news about an authority, a service or a contract, as Atom."""

    feed_type = Atom1Feed
    author_name = "Insource"

    def get_object(self, request, kind: str, ident: str):
        target = selectors.target_find(kind, ident)
        if target is None:
            raise Http404(_("There is nothing with that name to follow"))
        return target

    def title(self, target):
        return _("News about %(name)s") % {"name": presenters.target_name(target)}

    def subtitle(self, target):
        return _(
            "Reviews opened, comments invited, decisions published, information requests "
            "answered and reviews gone late."
        )

    def link(self, target):
        return presenters.target_page(target)

    def feed_url(self, target):
        return presenters.target_urls(target)["atom"]

    def feed_guid(self, target):
        return presenters.absolute(presenters.target_urls(target)["atom"])

    def items(self, target):
        return selectors.news_of(target)

    def item_title(self, item):
        return presenters.item_title(item)

    def item_description(self, item):
        return presenters.item_summary(item)

    def item_link(self, item):
        return item.path

    def item_guid(self, item):
        return f"tag:insource,{item.at:%Y-%m-%d}:news/{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.at

    def item_updateddate(self, item):
        return item.at


news_atom = NewsFeed()


def news_calendar(request, kind: str, ident: str):
    target = selectors.target_find(kind, ident)
    if target is None:
        raise Http404(_("There is nothing with that name to follow"))
    body = calendar.calendar_ics(target, at=request_time(request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="insource.ics"'
    return response

"""What the alerts' pages, feeds and emails say about a followed thing and its news: names,
titles and sentences in the reader's language, dates as GOV.UK writes them, links."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.alerts.models import NewsItem, NewsKind, TargetKind
from insource.alerts.selectors import Target, division_name
from insource.core import nav
from insource.core.dates import long_date
from insource.register.naming import contract_service_name


def absolute(path: str) -> str:
    return settings.INSOURCE_BASE_URL.rstrip("/") + path


def target_name(target: Target) -> str:
    if target.kind == TargetKind.AUTHORITY:
        return target.authority.display_name
    if target.kind == TargetKind.CONTRACT:
        return contract_service_name(target.contract)
    return division_name(target.division)


def target_heading(target: Target) -> str:
    """What the follow page and the emails call it: 'Suffolk County Council', 'the contract
    …', 'the service …'."""
    name = target_name(target)
    if target.kind == TargetKind.CONTRACT:
        return _("the contract ‘%(name)s’") % {"name": name}
    if target.kind == TargetKind.SERVICE:
        return _("%(name)s, at every authority") % {"name": name}
    return name


def target_nav(target: Target) -> dict:
    """The header section of the thing followed (`core/nav.py`): a contract's pages are
    "Contracts", an authority's and a service across authorities are "Authorities"."""
    return nav.CONTRACTS if target.kind == TargetKind.CONTRACT else nav.AUTHORITIES


def target_urls(target: Target) -> dict[str, str]:
    args = [target.kind, target.ident]
    return {
        "follow": reverse("alerts:follow", args=args),
        "atom": reverse("alerts:atom", args=args),
        "calendar": reverse("alerts:calendar", args=args),
    }


def target_page(target: Target) -> str:
    """The public page of the thing followed (a service has only its follow page)."""
    if target.kind == TargetKind.AUTHORITY:
        return reverse("portal:authority", args=[target.authority.public_slug])
    if target.kind == TargetKind.CONTRACT:
        return reverse("portal:contract", args=[target.contract.pk])
    return reverse("alerts:follow", args=[target.kind, target.ident])


def _item_name(item: NewsItem) -> str:
    if item.contract is not None:
        return contract_service_name(item.contract)
    return item.authority.display_name


def item_title(item: NewsItem) -> str:
    name = _item_name(item)
    if item.kind == NewsKind.REVIEW_OPENED:
        return _("Review opened: %(name)s") % {"name": name}
    if item.kind == NewsKind.REVIEW_LATE:
        return _("Review late: %(name)s") % {"name": name}
    if item.kind == NewsKind.DECISION_PUBLISHED:
        return _("Decision published: %(name)s") % {"name": name}
    if item.kind == NewsKind.COMMENT_WINDOW_OPENED:
        return _("Comments invited: %(name)s") % {"name": name}
    title = item.request.public_title if item.request is not None else name
    return _("Information request answered: %(title)s") % {"title": title}


def item_summary(item: NewsItem) -> str:
    authority = item.authority.display_name
    if item.kind == NewsKind.REVIEW_OPENED:
        text = _(
            "%(authority)s has opened its review of this contract under the presumption of "
            "in-house delivery. The decision is due by %(date)s."
        )
    elif item.kind == NewsKind.REVIEW_LATE:
        text = _("%(authority)s did not decide this review by its decision point, %(date)s.")
    elif item.kind == NewsKind.DECISION_PUBLISHED:
        text = _("%(authority)s has published its decision on this contract, and why.")
    elif item.kind == NewsKind.COMMENT_WINDOW_OPENED:
        text = _("%(authority)s invites comments on its draft recommendation until %(date)s.")
    else:
        text = _("%(authority)s has responded to this information request.")
    return text % {"authority": authority, "date": long_date(item.on) if item.on else ""}


def item_view(item: NewsItem) -> dict:
    return {
        "item": item,
        "title": item_title(item),
        "summary": item_summary(item),
        "url": absolute(item.path),
        "path": item.path,
        "on": long_date(timezone.localtime(item.at).date()),
    }

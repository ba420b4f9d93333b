"""Following something (ADR 0037): its page (news, feeds and the email form), "check your
email", confirming the address and unsubscribing. Views parse, call one service or selector
and present. No page ever shows an email address."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from insource.accounts.throttling import client_ip
from insource.alerts import presenters, selectors, services
from insource.alerts.forms import FollowForm
from insource.alerts.tokens import stop_token_valid, token_hash
from insource.core.views import request_time


def _target(kind: str, ident: str) -> selectors.Target:
    target = selectors.target_find(kind, ident)
    if target is None:
        raise Http404(_("There is nothing with that name to follow"))
    return target


def follow(request, kind: str, ident: str):
    """The thing's news, its feeds and the form to get emails about it."""
    target = _target(kind, ident)
    form = FollowForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and _subscribe(request, target, form):
        return redirect("alerts:sent")
    context = {
        "form": form,
        "target": target,
        "heading": presenters.target_heading(target),
        "name": presenters.target_name(target),
        "page": presenters.target_page(target),
        "urls": presenters.target_urls(target),
        "news": [presenters.item_view(i) for i in selectors.news_of(target, limit=20)],
        **presenters.target_nav(target),
    }
    status = 400 if form.errors else 200
    return render(request, "alerts/follow.html", context, status=status)


def _subscribe(request, target, form) -> bool:
    data = form.cleaned_data
    try:
        services.subscription_create(
            target=target,
            email=data["email"],
            frequency=data["frequency"],
            language=translation.get_language() or "en-gb",
            ip=client_ip(request),
            at=request_time(request),
        )
    except services.SubscriptionInvalid as error:
        for field, message in error.errors.items():
            form.add_error(field, message)
        return False
    except services.SubscribeRefused as error:
        form.add_error(None, str(error))
        return False
    return True


def sent(request):
    days = settings.INSOURCE_ALERTS_CONFIRM_DAYS
    return render(request, "alerts/sent.html", {"days": days})


def confirm(request, token: str):
    """The link in the confirmation email: a button (so a mail scanner fetching the link
    confirms nothing); pressing it starts the emails."""
    found = selectors.subscription_by_token_hash(token_hash(token[:200]))
    if found is None or found.unsubscribed_at is not None:
        raise Http404(_("This link is not valid"))
    target = selectors.target_of(found)
    context = {"heading": presenters.target_heading(target), **presenters.target_nav(target)}
    if request.method == "POST":
        try:
            services.subscription_confirm(token=token, at=request_time(request))
        except services.SubscribeRefused as error:
            return render(request, "alerts/confirm.html", context | {"refused": str(error)})
        messages.success(
            request, _("You will get emails about %(name)s") % {"name": context["heading"]}
        )
        return redirect("alerts:follow", target.kind, target.ident)
    context["confirmed"] = found.confirmed_at is not None
    return render(request, "alerts/confirm.html", context)


@csrf_exempt  # RFC 8058 one-click: a mail client POSTs with no cookie; the link's secret is enough
def stop(request, ref: str, token: str):
    """Unsubscribe: the page's button, or the mail client's one-click POST (RFC 8058)."""
    found = selectors.subscription_by_ref(ref)
    if found is None or not stop_token_valid(found, token):
        raise Http404(_("This link is not valid"))
    target = selectors.target_of(found)
    context = {"heading": presenters.target_heading(target), **presenters.target_nav(target)}
    if request.method == "POST":
        services.subscription_stop(subscription=found, at=request_time(request))
        return render(request, "alerts/stopped.html", context)
    if found.unsubscribed_at is not None:
        return render(request, "alerts/stopped.html", context)
    return render(request, "alerts/stop.html", context)

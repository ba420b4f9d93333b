"""Public information request pages (under /public/requests/, no sign-in): the form, the
"check your email" page, confirmation, the request's page with its timeline and documents, the
list, and the requester's private page. Officers' pages are in `officer_views`.

Views parse, call one service or selector, and present. Public pages never show the requester.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.accounts.throttling import client_ip
from insource.authorities.selectors import authority_by_public_slug
from insource.core import nav
from insource.core.views import request_time
from insource.register.selectors.authority_choices import authority_find
from insource.reviews.uploads import evidence_open
from insource.transparency.requests import forms as forms
from insource.transparency.requests import presenters as presenters
from insource.transparency.requests import public_selectors as selectors
from insource.transparency.requests import services as services

# Public ---------------------------------------------------------------------------------


def _target(request):
    get = request.GET
    return selectors.request_target(
        contract=get.get("contract", ""),
        decision=get.get("decision", ""),
        authority=get.get("authority", ""),
    )


def request_new(request):
    if not any(request.GET.get(k) for k in ("contract", "decision", "authority")):
        return render(request, "transparency/requests/start.html", nav.REQUESTS)
    target = _target(request)
    if target is None:
        raise Http404(_("There is nothing public with that number to ask about"))
    form = forms.RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _submit(request, target, form):
        return redirect("requests:sent")
    context = {
        "form": form,
        "target": target,
        "started": services.form_token_sign(request_time(request)),
        **nav.REQUESTS,
    }
    status = 400 if form.errors else 200
    return render(request, "transparency/requests/new.html", context, status=status)


def _submit(request, target, form) -> bool:
    data = form.cleaned_data
    try:
        services.request_submit(
            authority=target.authority,
            contract=target.contract,
            decision=target.decision,
            title=data["title"],
            text=data["text"],
            name=data["name"],
            email=data["email"],
            honeypot=data["website"],
            form_token=data["started"],
            ip=client_ip(request),
            at=request_time(request),
        )
    except services.RequestInvalid as error:
        for field, message in error.errors.items():
            form.add_error(field, message)
        return False
    except services.SubmissionRefused as error:
        form.add_error(None, str(error))
        return False
    return True


def request_sent(request):
    return render(request, "transparency/requests/sent.html", nav.REQUESTS)


def request_confirm(request, token: str):
    found = selectors.request_by_token(token)
    if found is None:
        raise Http404(_("This link is not valid"))
    if request.method == "POST" or found.confirmed_at is not None:
        services.request_confirm(token=token, at=request_time(request))
        messages.success(request, _("Your request is confirmed and published"))
        return redirect("requests:detail", reference=found.reference)
    context = {"reference": found.reference, "title": found.public_title, **nav.REQUESTS}
    return render(request, "transparency/requests/confirm.html", context)


def request_detail(request, reference: str):
    found = selectors.request_public_get(reference)
    if found is None:
        raise Http404(_("No published request has that reference"))
    context = presenters.public_request_page(found, on=timezone.localdate())
    return render(request, "transparency/requests/detail.html", context)


def _authority_named(text: str):
    """The authority a list link (its address name) or a person (its name or code) names."""
    if not text:
        return None
    return authority_by_public_slug(text) or authority_find(text).authority


def request_list(request):
    get = request.GET
    text = get.get("authority", "").strip()[:300]
    authority = _authority_named(text)
    shown = authority.display_name if authority else text
    filters = {"authority": shown, "state": get.get("state", ""), "overdue": get.get("overdue", "")}
    rows = selectors.requests_public(
        on=timezone.localdate(),
        authority=authority,
        state=filters["state"],
        overdue=filters["overdue"],
    )
    if text and authority is None:
        rows = rows.none()
    context = presenters.public_list_page(
        rows, on=timezone.localdate(), page_number=get.get("page"), filters=filters
    )
    context["authority"] = authority
    context["filter_form"] = forms.ListFilterForm(initial={"authority": shown})
    return render(request, "transparency/requests/list.html", context)


def attachment_public(request, reference: str, pk: int):
    found = selectors.attachment_public_get(reference, pk)
    if found is None:
        raise Http404(_("No such document"))
    return file_response(found)


def file_response(attachment):
    return FileResponse(
        evidence_open(attachment.storage_name),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=attachment.original_name or f"document-{attachment.pk}",
    )


def request_private(request, reference: str, token: str):
    ir = selectors.request_private_get(reference, token)
    if ir is None:
        raise Http404(_("This link is not valid"))
    error = ""
    if request.method == "POST":
        error = _private_action(request, ir)
        if not error:
            messages.success(request, _("Done: the request's page shows it"))
            if not ir.is_published:
                return redirect("requests:private", reference=reference, token=token)
            return redirect("requests:detail", reference=reference)
    context = presenters.private_page(ir, on=timezone.localdate())
    context.update(error=error, token=token, **nav.REQUESTS)
    status = 400 if error else 200
    return render(request, "transparency/requests/private.html", context, status=status)


def _private_action(request, ir) -> str:
    form = forms.PrivateForm(request.POST)
    if not form.is_valid():
        return _("Choose what to do")
    action, text = form.cleaned_data["action"], form.cleaned_data["text"]
    at, by = request_time(request), services.REQUESTER
    try:
        if action == "withdraw":
            services.request_withdraw(request=ir, by=by, at=at, public_text=text)
        elif action == "clarify":
            services.request_clarification_received(request=ir, public_text=text, by=by, at=at)
        else:
            services.request_review_request(request=ir, public_text=text, by=by, at=at)
    except services.RequestActionRefused as refused:
        return str(refused)
    return ""

"""Officers' pages for in-house services: the authority's list, a service's figures and KPIs,
recording go-live, a KPI, a period's rating and a service year; a contract's KPIs. Views parse,
call one selector or service, and present. Reading needs a membership (404 otherwise);
recording needs MANAGE_CONTRACTS (403)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from insource.authorities.access import AuthorityPage, OfficerPage, authority_page, officer_page
from insource.authorities.roles import Capability
from insource.authorities.selectors import memberships_of
from insource.inhouse import forms, presenters, selectors, services
from insource.inhouse.ratings import bands_on
from insource.register.selectors.contracts import contract_for_reviewer_or_404

NAV = {"nav_inhouse": True}
MANAGE = Capability.MANAGE_CONTRACTS


def _posted(request):
    """The POST data to bind a form to, even when empty (an empty POST is checked like any
    other, never left unbound), or None for a GET."""
    return request.POST if request.method == "POST" else None


def _submit(request, form, call) -> object | None:
    """Parse, then call the service with what parsed, so its refusals come all at once with
    the form's; when something did not parse, whatever the service did is rolled back. The
    service's result, or None with the errors on the form."""
    if request.method != "POST":
        return None
    parsed = form.is_valid()
    try:
        with transaction.atomic():
            result = call(form)
            if not parsed:
                transaction.set_rollback(True)
                return None
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            if name not in form.errors:
                form.add_error(name if name in form.fields else None, messages)
        return None
    return result


def _form_page(request, template: str, context: dict, form):
    status = 400 if form.errors else 200
    return render(request, template, context | {"form": form, **NAV}, status=status)


@officer_page()
def mine(request, page: OfficerPage):
    accesses = memberships_of(request.user)
    if len(accesses) == 1:
        return redirect("inhouse:authority", code=accesses[0].authority.code)
    return render(request, "inhouse/mine.html", {"accesses": accesses, **NAV})


@authority_page()
def authority_list(request, page: AuthorityPage):
    context = {
        "access": page.access,
        "services": selectors.services_of(authority=page.authority),
        "awaiting": selectors.decisions_awaiting_go_live(authority=page.authority),
        "can_record": page.can(MANAGE),
        **NAV,
    }
    return render(request, "inhouse/authority.html", context)


@authority_page(MANAGE)
def go_live(request, page: AuthorityPage, pk: int):
    decision = selectors.decision_awaiting_go_live_or_404(authority=page.authority, pk=pk)
    form = forms.GoLiveForm(_posted(request))
    service = _submit(
        request,
        form,
        lambda f: services.inhouse_service_start(
            decision=decision, started_on=f.value("started_on"), by=page.actor, at=page.at
        ),
    )
    if service is not None:
        return redirect("inhouse:service", code=page.code, pk=service.pk)
    context = {
        "access": page.access,
        "decision": decision,
        "heading": _("Record go-live"),
        "caption": decision.contract.title[:140],
        "back_url": reverse("inhouse:authority", args=[page.code]),
    }
    return _form_page(request, "inhouse/go_live.html", context, form)


@authority_page()
def service_page(request, page: AuthorityPage, pk: int):
    figures = selectors.service_figures_or_404(authority=page.authority, pk=pk)
    context = presenters.service_page(figures, on=page.on) | {
        "access": page.access,
        "can_record": page.can(MANAGE),
        "requirement": presenters.requirement(figures.service.contract, figures, on=page.on),
        **NAV,
    }
    return render(request, "inhouse/service.html", context)


@authority_page()
def contract_kpis(request, page: AuthorityPage, pk: int):
    contract = contract_for_reviewer_or_404(authority=page.authority, pk=pk)
    kpis = selectors.kpis_of(contract=contract)
    context = {
        "access": page.access,
        "contract": contract,
        "kpis": presenters.kpi_rows(kpis),
        "service": selectors.service_of_contract(contract),
        "requirement": presenters.requirement_of(contract, kpis, on=page.on),
        "can_record": page.can(MANAGE),
        **NAV,
    }
    return render(request, "inhouse/contract_kpis.html", context)


def _kpi_owner(page: AuthorityPage, owner: str, pk: int) -> dict:
    if owner == "services":
        return {"service": selectors.service_or_404(authority=page.authority, pk=pk)}
    if owner == "contracts":
        return {"contract": contract_for_reviewer_or_404(authority=page.authority, pk=pk)}
    raise Http404("A KPI belongs to a contract or a service")


@authority_page(MANAGE)
def kpi_add(request, page: AuthorityPage, owner: str, pk: int):
    target = _kpi_owner(page, owner, pk)
    form = forms.KpiForm(_posted(request), initial={"kind": "performance"})
    added = _submit(
        request,
        form,
        lambda f: services.kpi_add(
            authority=page.authority, entry=f.entry(), by=page.actor, at=page.at, **target
        ),
    )
    if added is not None:
        return _back(page.code, target)
    owner_of = target.get("service") or target.get("contract")
    context = {
        "access": page.access,
        "heading": _("Add a KPI or social outcome"),
        "caption": str(owner_of.name if target.get("service") else owner_of.title)[:140],
        "back_url": _back(page.code, target).url,
        **target,
    }
    return _form_page(request, "inhouse/kpi_add.html", context, form)


def _back(code: str, target: dict):
    if target.get("service") is not None:
        return redirect("inhouse:service", code=code, pk=target["service"].pk)
    return redirect("inhouse:contract-kpis", code=code, pk=target["contract"].pk)


@authority_page(MANAGE)
def kpi_rate(request, page: AuthorityPage, pk: int):
    kpi = selectors.kpi_or_404(authority=page.authority, pk=pk)
    form = forms.RatingForm(_posted(request))
    recorded = _submit(
        request,
        form,
        lambda f: services.kpi_rating_record(
            kpi=kpi, entry=f.entry(), user=request.user, by=page.actor, at=page.at, on=page.on
        ),
    )
    if recorded is not None:
        return _back(page.code, {"service": kpi.service, "contract": kpi.contract})
    context = {
        "access": page.access,
        "kpi": kpi,
        "bands": bands_on(page.on),
        "heading": _("Record a period"),
        "caption": kpi.name,
        "back_url": _back(page.code, {"service": kpi.service, "contract": kpi.contract}).url,
    }
    return _form_page(request, "inhouse/kpi_rate.html", context, form)


@authority_page(MANAGE)
def year_record(request, page: AuthorityPage, pk: int):
    service = selectors.service_or_404(authority=page.authority, pk=pk)
    form = forms.YearForm(_posted(request))
    recorded = _submit(
        request,
        form,
        lambda f: services.service_year_record(
            service=service,
            entry=f.entry(),
            user=request.user,
            by=page.actor,
            at=page.at,
            on=page.on,
        ),
    )
    if recorded is not None:
        return redirect("inhouse:service", code=page.code, pk=service.pk)
    context = {
        "access": page.access,
        "service": service,
        "heading": _("Record a service year"),
        "caption": service.name[:140],
        "back_url": reverse("inhouse:service", args=[page.code, service.pk]),
    }
    return _form_page(request, "inhouse/year.html", context, form)

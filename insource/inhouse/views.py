"""Officers' pages for in-house services: the authority's list, a service's figures and KPIs,
recording go-live, a KPI, a period's rating and a service year; a contract's KPIs. Views parse,
call one selector or service, and present. Reading needs a membership (404 otherwise);
recording needs MANAGE_CONTRACTS (403)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from insource.authorities.roles import Capability
from insource.authorities.selectors import memberships_of
from insource.core.views import who_and_when
from insource.inhouse import forms, presenters, selectors, services
from insource.inhouse.ratings import bands_on
from insource.register.selectors import contract_get_for_reviewer
from insource.reviews.views import access_or_404

NAV = {"nav_inhouse": True}
MANAGE = Capability.MANAGE_CONTRACTS


def _service_or_404(access, pk: int):
    service = selectors.service_get(authority=access.authority, pk=pk)
    if service is None:
        raise Http404("No such in-house service among this authority's")
    return service


def _contract_or_404(access, pk: int):
    contract = contract_get_for_reviewer(authority=access.authority, pk=pk)
    if contract is None:
        raise Http404("No such contract among this authority's")
    return contract


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


@login_required
def mine(request):
    accesses = memberships_of(request.user)
    if len(accesses) == 1:
        return redirect("inhouse:authority", code=accesses[0].authority.code)
    return render(request, "inhouse/mine.html", {"accesses": accesses, **NAV})


@login_required
def authority_list(request, code: str):
    access = access_or_404(request, code)
    context = {
        "access": access,
        "services": selectors.services_of(authority=access.authority),
        "awaiting": selectors.decisions_awaiting_go_live(authority=access.authority),
        "can_record": access.can(MANAGE),
        **NAV,
    }
    return render(request, "inhouse/authority.html", context)


@login_required
def go_live(request, code: str, pk: int):
    access = access_or_404(request, code, MANAGE)
    decision = next(
        (d for d in selectors.decisions_awaiting_go_live(authority=access.authority) if d.pk == pk),
        None,
    )
    if decision is None:
        raise Http404("No decision awaiting go-live")
    form = forms.GoLiveForm(_posted(request))
    by, at = who_and_when(request)
    service = _submit(
        request,
        form,
        lambda f: services.inhouse_service_start(
            decision=decision, started_on=f.value("started_on"), by=by, at=at
        ),
    )
    if service is not None:
        return redirect("inhouse:service", code=code, pk=service.pk)
    context = {
        "access": access,
        "decision": decision,
        "heading": _("Record go-live"),
        "caption": decision.contract.title[:140],
        "back_url": reverse("inhouse:authority", args=[code]),
    }
    return _form_page(request, "inhouse/go_live.html", context, form)


@login_required
def service_page(request, code: str, pk: int):
    access = access_or_404(request, code)
    figures = selectors.service_figures_for(authority=access.authority, pk=pk)
    if figures is None:
        raise Http404("No such in-house service among this authority's")
    on = timezone.localdate()
    context = presenters.service_page(figures, on=on) | {
        "access": access,
        "can_record": access.can(MANAGE),
        "requirement": presenters.requirement(figures.service.contract, figures, on=on),
        **NAV,
    }
    return render(request, "inhouse/service.html", context)


@login_required
def contract_kpis(request, code: str, pk: int):
    access = access_or_404(request, code)
    contract = _contract_or_404(access, pk)
    kpis = selectors.kpis_of(contract=contract)
    on = timezone.localdate()
    context = {
        "access": access,
        "contract": contract,
        "kpis": presenters.kpi_rows(kpis),
        "service": selectors.service_of_contract(contract),
        "requirement": presenters.requirement_of(contract, kpis, on=on),
        "can_record": access.can(MANAGE),
        **NAV,
    }
    return render(request, "inhouse/contract_kpis.html", context)


def _kpi_owner(access, owner: str, pk: int) -> dict:
    if owner == "services":
        return {"service": _service_or_404(access, pk)}
    if owner == "contracts":
        return {"contract": _contract_or_404(access, pk)}
    raise Http404("A KPI belongs to a contract or a service")


@login_required
def kpi_add(request, code: str, owner: str, pk: int):
    access = access_or_404(request, code, MANAGE)
    target = _kpi_owner(access, owner, pk)
    form = forms.KpiForm(_posted(request), initial={"kind": "performance"})
    by, at = who_and_when(request)
    added = _submit(
        request,
        form,
        lambda f: services.kpi_add(
            authority=access.authority, entry=f.entry(), by=by, at=at, **target
        ),
    )
    if added is not None:
        return _back(code, target)
    owner_of = target.get("service") or target.get("contract")
    context = {
        "access": access,
        "heading": _("Add a KPI or social outcome"),
        "caption": str(owner_of.name if target.get("service") else owner_of.title)[:140],
        "back_url": _back(code, target).url,
        **target,
    }
    return _form_page(request, "inhouse/kpi_add.html", context, form)


def _back(code: str, target: dict):
    if target.get("service") is not None:
        return redirect("inhouse:service", code=code, pk=target["service"].pk)
    return redirect("inhouse:contract-kpis", code=code, pk=target["contract"].pk)


@login_required
def kpi_rate(request, code: str, pk: int):
    access = access_or_404(request, code, MANAGE)
    kpi = selectors.kpi_get(authority=access.authority, pk=pk)
    if kpi is None:
        raise Http404("No such KPI among this authority's")
    form = forms.RatingForm(_posted(request))
    by, at = who_and_when(request)
    on = timezone.localdate(at)
    recorded = _submit(
        request,
        form,
        lambda f: services.kpi_rating_record(
            kpi=kpi, entry=f.entry(), user=request.user, by=by, at=at, on=on
        ),
    )
    if recorded is not None:
        return _back(code, {"service": kpi.service, "contract": kpi.contract})
    context = {
        "access": access,
        "kpi": kpi,
        "bands": bands_on(timezone.localdate()),
        "heading": _("Record a period"),
        "caption": kpi.name,
        "back_url": _back(code, {"service": kpi.service, "contract": kpi.contract}).url,
    }
    return _form_page(request, "inhouse/kpi_rate.html", context, form)


@login_required
def year_record(request, code: str, pk: int):
    access = access_or_404(request, code, MANAGE)
    service = _service_or_404(access, pk)
    form = forms.YearForm(_posted(request))
    by, at = who_and_when(request)
    on = timezone.localdate(at)
    recorded = _submit(
        request,
        form,
        lambda f: services.service_year_record(
            service=service, entry=f.entry(), user=request.user, by=by, at=at, on=on
        ),
    )
    if recorded is not None:
        return redirect("inhouse:service", code=code, pk=service.pk)
    context = {
        "access": access,
        "service": service,
        "heading": _("Record a service year"),
        "caption": service.name[:140],
        "back_url": reverse("inhouse:service", args=[code, service.pk]),
    }
    return _form_page(request, "inhouse/year.html", context, form)

"""The transferring workforce's pages: the liability information (rows only with the workforce
capability, aggregates for everyone else), the pay comparison, the council's grades, and the
consultation log. Views parse, call one selector or service, and present."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.models import Role
from insource.authorities.roles import Capability
from insource.core.spreadsheets import SheetError
from insource.transition import selectors
from insource.transition.forms import ConsultationForm, GradeForm, LiabilityForm
from insource.transition.liability import LiabilityError
from insource.transition.permissions import consultation_kinds, sees_rows
from insource.transition.services.consultation import consultation_add
from insource.transition.services.workforce import grade_save, liability_import
from insource.transition.views.plans import NAV, READ, add_errors

ROLE_LABELS = dict(Role.choices)


@authority_page(READ, write=Capability.MANAGE_WORKFORCE)
def workforce(request, page: AuthorityPage, pk: int):
    plan = selectors.plan_or_404(authority=page.authority, pk=pk)
    form, issues = LiabilityForm(request.POST or None, request.FILES or None), []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            liability_import(
                plan=plan, name=upload.name, content=upload.read(), by=page.actor, at=page.at
            )
        except LiabilityError as error:
            issues = error.issues
            form.add_error("file", "The file has problems: nothing was imported")
        except SheetError as error:
            form.add_error("file", error.page_message)
        except ValueError as error:
            form.add_error("file", str(error))
        else:
            return redirect("transition:workforce", code=page.code, pk=pk)
    context = {
        "access": page.access,
        "plan": plan,
        "form": form,
        "issues": issues,
        "workforce": selectors.workforce_of(plan),
        "sees_rows": sees_rows(page.access.capabilities),
        "can_import": page.can(Capability.MANAGE_WORKFORCE),
        **NAV,
    }
    return render(request, "transition/workforce.html", context, status=400 if form.errors else 200)


@authority_page(Capability.READ_WORKFORCE, write=Capability.MANAGE_WORKFORCE)
def grades(request, page: AuthorityPage):
    form = GradeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grade_save(authority=page.authority, by=page.actor, at=page.at, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(_safe_next(request, page.code))
    context = {
        "access": page.access,
        "form": form,
        "grades": selectors.grades_of(page.authority),
        "can_edit": page.can(Capability.MANAGE_WORKFORCE),
        **NAV,
    }
    return render(request, "transition/grades.html", context, status=400 if form.errors else 200)


def _safe_next(request, code: str) -> str:
    target = request.GET.get("next", "")
    return target if target.startswith(f"/transition/{code}/") else f"/transition/{code}/grades/"


def _role_label(access) -> str:
    return ", ".join(str(ROLE_LABELS.get(r, r)) for r in sorted(access.roles))


@authority_page(READ, write=Capability.COMMENT_TRANSITION)
def consultation(request, page: AuthorityPage, pk: int):
    plan = selectors.plan_or_404(authority=page.authority, pk=pk)
    kinds = consultation_kinds(page.access.capabilities)
    entries = selectors.consultation_of(plan)
    issues = [e for e in entries if e.kind == "issue"]
    form = ConsultationForm(
        request.POST or None,
        kinds=kinds,
        issues=issues,
        initial={"occurred_on": page.on},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            consultation_add(
                plan=plan,
                kind=data["kind"],
                occurred_on=data["occurred_on"],
                text=data["text"],
                responds_to=next((i for i in issues if i.pk == data["responds_to"]), None),
                user=request.user,
                role_label=_role_label(page.access),
                capabilities=page.access.capabilities,
                on=page.on,
                by=page.actor,
                at=page.at,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("transition:consultation", code=page.code, pk=pk)
    context = {
        "access": page.access,
        "plan": plan,
        "entries": entries,
        "form": form,
        "can_add": bool(kinds),
        **NAV,
    }
    return render(
        request, "transition/consultation.html", context, status=400 if form.errors else 200
    )

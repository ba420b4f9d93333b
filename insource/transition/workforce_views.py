"""The transferring workforce's pages: the liability information (rows only with the workforce
capability, aggregates for everyone else), the pay comparison, the council's grades, and the
consultation log. Views parse, call one selector or service, and present."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from insource.authorities.models import Role
from insource.authorities.roles import Capability
from insource.core.spreadsheets import SheetError
from insource.core.views import who_and_when
from insource.reviews.views import access_or_404
from insource.transition import selectors
from insource.transition.forms import ConsultationForm, GradeForm, LiabilityForm
from insource.transition.liability import LiabilityError
from insource.transition.permissions import consultation_kinds, sees_rows
from insource.transition.services.consultation import consultation_add
from insource.transition.services.workforce import grade_save, liability_import
from insource.transition.views import NAV, add_errors, plan_or_404

ROLE_LABELS = dict(Role.choices)


@login_required
def workforce(request, code: str, pk: int):
    access, plan = plan_or_404(request, code, pk)
    form, issues = LiabilityForm(request.POST or None, request.FILES or None), []
    if request.method == "POST":
        access_or_404(request, code, Capability.MANAGE_WORKFORCE)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            by, at = who_and_when(request)
            try:
                liability_import(plan=plan, name=upload.name, content=upload.read(), by=by, at=at)
            except LiabilityError as error:
                issues = error.issues
                form.add_error("file", "The file has problems: nothing was imported")
            except SheetError as error:
                form.add_error("file", error.page_message)
            except ValueError as error:
                form.add_error("file", str(error))
            else:
                return redirect("transition:workforce", code=code, pk=pk)
    context = {
        "access": access,
        "plan": plan,
        "form": form,
        "issues": issues,
        "workforce": selectors.workforce_of(plan),
        "sees_rows": sees_rows(access.capabilities),
        "can_import": access.can(Capability.MANAGE_WORKFORCE),
        **NAV,
    }
    return render(request, "transition/workforce.html", context, status=400 if form.errors else 200)


@login_required
def grades(request, code: str):
    access = access_or_404(request, code, Capability.READ_WORKFORCE)
    form = GradeForm(request.POST or None)
    if request.method == "POST":
        access_or_404(request, code, Capability.MANAGE_WORKFORCE)
        if form.is_valid():
            by, at = who_and_when(request)
            try:
                grade_save(authority=access.authority, by=by, at=at, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect(_safe_next(request, code))
    context = {
        "access": access,
        "form": form,
        "grades": selectors.grades_of(access.authority),
        "can_edit": access.can(Capability.MANAGE_WORKFORCE),
        **NAV,
    }
    return render(request, "transition/grades.html", context, status=400 if form.errors else 200)


def _safe_next(request, code: str) -> str:
    target = request.GET.get("next", "")
    return target if target.startswith(f"/transition/{code}/") else f"/transition/{code}/grades/"


def _role_label(access) -> str:
    return ", ".join(str(ROLE_LABELS.get(r, r)) for r in sorted(access.roles))


@login_required
def consultation(request, code: str, pk: int):
    access, plan = plan_or_404(request, code, pk)
    kinds = consultation_kinds(access.capabilities)
    entries = selectors.consultation_of(plan)
    issues = [e for e in entries if e.kind == "issue"]
    form = ConsultationForm(
        request.POST or None,
        kinds=kinds,
        issues=issues,
        initial={"occurred_on": timezone.localdate()},
    )
    if request.method == "POST":
        access_or_404(request, code, Capability.COMMENT_TRANSITION)
        if form.is_valid():
            by, at = who_and_when(request)
            data = form.cleaned_data
            try:
                consultation_add(
                    plan=plan,
                    kind=data["kind"],
                    occurred_on=data["occurred_on"],
                    text=data["text"],
                    responds_to=next((i for i in issues if i.pk == data["responds_to"]), None),
                    user=request.user,
                    role_label=_role_label(access),
                    capabilities=access.capabilities,
                    on=timezone.localdate(at),
                    by=by,
                    at=at,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect("transition:consultation", code=code, pk=pk)
    context = {
        "access": access,
        "plan": plan,
        "entries": entries,
        "form": form,
        "can_add": bool(kinds),
        **NAV,
    }
    return render(
        request, "transition/consultation.html", context, status=400 if form.errors else 200
    )

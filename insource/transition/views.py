"""Officers' transition pages, mounted at /transition/: the authority's plans, a plan with its
timeline, what is late and due next, editing a milestone, moving the transfer date and adding
a milestone. Views parse, call one selector or service, and present."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from insource.authorities.roles import Capability
from insource.authorities.selectors import memberships_of
from insource.core.views import who_and_when
from insource.reviews.views import access_or_404
from insource.transition import presenters, selectors
from insource.transition.forms import MilestoneAddForm, MilestoneForm, TransferForm
from insource.transition.services.milestones import (
    MilestoneChange,
    milestone_add,
    milestone_update,
)
from insource.transition.services.plans import plan_transfer_move

NAV = {"nav_transition": True}
READ, MANAGE = Capability.READ_TRANSITION, Capability.MANAGE_TRANSITION


def add_errors(form, error: ValidationError) -> None:
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)


def plan_or_404(request, code: str, pk: int, capability=READ):
    access = access_or_404(request, code, capability)
    plan = selectors.plan_get(authority=access.authority, pk=pk)
    if plan is None:
        raise Http404("No such transition plan")
    return access, plan


@login_required
def mine(request):
    accesses = memberships_of(request.user)
    if len(accesses) == 1:
        return redirect("transition:plans", code=accesses[0].authority.code)
    return render(request, "transition/mine.html", {"accesses": accesses, **NAV})


@login_required
def plans(request, code: str):
    access = access_or_404(request, code, READ)
    views = selectors.plans_list(authority=access.authority, on=timezone.localdate())
    context = {"access": access, "plans": presenters.plan_rows(views), **NAV}
    context["sees_grades"] = access.can(Capability.READ_WORKFORCE)
    return render(request, "transition/plans.html", context)


@login_required
def plan(request, code: str, pk: int):
    access, found = plan_or_404(request, code, pk)
    view = selectors.plan_view(found, on=timezone.localdate())
    context = presenters.plan_page(access, view)
    context.update(workforce=selectors.workforce_of(found), **NAV)
    return render(request, "transition/plan.html", context)


def _change(form) -> MilestoneChange:
    owner = form.cleaned_data["owner"]
    return MilestoneChange(
        status=form.cleaned_data["status"],
        owner=next((u for u in form.owners if u.pk == owner), None),
        evidence=form.cleaned_data["evidence"],
        notes=form.cleaned_data["notes"],
        due_on=form.cleaned_data["due_on"],
    )


@login_required
def milestone(request, code: str, pk: int, mid: int):
    access, found = plan_or_404(request, code, pk, MANAGE)
    item = selectors.milestone_get(plan=found, pk=mid)
    if item is None:
        raise Http404("No such milestone")
    initial = {
        "status": item.status,
        "owner": item.owner_id,
        "due_on": item.due_on,
        "evidence": item.evidence,
        "notes": item.notes,
    }
    owners = selectors.plan_owners(access.authority)
    form = MilestoneForm(request.POST or None, initial=initial, owners=owners)
    form.owners = owners
    if request.method == "POST" and form.is_valid():
        by, at = who_and_when(request)
        try:
            milestone_update(
                milestone=item, change=_change(form), on=timezone.localdate(at), by=by, at=at
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("transition:plan", code=code, pk=pk)
    context = {"access": access, "plan": found, "milestone": item, "form": form, **NAV}
    context.update(presenters.milestone_context(item, on=timezone.localdate()))
    return render(request, "transition/milestone.html", context, status=400 if form.errors else 200)


@login_required
def transfer(request, code: str, pk: int):
    access, found = plan_or_404(request, code, pk, MANAGE)
    form = TransferForm(request.POST or None, initial={"transfer_on": found.transfer_on})
    if request.method == "POST" and form.is_valid():
        by, at = who_and_when(request)
        try:
            plan_transfer_move(
                plan=found,
                transfer_on=form.cleaned_data["transfer_on"],
                reason=form.cleaned_data["reason"],
                by=by,
                at=at,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("transition:plan", code=code, pk=pk)
    context = {"access": access, "plan": found, "form": form, **NAV}
    return render(request, "transition/transfer.html", context, status=400 if form.errors else 200)


@login_required
def milestone_new(request, code: str, pk: int):
    access, found = plan_or_404(request, code, pk, MANAGE)
    form = MilestoneAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        by, at = who_and_when(request)
        try:
            milestone_add(
                plan=found,
                title=form.cleaned_data["title"],
                due_on=form.cleaned_data["due_on"],
                owner=None,
                by=by,
                at=at,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("transition:plan", code=code, pk=pk)
    context = {"access": access, "plan": found, "form": form, **NAV}
    return render(
        request, "transition/milestone_new.html", context, status=400 if form.errors else 200
    )

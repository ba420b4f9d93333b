"""Officers' transition pages, mounted at /transition/: the authority's plans, a plan with its
timeline, what is late and due next, editing a milestone, moving the transfer date and adding
a milestone. Views parse, call one selector or service, and present."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from insource.authorities.access import AuthorityPage, OfficerPage, authority_page, officer_page
from insource.authorities.roles import Capability
from insource.authorities.selectors import memberships_of
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


@officer_page()
def mine(request, page: OfficerPage):
    accesses = memberships_of(request.user)
    if len(accesses) == 1:
        return redirect("transition:plans", code=accesses[0].authority.code)
    return render(request, "transition/mine.html", {"accesses": accesses, **NAV})


@authority_page(READ)
def plans(request, page: AuthorityPage):
    views = selectors.plans_list(authority=page.authority, on=page.on)
    context = {"access": page.access, "plans": presenters.plan_rows(views), **NAV}
    context["sees_grades"] = page.can(Capability.READ_WORKFORCE)
    return render(request, "transition/plans.html", context)


@authority_page(READ)
def plan(request, page: AuthorityPage, pk: int):
    found = selectors.plan_or_404(authority=page.authority, pk=pk)
    view = selectors.plan_view(found, on=page.on)
    context = presenters.plan_page(page.access, view)
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


@authority_page(MANAGE)
def milestone(request, page: AuthorityPage, pk: int, mid: int):
    found = selectors.plan_or_404(authority=page.authority, pk=pk)
    item = selectors.milestone_or_404(plan=found, pk=mid)
    initial = {
        "status": item.status,
        "owner": item.owner_id,
        "due_on": item.due_on,
        "evidence": item.evidence,
        "notes": item.notes,
    }
    owners = selectors.plan_owners(page.authority)
    form = MilestoneForm(request.POST or None, initial=initial, owners=owners)
    form.owners = owners
    if request.method == "POST" and form.is_valid():
        try:
            milestone_update(
                milestone=item, change=_change(form), on=page.on, by=page.actor, at=page.at
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("transition:plan", code=page.code, pk=pk)
    context = {"access": page.access, "plan": found, "milestone": item, "form": form, **NAV}
    context.update(presenters.milestone_context(item, on=page.on))
    return render(request, "transition/milestone.html", context, status=400 if form.errors else 200)


@authority_page(MANAGE)
def transfer(request, page: AuthorityPage, pk: int):
    found = selectors.plan_or_404(authority=page.authority, pk=pk)
    form = TransferForm(request.POST or None, initial={"transfer_on": found.transfer_on})
    if request.method == "POST" and form.is_valid():
        try:
            plan_transfer_move(
                plan=found,
                transfer_on=form.cleaned_data["transfer_on"],
                reason=form.cleaned_data["reason"],
                by=page.actor,
                at=page.at,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("transition:plan", code=page.code, pk=pk)
    context = {"access": page.access, "plan": found, "form": form, **NAV}
    return render(request, "transition/transfer.html", context, status=400 if form.errors else 200)


@authority_page(MANAGE)
def milestone_new(request, page: AuthorityPage, pk: int):
    found = selectors.plan_or_404(authority=page.authority, pk=pk)
    form = MilestoneAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            milestone_add(
                plan=found,
                title=form.cleaned_data["title"],
                due_on=form.cleaned_data["due_on"],
                owner=None,
                by=page.actor,
                at=page.at,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("transition:plan", code=page.code, pk=pk)
    context = {"access": page.access, "plan": found, "form": form, **NAV}
    return render(
        request, "transition/milestone_new.html", context, status=400 if form.errors else 200
    )

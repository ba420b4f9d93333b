"""Sharing's pages: the public library of templates, a template's page and the library's CSV;
an authority's shared work; publishing an appraisal or a clause version as a template;
starting an appraisal or a clause from one; withdrawing a template. Views parse, call one
service or selector, and present."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from insource.appraisal.selectors import appraisal_of, lines_of
from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.core import nav
from insource.register.exporters.csv import BOM
from insource.reviews.selectors.reviews import review_or_404
from insource.sharing import presenters, selectors, services
from insource.sharing.forms import AppraisalPublishForm, ClausePublishForm, TemplateChoiceForm
from insource.sharing.models import Kind
from insource.standards.model_contract.selectors import clause_version_or_404


def _refused(form, error: services.SharingRefused) -> None:
    for field, message in error.problems.items():
        form.add_error(field if field in form.fields else None, message)


# Public ------------------------------------------------------------------------------------


def library(request):
    kind = request.GET.get("kind", "")
    templates = selectors.templates_published(kind=kind)
    context = {
        "groups": presenters.library(templates),
        "kind": kind if kind in selectors.KINDS else "",
        "kinds": Kind.choices,
        **nav.AUTHORITIES,
    }
    return render(request, "sharing/library.html", context)


def library_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="shared-templates.csv"'
    response.write(BOM)
    csv.writer(response).writerows(presenters.csv_rows(selectors.templates_published()))
    return response


def template_page(request, pk: int):
    template = selectors.template_public_or_404(pk)
    context = {
        "t": presenters.template_row(template),
        "template": template,
        "options": presenters.appraisal_lines(template.content)
        if template.kind == Kind.APPRAISAL
        else None,
        "withheld": presenters.withheld_rows(template),
        **nav.AUTHORITIES,
    }
    return render(request, "sharing/template.html", context)


# Officers ----------------------------------------------------------------------------------


@authority_page()
def authority(request, page: AuthorityPage):
    context = {
        "access": page.access,
        "mine": [
            presenters.template_row(t) for t in selectors.templates_of(authority=page.authority)
        ],
        "reused": [
            {"reuse": r, "credit": presenters.credit(r)}
            for r in selectors.reuses_by(authority=page.authority)
        ],
        "can_withdraw": page.can(Capability.PUBLISH_TEMPLATES),
    }
    return render(request, "sharing/authority.html", context)


@authority_page(Capability.PUBLISH_TEMPLATES)
def appraisal_publish(request, page: AuthorityPage, pk: int):
    review = review_or_404(authority=page.authority, pk=pk)
    appraisal = appraisal_of(authority=page.authority, review=review)
    lines = lines_of(appraisal) if appraisal is not None else []
    form = AppraisalPublishForm(request.POST or None, lines=lines)
    if request.method == "POST" and form.is_valid() and appraisal is not None:
        try:
            template = services.appraisal_publish(
                appraisal=appraisal,
                title=form.cleaned_data["title"],
                confirmed=form.confirmed_pks(),
                user=request.user,
                on=page.on,
                by=page.actor,
                at=page.at,
            )
        except services.SharingRefused as error:
            _refused(form, error)
        else:
            messages.success(request, _("The appraisal is shared as a template"))
            return redirect("shared-work:template", pk=template.pk)
    elif request.method == "POST" and appraisal is None:
        form.add_error(None, _("Start the appraisal and add its cost lines before sharing it"))
    context = {
        "access": page.access,
        "review": review,
        "form": form,
        "flags": presenters.flagged_lines(lines),
    }
    status = 400 if form.errors else 200
    return render(request, "sharing/appraisal_publish.html", context, status=status)


@authority_page(Capability.EDIT_CLAUSES)
def clause_publish(request, page: AuthorityPage, pk: int):
    version = clause_version_or_404(authority=page.authority, pk=pk)
    form = ClausePublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.clause_publish(
                version=version,
                authority=page.authority,
                cpv_division=form.cleaned_data["cpv_division"],
                user=request.user,
                by=page.actor,
                at=page.at,
            )
        except services.SharingRefused as error:
            _refused(form, error)
        else:
            messages.success(request, _("The clause is shared as a template"))
            return redirect("shared-work:template", pk=template.pk)
    context = {"access": page.access, "version": version, "form": form}
    status = 400 if form.errors else 200
    return render(request, "sharing/clause_publish.html", context, status=status)


def _reuse_form(request, kind: str):
    templates = list(selectors.templates_published(kind=kind))
    return TemplateChoiceForm(request.POST or None, templates=templates), templates


@authority_page(Capability.EDIT_REVIEW)
def appraisal_reuse(request, page: AuthorityPage, pk: int):
    review = review_or_404(authority=page.authority, pk=pk)
    form, templates = _reuse_form(request, Kind.APPRAISAL)
    if request.method == "POST" and form.is_valid():
        chosen = selectors.template_to_start_from(
            kind=Kind.APPRAISAL, pk=form.cleaned_data["template"]
        )
        try:
            services.appraisal_from_template(
                template=chosen,
                review=review,
                user=request.user,
                on=page.on,
                by=page.actor,
                at=page.at,
            )
        except services.SharingRefused as error:
            _refused(form, error)
        else:
            messages.success(request, _("The appraisal started from the template"))
            return redirect("appraisal:page", code=page.code, pk=pk)
    context = {"access": page.access, "review": review, "form": form, "templates": templates}
    status = 400 if form.errors else 200
    return render(request, "sharing/appraisal_reuse.html", context, status=status)


@authority_page(Capability.EDIT_CLAUSES)
def clause_reuse(request, page: AuthorityPage):
    form, templates = _reuse_form(request, Kind.CLAUSE)
    if request.method == "POST" and form.is_valid():
        chosen = selectors.template_to_start_from(
            kind=Kind.CLAUSE, pk=form.cleaned_data["template"]
        )
        try:
            version = services.clause_from_template(
                template=chosen,
                authority=page.authority,
                user=request.user,
                by=page.actor,
                at=page.at,
            )
        except services.SharingRefused as error:
            _refused(form, error)
        else:
            messages.success(request, _("The clause started from the template"))
            return redirect("standards:clause", code=page.code, key=version.key)
    context = {"access": page.access, "form": form, "templates": templates}
    status = 400 if form.errors else 200
    return render(request, "sharing/clause_reuse.html", context, status=status)


@authority_page(Capability.PUBLISH_TEMPLATES, post_only=True)
def withdraw(request, page: AuthorityPage, pk: int):
    template = selectors.template_of_or_404(authority=page.authority, pk=pk)
    if request.POST.get("confirm") != "withdraw":
        messages.error(request, _("Confirm that you want to withdraw the template"))
        return redirect("sharing:authority", code=page.code)
    services.template_withdraw(
        template=template, authority=page.authority, by=page.actor, at=page.at
    )
    messages.success(request, _("The template is withdrawn: what started from it keeps its credit"))
    return redirect("sharing:authority", code=page.code)

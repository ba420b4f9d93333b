"""The authority's milestone templates, one per service type: the version in force (or the
shipped template) and a form to save a new version (titles, lead days, milestones removed or
added; the liability information and go-live stay). Views parse, call one selector or service,
and present."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from insource.authorities.access import AuthorityPage, authority_page
from insource.authorities.roles import Capability
from insource.transition import schedule
from insource.transition.forms import GdsForm
from insource.transition.selectors import template_items, templates_in_force
from insource.transition.services.milestones import milestone_template_save
from insource.transition.views.plans import NAV

DAYS = {
    "required": _("Enter the days before the transfer"),
    "invalid": _("Enter a whole number of days, like 90"),
}


class TemplateForm(GdsForm):
    """One title and lead-days pair per milestone, a remove box for the optional ones, one new
    milestone, and the reason."""

    new_title = forms.CharField(label=_("New milestone (optional)"), required=False, max_length=200)
    new_lead_days = forms.IntegerField(
        label=_("Its days before the transfer"), required=False, min_value=0, error_messages=DAYS
    )
    reason = forms.CharField(
        label=_("Why the template changes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter why the template changes")},
    )

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            k = item["key"]
            self.fields[f"title_{k}"] = forms.CharField(
                label=_("Title"),
                max_length=200,
                initial=item["title"],
                error_messages={"required": _("Enter the milestone's title")},
            )
            self.fields[f"days_{k}"] = forms.IntegerField(
                label=_("Days before the transfer"),
                min_value=0,
                initial=item["lead_days"],
                error_messages=DAYS,
            )
            if k not in schedule.REQUIRED:
                self.fields[f"remove_{k}"] = forms.BooleanField(
                    label=_("Remove it"), required=False
                )

    def rows(self):
        return [
            {
                "item": i,
                "title": self[f"title_{i['key']}"],
                "days": self[f"days_{i['key']}"],
                "remove": self[f"remove_{i['key']}"]
                if f"remove_{i['key']}" in self.fields
                else None,
            }
            for i in self.items
        ]

    def new_items(self) -> list[dict]:
        data, found = self.cleaned_data, []
        for i in self.items:
            if not data.get(f"remove_{i['key']}"):
                found.append(
                    i | {"title": data[f"title_{i['key']}"], "lead_days": data[f"days_{i['key']}"]}
                )
        if data.get("new_title"):
            found.append(
                {
                    "key": slugify(data["new_title"])[:50],
                    "title": data["new_title"],
                    "lead_days": data.get("new_lead_days") or 0,
                    "owner_role": "",
                    "citation": "",
                    "href": "",
                    "is_added": True,
                }
            )
        return found


@authority_page(Capability.READ_TRANSITION)
def templates(request, page: AuthorityPage):
    rows = templates_in_force(page.authority)
    context = {
        "access": page.access,
        "rows": rows,
        "can_edit": page.can(Capability.MANAGE_TRANSITION),
        **NAV,
    }
    return render(request, "transition/templates.html", context)


@authority_page(Capability.MANAGE_TRANSITION)
def template_edit(request, page: AuthorityPage, service_type: str):
    if service_type not in schedule.SERVICE_TYPE_LABELS:
        raise Http404("No such service type")
    current, items = template_items(page.authority, service_type, on=page.on)
    form = TemplateForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        try:
            milestone_template_save(
                authority=page.authority,
                service_type=service_type,
                items=form.new_items(),
                reason=form.cleaned_data["reason"],
                on=page.on,
                by=page.actor,
                at=page.at,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            return redirect("transition:templates", code=page.code)
    context = {
        "access": page.access,
        "form": form,
        "current": current,
        "service_type": service_type,
        "label": schedule.SERVICE_TYPE_LABELS[service_type],
        **NAV,
    }
    return render(
        request, "transition/template_edit.html", context, status=400 if form.errors else 200
    )

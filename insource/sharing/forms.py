"""The sharing forms (GOV.UK style through crispy-forms-gds). Forms only parse; the services
check every rule and the views show their refusals on the form."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from insource.sharing.presenters import service_choices, template_row


def _helper(*items) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(*items)
    return helper


class AppraisalPublishForm(forms.Form):
    """The template's title and, line by line, the notes the officer confirms may be shared."""

    title = forms.CharField(
        label=_("Title of the template"),
        help_text=_(
            "Say what service it is for, without names: for example, Household waste "
            "collection, 5 years"
        ),
        max_length=200,
        error_messages={
            "required": _("Enter a title for the template"),
            "max_length": _("Title must be 200 characters or fewer"),
        },
    )
    confirmed = forms.MultipleChoiceField(
        label=_("Which lines' labels and source notes hold no personal data?"),
        help_text=_(
            "Tick each line whose label and source note name no person and give no contact "
            "details. A line you do not tick is shared with its category as its label and "
            "without its source note."
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose lines from the list")},
    )

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirmed"].choices = [
            (str(ln.pk), f"{ln.label}: {ln.spec.get('source', '')}"[:300]) for ln in lines
        ]
        self.helper = _helper(
            Field.text("title", label_size=Size.SMALL),
            Field.checkboxes("confirmed", legend_size=Size.SMALL, small=True),
        )

    def confirmed_pks(self) -> set[int]:
        return {int(pk) for pk in self.cleaned_data["confirmed"]}


class ClausePublishForm(forms.Form):
    """The service the clause suits, and the officer's confirmation."""

    cpv_division = forms.ChoiceField(
        label=_("Which service is this clause for?"),
        help_text=_("Choose Any service if it suits every contract"),
        required=False,
        error_messages={"invalid_choice": _("Choose a service from the list")},
    )
    confirm = forms.BooleanField(
        label=_("The clause's title and text name no person and give no contact details"),
        error_messages={"required": _("Confirm that the clause holds no personal data")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cpv_division"].choices = service_choices()
        self.helper = _helper(
            Field.select("cpv_division", legend_size=Size.SMALL),
            Field.checkbox("confirm", small=True),
        )


class TemplateChoiceForm(forms.Form):
    """Which published template to start from."""

    template = forms.ChoiceField(
        label=_("Which template do you want to start from?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a template"),
            "invalid_choice": _("Choose a template from the list"),
        },
    )

    def __init__(self, *args, templates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [(str(t.pk), _label(t)) for t in templates]
        self.helper = _helper(Field.radios("template", legend_size=Size.SMALL, small=True))


def _label(template) -> str:
    row = template_row(template)
    return _("%(title)s (%(authority)s, %(service)s, shared on %(on)s)") % {
        "title": template.title,
        "authority": row["authority"],
        "service": row["service"],
        "on": row["published"],
    }

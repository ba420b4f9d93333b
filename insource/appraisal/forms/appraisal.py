"""Forms of the appraisal pages: they parse what was typed into the document format's values
(a number, or a range {min, most_likely, max, distribution}); the services decide the rest."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from insource.appraisal.engine.lines import SHARE_FIELDS
from insource.appraisal.presenters import CATEGORY_LABELS, OPTIMISM_CHOICES

RANGES = ("amount", "rate", "growth", "mitigation")
FIELD_ORDER = [
    "version",
    "label",
    "category",
    "kind",
    "amount_min",
    "amount_ml",
    "amount_max",
    "percent_of",
    "rate_min",
    "rate_ml",
    "rate_max",
    "distribution",
    "timing",
    "year",
    "from_year",
    "to_year",
    "growth_min",
    "growth_ml",
    "growth_max",
    "optimism_bias",
    "mitigation_min",
    "mitigation_ml",
    "mitigation_max",
    "charitable_relief",
    "source",
]


def _number(label, **kw):
    return forms.DecimalField(label=label, required=False, max_digits=16, decimal_places=4, **kw)


def range_fields(prefix: str, *, minimum=0) -> dict:
    """Three inputs: minimum, most likely, maximum."""
    return {
        f"{prefix}_min": _number(_("Minimum"), min_value=minimum),
        f"{prefix}_ml": _number(_("Most likely"), min_value=minimum),
        f"{prefix}_max": _number(_("Maximum"), min_value=minimum),
    }


def range_initial(prefix: str, value) -> dict:
    if value is None:
        return {}
    if isinstance(value, dict):
        return {
            f"{prefix}_min": value["min"],
            f"{prefix}_ml": value["most_likely"],
            f"{prefix}_max": value["max"],
        }
    return {f"{prefix}_ml": value}


class RangeMixin:
    """Turns each prefix's three inputs into a number or a range, with GOV.UK errors."""

    def trio(self, prefix: str) -> list:
        """The bound fields minimum, most likely, maximum (for the range template)."""
        return [self[f"{prefix}_{part}"] for part in ("min", "ml", "max")]

    def range_value(self, prefix: str, what, *, required: bool = False):
        c = self.cleaned_data
        low, mode, high = c.get(f"{prefix}_min"), c.get(f"{prefix}_ml"), c.get(f"{prefix}_max")
        if mode is None:
            if required or low is not None or high is not None:
                self.add_error(f"{prefix}_ml", _("Enter the most likely %(what)s") % {"what": what})
            return None
        if (low is None) != (high is None):
            self.add_error(
                f"{prefix}_min" if low is None else f"{prefix}_max",
                _("Enter both the minimum and the maximum, or neither"),
            )
            return None
        if low is None:
            return _plain(mode)
        if not low <= mode <= high:
            self.add_error(
                f"{prefix}_min",
                _(
                    "The minimum must be no more than the most likely, "
                    "and the most likely no more than the maximum"
                ),
            )
            return None
        dist = c.get("distribution") or "pert"
        return {
            "min": _plain(low),
            "most_likely": _plain(mode),
            "max": _plain(high),
            "distribution": dist,
        }


def _plain(d: Decimal):
    return int(d) if d == d.to_integral_value() else float(d)


class SettingsForm(RangeMixin, forms.Form):
    """The appraisal's title, period, price base and general inflation."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": _("Enter a title")}
    )
    term_years = forms.IntegerField(
        label=_("Appraisal period (years)"),
        min_value=1,
        max_value=60,
        help_text=_("The proposed term: service years 1 to this; year 0 is mobilisation"),
    )
    price_base = forms.CharField(
        label=_("Price base"),
        max_length=200,
        required=False,
        help_text=_("For example, 2026-27 prices"),
    )
    distribution = forms.ChoiceField(
        label=_("Shape of the range"),
        choices=(("pert", "PERT"), ("triangular", _("Triangular"))),
        initial="pert",
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(range_fields("deflator", minimum=-10))

    def clean(self):
        cleaned = super().clean()
        self.deflator = self.range_value("deflator", _("general inflation"))
        return cleaned

    def appraisal_fields(self) -> dict:
        c = self.cleaned_data
        return {
            "title": c["title"],
            "term_years": c["term_years"],
            "price_base": c["price_base"],
            "gdp_deflator_pct": self.deflator,
        }


class LineForm(RangeMixin, forms.Form):
    """One cost line: an amount or a percentage of other lines, with ranges and a source."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    label = forms.CharField(
        label=_("What is the cost?"),
        max_length=200,
        error_messages={"required": _("Enter what the cost is")},
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=list(CATEGORY_LABELS.items()),
        error_messages={"required": _("Select a category")},
    )
    kind = forms.ChoiceField(
        label=_("How is it worked out?"),
        widget=forms.RadioSelect,
        initial="amount",
        choices=(
            ("amount", _("An amount in pounds")),
            ("percent", _("A percentage of other lines of this option")),
        ),
    )
    percent_of = forms.MultipleChoiceField(
        label=_("A percentage of which lines?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    distribution = forms.ChoiceField(
        label=_("Shape of the ranges"),
        initial="pert",
        widget=forms.RadioSelect,
        required=False,
        choices=(
            ("pert", _("PERT: most values near the most likely")),
            ("triangular", _("Triangular: more weight towards the ends")),
        ),
    )
    timing = forms.ChoiceField(
        label=_("When does it fall?"),
        widget=forms.RadioSelect,
        initial="annual",
        required=False,
        choices=(("annual", _("Every year")), ("one_off", _("Once"))),
    )
    year = forms.IntegerField(
        label=_("Year (once)"),
        min_value=0,
        max_value=60,
        required=False,
        help_text=_("0 is the year before the service starts"),
    )
    from_year = forms.IntegerField(label=_("From year"), min_value=0, max_value=60, required=False)
    to_year = forms.IntegerField(label=_("To year"), min_value=0, max_value=60, required=False)
    optimism_bias = forms.ChoiceField(
        label=_("Optimism bias"), choices=OPTIMISM_CHOICES, initial="none"
    )
    charitable_relief = forms.BooleanField(
        label=_("A charity occupies the property (80% mandatory rate relief)"), required=False
    )
    source = forms.CharField(
        label=_("Source of the figure"),
        help_text=_("Where the figure comes from: a budget line, a quote, a published source"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Enter where the figure comes from")},
    )

    def __init__(self, *args, others=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["percent_of"].choices = list(others)
        for prefix in RANGES:
            self.fields.update(range_fields(prefix, minimum=-50 if prefix == "growth" else 0))
        self.order_fields(FIELD_ORDER)

    def clean(self):
        cleaned = super().clean()
        percent = cleaned.get("kind") == "percent"
        self.ranges = {
            "amount": self.range_value("amount", _("amount"), required=not percent),
            "rate": self.range_value("rate", _("percentage"), required=percent),
            "growth": self.range_value("growth", _("growth")),
            "mitigation": self.range_value("mitigation", _("mitigation")),
        }
        if percent and not cleaned.get("percent_of"):
            self.add_error("percent_of", _("Select the lines it is a percentage of"))
        for field in ("rate", "mitigation"):
            for part in ("_min", "_ml", "_max"):
                if (cleaned.get(field + part) or 0) > 100:
                    self.add_error(field + part, _("Enter a percentage from 0 to 100"))
        return cleaned

    def spec(self, key: str | None, taken: set[str], keep: dict | None = None) -> dict:
        """The line object of the document (None when the form has errors)."""
        c = self.cleaned_data
        spec = {k: v for k, v in (keep or {}).items() if k in ("nominal_indexation_pct",)}
        spec |= {
            "id": key or _new_key(c["label"], taken),
            "category": c["category"],
            "label": c["label"],
            "source": c["source"].strip(),
        }
        if c["kind"] == "percent":
            field = SHARE_FIELDS.get(c["category"], "rate_pct")
            spec |= {
                "percent_of": list(c["percent_of"]),
                field: self.ranges["rate"],
            }
            spec.pop("nominal_indexation_pct", None)
        else:
            spec["amount_gbp"] = self.ranges["amount"]
            spec |= self._timing(c)
            growth = self.ranges["growth"]
            if growth is not None:
                spec["real_escalation_pct"] = growth
                spec.pop("nominal_indexation_pct", None)
        if c["optimism_bias"] != "none":
            spec["optimism_bias"] = c["optimism_bias"]
            mitigation = self.ranges["mitigation"]
            if mitigation is not None:
                spec["optimism_bias_mitigation_pct"] = mitigation
        if c.get("charitable_relief"):
            spec["charitable_relief"] = True
        return None if self.errors else spec

    @staticmethod
    def _timing(c) -> dict:
        if c.get("timing") == "one_off":
            return {"timing": "one_off", "year": c.get("year") or 0}
        return {k: c[k] for k in ("from_year", "to_year") if c.get(k) is not None}


def _new_key(label: str, taken: set[str]) -> str:
    base = (slugify(label)[:50] or "line").strip("-") or "line"
    base = base if re.match(r"^[a-z0-9]", base) else f"line-{base}"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key

"""Template filters over the plain-words catalogue (ADR 0034): `{{ code|outcome_title }}`,
`{{ "MS6"|standard_title }}`, `{{ codes|standard_titles }}`, `{{ code|flag_title }}`,
`{{ code|status_title }}`, `{{ name|preset_title }}`. A lookup only: pages show the words,
never the code."""

from __future__ import annotations

from django import template

from insource.core import plain_words as plain

register = template.Library()


@register.filter
def outcome_title(code) -> str:
    return str(plain.outcome(code).title)


@register.filter
def standard_title(key) -> str:
    return str(plain.standard(str(key)).title)


@register.filter
def standard_titles(keys) -> str:
    """Several standards' titles, in number order, comma-joined."""
    ordered = sorted(keys or (), key=lambda k: int(str(k)[2:]) if str(k)[2:].isdigit() else 99)
    return ", ".join(str(plain.standard(str(k)).title) for k in ordered)


@register.filter
def flag_title(code) -> str:
    return str(plain.flag(str(code)).title)


@register.filter
def status_title(code) -> str:
    return str(plain.status(code).title)


@register.filter
def preset_title(name) -> str:
    return plain.preset(name)

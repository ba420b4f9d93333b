"""Text in the languages an authority publishes in (ADR 0035): English; or, for an authority
in Wales (Welsh Language Standards), Welsh then English. Notices and emails are made by calling
the same code once per language, so the two versions never drift apart."""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import translation

WELSH = "cy"
ENGLISH = "en-gb"
EMAIL_SEPARATOR = "\n\n" + "-" * 40 + "\n\n"


def publishes_in_welsh(authority) -> bool:
    """Whether the authority publishes in Welsh as well as English (it is in Wales)."""
    return bool(getattr(authority, "publishes_in_welsh", False))


def languages(*, welsh: bool) -> tuple[str, ...]:
    """The languages to publish in, Welsh first when both."""
    return (WELSH, ENGLISH) if welsh else (ENGLISH,)


def each_language(make: Callable[[], object], *, welsh: bool) -> list[tuple[str, str]]:
    """`make()` called once in each language: [(language, text)]."""
    made = []
    for language in languages(welsh=welsh):
        with translation.override(language):
            made.append((language, str(make())))
    return made


def in_languages(make: Callable[[], object], *, welsh: bool, separator: str = " / ") -> str:
    """`make()`'s text in each language, joined (an email subject: "Welsh / English")."""
    return separator.join(text for _language, text in each_language(make, welsh=welsh))


def render_in_languages(template: str, context: dict, *, welsh: bool) -> str:
    """A plain-text template rendered in each language, Welsh first (an email body)."""
    return in_languages(
        lambda: render_to_string(template, context), welsh=welsh, separator=EMAIL_SEPARATOR
    )

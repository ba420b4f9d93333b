"""`<span{% english %}>…</span>`: marks text that stays in English on a page in another
language (a contract's title from the register, the engine's explanation) with `lang="en"`,
so a screen reader reads it as English (WCAG 3.1.2; ADR 0035). On an English page: nothing."""

from __future__ import annotations

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def english() -> str:
    language = translation.get_language() or "en"
    return "" if language.startswith("en") else mark_safe(' lang="en"')

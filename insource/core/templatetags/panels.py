"""`{% panels shown %}`: render the panels a host view collected (`core.panels.collect`), in
order, one line apart, each with its own template and context. It only renders: the contexts
were computed in the view, so nothing here queries (`core/tests/test_panels.py` checks it)."""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, shown) -> str:
    return mark_safe("\n".join(render_panel(context, panel) for panel in shown or ()))


def render_panel(context, panel) -> str:
    """One panel, rendered as an inclusion tag renders: its own context, plus the CSRF token."""
    panel_context = context.new(panel.context)
    csrf_token = context.get("csrf_token")
    if csrf_token is not None:
        panel_context["csrf_token"] = csrf_token
    return context.template.engine.get_template(panel.template).render(panel_context)

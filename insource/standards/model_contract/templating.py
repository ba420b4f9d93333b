"""Clause templates: sandboxed Jinja, filled from plain data, with errors a legal officer reads.

A clause body is a Jinja template (`{{ wage.rate }}`, `{% if term.capacity %}...{% endif %}`)
rendered in Jinja's sandbox with no autoescaping (the output is plain text in the markup of
`markup.py`; the Word and HTML renderers escape it). Every field must exist: a misspelt one is
an error naming the line and the fields there are, never an empty gap. Rates, days and terms
come from the policy parameters through the data, so a typed amount of money or a typed number
of days, weeks, months or years is refused with the field to use instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
TYPED = re.compile(
    r"£\s?\d|\b\d+(\.\d+)?\s*(working\s+)?(days?|weeks?|months?|years?)\b", re.IGNORECASE
)


class ClauseTemplateError(ValueError):
    """A clause template that cannot be used: `line` (or None) and a plain message."""

    def __init__(self, message: str, line: int | None = None):
        self.line, self.message = line, message
        super().__init__(f"Line {line}: {message}" if line else message)


class Fields(dict):
    """A mapping of the data that knows its own path, for plain error messages."""

    def __init__(self, values: Mapping, path: str = ""):
        super().__init__({k: _wrap(v, f"{path}.{k}" if path else k) for k, v in values.items()})
        self.path = path


def _wrap(value, path: str):
    if isinstance(value, Mapping):
        return Fields(value, path)
    if isinstance(value, list):
        return [_wrap(v, f"{path}[]") for v in value]
    return value


class FieldUndefined(StrictUndefined):
    """Undefined that says which field is missing and which fields there are."""

    @property
    def _undefined_message(self) -> str:
        owner, name = self._undefined_obj, self._undefined_name
        if isinstance(owner, Fields):
            known = ", ".join(f"{owner.path}.{k}" for k in sorted(owner))
            return f"“{owner.path}.{name}” is not a field you can use. Use one of: {known}"
        return f"“{name}” is not a field you can use"


def _capfirst(text) -> str:
    text = str(text)
    return text[:1].upper() + text[1:]


ENV = SandboxedEnvironment(
    undefined=FieldUndefined, trim_blocks=True, lstrip_blocks=True, autoescape=False
)
ENV.filters["capfirst"] = _capfirst


def _template_line(error: BaseException) -> int | None:
    line, tb = None, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def check_typed(body: str) -> None:
    """Refuse a typed rate or period outside the template's fields."""
    for number, line in enumerate(body.splitlines(), start=1):
        found = TYPED.search(TAG.sub("", line))
        if found:
            raise ClauseTemplateError(
                f"“{found.group(0)}” is typed into the clause. Rates, days and terms come from "
                "the policy parameters: use a field such as {{ wage.rate }}, "
                "{{ payment.days }} or {{ term.months }} instead, or write a contractual "
                "period in words in square brackets, e.g. [three] months",
                number,
            )


def _keep_line_ends(body: str) -> str:
    """A block tag that ends a line of text keeps that line's newline (`+%}`), so that only
    tags standing on their own line vanish with their line (trim_blocks)."""
    lines = []
    for line in body.split("\n"):
        if line.rstrip().endswith("%}") and TAG.sub("", line).strip():
            stripped = line.rstrip()
            if stripped[-3] not in "+-":
                line = stripped[:-2] + "+%}"
        lines.append(line)
    return "\n".join(lines)


def compile_body(body: str):
    """The compiled template, or a ClauseTemplateError naming the line."""
    try:
        return ENV.from_string(_keep_line_ends(body))
    except TemplateSyntaxError as error:
        raise ClauseTemplateError(
            f"the template syntax is wrong: {error.message}", error.lineno
        ) from None


def fill(body: str, data: Mapping) -> str:
    """The clause filled from `data`; a ClauseTemplateError for any unknown field or error."""
    template = compile_body(body)
    try:
        return template.render(Fields(data))
    except UndefinedError as error:
        raise ClauseTemplateError(error.message or str(error), _template_line(error)) from None
    except SecurityError as error:
        raise ClauseTemplateError(
            f"not allowed in a clause: {error}", _template_line(error)
        ) from None
    except (TypeError, ValueError, ArithmeticError, AttributeError) as error:
        raise ClauseTemplateError(
            f"the template cannot be filled: {error}", _template_line(error)
        ) from None

"""The clause library: the shipped national defaults (one YAML file per clause under
`clauses/`) and the checks every clause template passes before a version is saved.

A candidate is refused, with a message per field, when its key is not a plain identifier, its
part or purpose is not one of ours, its key, purpose, title or text would make it a union
recognition term (MS2: void, TULRCA 1992 s.186), a rate or period is typed instead of taken
from a field, its template syntax is wrong, or filling it with the sample contracts fails.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from ruamel.yaml import YAML

from insource.standards.model_contract import document, ms2, samples
from insource.standards.model_contract.templating import (
    ClauseTemplateError,
    check_typed,
    compile_body,
)

SHIPPED = Path(__file__).parent / "clauses"
KEY = re.compile(r"^[a-z][a-z0-9_]{1,59}$")
PURPOSES = ("general", "MS1", *(f"MS{n}" for n in range(3, 14)))
PARTS = ("definitions", "clause", "schedule")
FIELDS = ("key", "title", "part", "purpose", "position", "body")
# The field a clause carrying a standard must use, so its figure comes from the parameters.
REQUIRED_FIELDS = {
    "MS1": ("wage.agreed_rate", "the Fair Wage rate"),
    "MS4": ("gender_pay.tolerance", "the gender pay gap that calls for an action plan"),
    "MS5": ("term.months", "the length of the Term"),
    "MS6": ("foi.working_days", "the working days to supply information"),
    "MS9": ("kpi.min_count", "the minimum number of KPIs"),
    "MS10": ("payment.days", "the payment period"),
    "MS12": ("tupe.eli_days", "when employee liability information is due"),
}


@dataclass(frozen=True)
class ClauseText:
    """A clause template's content: a shipped default or a legal officer's candidate."""

    key: str
    title: str
    part: str
    purpose: str
    position: int
    body: str
    number: int = 0

    @property
    def sha256(self) -> str:
        return body_sha256(self.body)


def body_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@cache
def shipped() -> tuple[ClauseText, ...]:
    """The national default clauses shipped with Insource, in document order."""
    yaml = YAML(typ="safe")
    clauses = []
    for path in sorted(SHIPPED.glob("*.yaml")):
        doc = yaml.load(path.read_text(encoding="utf-8"))
        clauses.append(ClauseText(**{k: doc[k] for k in FIELDS}))
    return tuple(clauses)


def _field_problems(c: ClauseText) -> dict[str, str]:
    found = {}
    if not KEY.match(c.key or ""):
        found["key"] = (
            "Enter a key of lower-case letters, digits and underscores, starting with a letter"
        )
    if c.part not in PARTS:
        found["part"] = "Choose definitions, clause or schedule"
    if c.purpose.strip().upper() == ms2.PURPOSE or ms2.is_reserved(key=c.key):
        found["purpose" if c.purpose.upper() == ms2.PURPOSE else "key"] = ms2.REFUSAL
    elif c.purpose not in PURPOSES:
        found["purpose"] = "Choose the minimum standard the clause carries, or general"
    if not c.title.strip():
        found["title"] = "Enter the clause title"
    elif ms2.offending_sentence(c.title):
        found["title"] = ms2.REFUSAL
    if not c.body.strip():
        found["body"] = "Enter the clause text"
    return found


def _missing_field(c: ClauseText) -> str | None:
    name, what = REQUIRED_FIELDS.get(c.purpose, (None, ""))
    if c.part != "clause" or name is None or re.search(r"\b" + re.escape(name) + r"\b", c.body):
        return None
    return f"A clause carrying {c.purpose} must state {what}: use {{{{ {name} }}}} in its text"


def _body_problem(candidate: ClauseText, library) -> str | None:
    if ms2.offending_sentence(candidate.body):
        return ms2.REFUSAL
    if _missing_field(candidate):
        return _missing_field(candidate)
    try:
        check_typed(candidate.body)
        compile_body(candidate.body)
    except ClauseTemplateError as error:
        return str(error)
    clauses = [c for c in library if c.key != candidate.key] + [
        replace(candidate, number=candidate.number or 1)
    ]
    for data in samples.sample_data():
        try:
            document.fill_clause(candidate, document.context(clauses, data))
        except document.ClauseRefused as error:
            return str(error).split(": ", 1)[1]
    return None


def problems(candidate: ClauseText, library) -> dict[str, str]:
    """Field -> message for everything wrong with a candidate clause (empty when it is fine).
    `library` is the authority's current clauses, so cross-references can be checked."""
    found = _field_problems(candidate)
    if "body" not in found and not ({"key", "purpose", "title"} & set(found)):
        body = _body_problem(candidate, library)
        if body:
            found["body"] = body
    return found

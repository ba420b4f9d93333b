"""What the review pages show, shaped from selectors' rows and the stored evaluation.

Presentation only: labels, grouping, pagination. Nothing here decides anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from insource.authorities.roles import Capability
from insource.core import panels
from insource.core import plain_words as plain
from insource.policy.facts_fields import label as fact_label
from insource.policy.outcomes import OUTCOMES
from insource.policy.reasons import decided_sentence, ground_sentences, outcome_sentence
from insource.policy.rules import REGISTRY
from insource.policy.standards import IDS as STANDARD_RULES
from insource.reviews.decisions.explanation import plain_text
from insource.reviews.selectors import reviews as selectors
from insource.reviews.services.decisions import decision_current
from insource.reviews.services.evaluation import register_facts_of, review_prerequisites
from insource.reviews.services.states import edit_refusal
from insource.reviews.workflow.checks import workflow_warnings
from insource.reviews.workflow.prerequisites import PLANNED
from insource.reviews.workflow.questions import QUESTIONS, TOPICS, Topic
from insource.reviews.workflow.timing import lateness

# The catalogue's words (ADR 0034), under the names the pages already use.
STATUS_LABELS = {code: words.title for code, words in plain.STATUSES.items()}
STANDARD_STATUS = {code: words.title for code, words in plain.STANDARD_STATUSES.items()}
SHOW_CHOICES = (
    ("open", _("Unsigned")),
    ("late", _("Late")),
    ("at-risk", _("At risk of lateness")),
    ("awaiting-decision", _("Awaiting decision")),
    ("decided", _("Decided, not yet published")),
    ("published", _("Published")),
    ("all", _("All")),
)
LATENESS = {"late": _("Late"), "at-risk": _("At risk of lateness")}
TAG_COLOURS = {"late": "red", "at-risk": "orange"}


def outcome_text(code: str | None) -> str:
    """What an outcome means (never why: that is the deciding rule's, `decision_outcome_text`)."""
    return OUTCOMES.get(code or "", str(_("No recommendation yet")))


def outcome_title(code: str | None) -> str:
    """An outcome's short plain title, for lists (the catalogue's; never the code)."""
    return str(plain.outcome(code).title) if code else str(_("No recommendation yet"))


def decision_outcome_text(decision) -> str:
    """A signed decision's outcome, with the reason of the rule that established it when the
    engine established it (insource.policy.reasons.decided_sentence)."""
    return decided_sentence(decision.outcome, decision.result or {}) or outcome_text(None)


def label_of(path: str) -> str:
    question = QUESTIONS.get(path)
    return str(question.label) if question else fact_label(path).capitalize()


@dataclass
class TaskItem:
    topic: Topic
    status: str
    answered: int
    total: int
    disputed: int


def _task_items(review) -> list[TaskItem]:
    answers = {a.path: a for a in review.answers.all()}
    items = []
    for topic in TOPICS:
        paths = [q.path for q in topic.questions]
        answered = sum(1 for p in paths if p in answers)
        disputed = sum(1 for p in paths if p in answers and answers[p].is_disputed)
        status = (
            "completed" if answered == len(paths) else "in-progress" if answered else "not-started"
        )
        items.append(TaskItem(topic, status, answered, len(paths), disputed))
    return items


def standards_rows(result: dict) -> list[dict]:
    """MS1–MS13 in number order (stored JSON has its keys sorted as text)."""
    standards = result.get("standards") or {}
    return [
        {
            "id": key,
            "number": int(key[2:]),
            "title": plain.standard(key).title,
            "sentence": plain.standard(key).sentence,
            "label": REGISTRY[STANDARD_RULES[key]].label.split(" ", 1)[1],
            "status": value["status"],
            "status_label": STANDARD_STATUS.get(value["status"], value["status"]),
            "reason": plain_text(value["reason"]),
            "mandatory": value["mandatory"],
        }
        for key, value in sorted(standards.items(), key=lambda kv: int(kv[0][2:]))
    ]


def threshold_rows(threshold: dict | None, nature: str | None = None) -> list[dict]:
    """The thresholds the engine read, each with its amount, the kind of contract it is the
    limit for in words (the contract's `nature` picks goods or services), citation text, link
    and date."""
    rows = []
    for option in (threshold or {}).get("options", []):
        text, _sep, href = option["citation"].partition(" <")
        rows.append(
            {
                "nature": plain.threshold_kind(option["nature"], nature),
                "value": option["value"],
                "citation": text,
                "href": href.rstrip(">"),
                "from": option["from"],
            }
        )
    return rows


def recommendation(result: dict) -> dict:
    """The side panel: outcome, status, what is missing, prerequisites, flags, explanation."""
    return {
        "outcome": result.get("outcome"),
        "outcome_text": outcome_sentence(result) or outcome_text(None),
        "status": result.get("status"),
        "status_label": STATUS_LABELS.get(result.get("status"), result.get("status")),
        "missing": [{"path": p, "label": label_of(p)} for p in result.get("missing_evidence", [])],
        "claims": [
            c | {"title": plain.outcome(c["ground"]).title}
            for c in result.get("incomplete_claims", [])
        ],
        "prerequisites": result.get("prerequisites", []),
        "flags": [f | {"title": plain.flag(f["code"]).title} for f in result.get("flags", [])],
        "disputed": [label_of(p) for p in result.get("disputed", [])],
        "standards": standards_rows(result),
        "standards_apply": any(
            s["status"] != "not_applicable" for s in (result.get("standards") or {}).values()
        ),
        "explanation": result.get("explanation", ""),
        "error": result.get("error", ""),
        "grounds": ground_sentences(result),
        "candidates": result.get("candidates", []),
    }


def review_lateness_tag(point_on: date | None, is_signed, on: date) -> dict | None:
    """The late / at-risk tag of a review's decision point, or None (signed, or no review)."""
    if point_on is None:
        return None
    found = lateness(point_on=point_on, is_signed=bool(is_signed), on=on)
    return (
        {"code": found, "label": LATENESS[found], "colour": TAG_COLOURS[found]} if found else None
    )


def _lateness(review, on: date) -> dict | None:
    return review_lateness_tag(review.decision_point_on, review.is_signed, on)


def prerequisites_panel(review, on: date) -> dict | None:
    """What the panel says about the prerequisites, from the one check "Send for decision" and
    signing use: against the planned date (today once it has passed), and whether signing today
    instead would give another answer. None once signed, or before the engine has run."""
    evaluation = review.evaluation or {}
    if review.is_signed or "facts" not in evaluation or evaluation.get("result", {}).get("error"):
        return None
    facts, result = evaluation["facts"], evaluation.get("result")
    check = review_prerequisites(review, on=on, facts=facts, result=result)
    today = None
    if check.basis == PLANNED and check.checked_on != on:
        signing = review_prerequisites(review, on=on, signing=True, facts=facts)
        today = signing if signing.items != check.items else None
    return {"check": check, "items": check.items, "signing_today": today}


def review_page(access, review, on: date) -> dict:
    result = review.evaluation.get("result", {})
    decision = decision_current(review)
    prereq = prerequisites_panel(review, on)
    rec = recommendation(result)
    if prereq is not None:
        rec["prerequisites"] = prereq["items"]
    can = {c.value.replace("-", "_"): access.can(c) for c in Capability}
    return {
        "access": access,
        "can": can,
        "review": review,
        "contract": review.contract,
        "lateness": _lateness(review, on),
        "tasks": _task_items(review),
        "warnings": workflow_warnings(dict(review.answers.values_list("path", "value")), on=on),
        "rec": rec,
        "prereq": prereq,
        "lock": edit_refusal(review),
        "decision": decision,
        "decisions": list(review.decisions.select_related("signer").order_by("-signed_at")),
        "evidence": [(e, label_of(e.path)) for e in review.evidence.select_related("added_by")],
        "comments": list(review.comments.select_related("author")),
        "statuses": list(review.statuses.all()),
        "panels": panels.collect(
            "review.page", review=review, contract=review.contract, on=on, can=can
        ),
        "decision_panels": panels.collect("review.decision", review=review, on=on)
        if decision
        else [],
        "on": on,
        "nav_reviews": True,
    }


def topic_values(review, topic: Topic, on: date) -> tuple[dict, dict]:
    """The values the topic's form starts from (answers over the register), and the disputes."""
    preset = review.authority.policy_preset or "labour-2019-local"
    values = register_facts_of(review.contract, on, preset)
    disputed = {}
    for answer in review.answers.filter(path__in=[q.path for q in topic.questions]):
        values[answer.path] = answer.value
        if answer.is_disputed:
            disputed[answer.path] = answer.dispute_note
    return values, disputed


def evidence_choices(topic: Topic) -> list[tuple[str, str]]:
    extra = [(p, str(fact_label(p)).capitalize()) for p in topic.evidence_paths]
    return extra + [(q.path, str(q.label)) for q in topic.questions]


def topic_page(access, review, topic: Topic, form, on: date) -> dict:
    register = register_facts_of(review.contract, on, review.authority.policy_preset)
    prereq = prerequisites_panel(review, on)
    rec = recommendation(review.evaluation.get("result", {}))
    if prereq is not None:
        rec["prerequisites"] = prereq["items"]
    return {
        "access": access,
        "review": review,
        "topic": topic,
        "form": form,
        "register": {label_of(p): v for p, v in register.items() if topic.question(p)},
        "evidence": [(e, label_of(e.path)) for e in review.evidence.all() if e.topic == topic.slug],
        "rec": rec,
        "prereq": prereq,
        "lateness": _lateness(review, on),
        "lock": edit_refusal(review),
        "can_edit": access.can(Capability.EDIT_REVIEW) and edit_refusal(review) is None,
        "can_read_evidence": access.can(Capability.READ_EVIDENCE),
        "nav_reviews": True,
    }


def authority_page(access, rows, *, on: date, show: str, query: str, page) -> dict:
    paginator = Paginator(rows, 50)
    current = paginator.get_page(page)
    items = [
        {
            "review": r,
            "lateness": _lateness(r, on),
            "outcome": (r.evaluation.get("result") or {}).get("outcome"),
            "outcome_title": outcome_title((r.evaluation.get("result") or {}).get("outcome")),
            "status": STATUS_LABELS.get((r.evaluation.get("result") or {}).get("status"), ""),
        }
        for r in current.object_list
    ]
    return {
        "access": access,
        "authority": access.authority,
        "counts": selectors.review_counts(authority=access.authority, on=on),
        "items": items,
        "page": current,
        "page_range": paginator.get_elided_page_range(current.number),
        "show": show,
        "show_choices": SHOW_CHOICES,
        "query": query,
        "can_adopt": access.can(Capability.ADOPT_POLICY),
        "nav_reviews": True,
    }

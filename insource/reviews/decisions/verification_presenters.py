"""A decision's verification in plain words, for the public "Check this decision" page."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from insource.core import plain_words as plain
from insource.policy.outcomes import OUTCOMES
from insource.reviews.presenters import STATUS_LABELS

FIELDS = {
    "outcome": gettext_lazy("The outcome the policy gives"),
    "recommended_outcome": gettext_lazy("The recommendation recorded with the decision"),
    "status": gettext_lazy("Whether the recommendation was complete"),
    "engine_status": gettext_lazy("The recommendation's status recorded with the decision"),
    "grounds": gettext_lazy("The grounds for the outcome"),
    "trace_hash": gettext_lazy("The findings of the rules (the trace)"),
    "policy_version": gettext_lazy("The policy version"),
    "evaluation": gettext_lazy("Evaluating the stored facts again"),
}


def _words(key: str, value) -> str:
    if value is None or value == "":
        return str(_("none"))
    if key in ("outcome", "recommended_outcome"):
        return OUTCOMES.get(value, value)
    if key in ("status", "engine_status"):
        return str(STATUS_LABELS.get(value, value))
    if key == "grounds":
        return "; ".join(OUTCOMES.get(g["ground"], g["ground"]) for g in value) or str(_("none"))
    return str(value)


def _row(key: str, diff: dict, labels: dict) -> dict:
    if key == "policy_version":
        said = _(
            "The policy version this decision was made under is not available here, so it "
            "cannot be checked."
        )
        return {"field": str(FIELDS[key]), "stored": said, "reproduced": ""}
    if key == "evaluation":
        return {
            "field": str(FIELDS[key]),
            "stored": _("The stored facts could not be evaluated again: %(error)s")
            % {"error": diff.get("error", "")},
            "reproduced": "",
        }
    if key == "trace_hash":
        rules = [labels.get(r, r) for r in diff.get("rules", ())]
        return {
            "field": str(FIELDS[key]),
            "stored": _("Different findings for: %(rules)s") % {"rules": "; ".join(rules)},
            "reproduced": "",
        }
    return {
        "field": str(FIELDS.get(key, key)),
        "stored": _words(key, diff.get("stored")),
        "reproduced": _words(key, diff.get("reproduced")),
    }


def verification_page(decision, found: dict) -> dict:
    """The page's content: reproduced or not, the policy version, and each difference."""
    labels = {e["id"]: e["label"] for e in decision.result.get("trace", [])}
    version = found["policy_version"]
    return {
        "decision": decision,
        "reproduced": found["reproduced"],
        "preset": plain.preset(version.get("preset")),  # in words: the code is in the JSON
        "version": version.get("version", ""),
        "hash": version.get("hash", ""),
        "rows": [_row(k, d, labels) for k, d in found["differences"].items()],
    }

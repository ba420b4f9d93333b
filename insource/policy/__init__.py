"""Insource's policy engine: the insourcing review of POLICY.md §2–§4 as rules as code.

A pure Python library: no Django, no clock, no database, no settings. Facts in, decision out:

    from insource.policy import evaluate
    decision = evaluate({"decision_on": "2026-06-01", "contract": {...}})
    decision.outcome, decision.status, decision.to_json()
"""

from insource.policy.engine import evaluate
from insource.policy.errors import FactsError, ParameterError, PolicyError, PresetError

__all__ = ["FactsError", "ParameterError", "PolicyError", "PresetError", "evaluate"]

"""The rule base. Importing this package registers every rule (see `base.REGISTRY`)."""

from insource.policy.rules import (  # noqa: F401
    at_risk,
    flags,
    gateway,
    legal,
    ppn024,
    procedure,
    public_interest,
    standards,
    standards_more,
    tracks,
    value,
)
from insource.policy.rules.base import REGISTRY, Rule, rule

__all__ = ["REGISTRY", "Rule", "rule"]

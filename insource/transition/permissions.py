"""What a member may do on a transition plan, from their capabilities: one function each, read
by the pages (what to offer) and the services (what to accept)."""

from __future__ import annotations

from insource.authorities.roles import Capability

OFFICER_KINDS = ("meeting", "issue", "response", "comment")
REPRESENTATIVE_KINDS = ("issue", "comment")


def consultation_kinds(capabilities) -> tuple[str, ...]:
    """The consultation entries a member may add: officers running the transition record
    meetings and the council's responses; representatives raise issues and comment."""
    if Capability.MANAGE_TRANSITION in capabilities:
        return OFFICER_KINDS
    if Capability.COMMENT_TRANSITION in capabilities:
        return REPRESENTATIVE_KINDS
    return ()


def sees_rows(capabilities) -> bool:
    """Whether a member sees the liability rows (personal data) and the per-role comparison:
    the workforce capability only; everyone else sees aggregates."""
    return Capability.READ_WORKFORCE in capabilities

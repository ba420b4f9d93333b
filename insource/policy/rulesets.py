"""Rule-set versions: every release of the rules that has ever decided something stays loadable.

A rule-set version is the set of *amendments* in force in it. A change to how the rules decide
is never made in place: it is a named amendment, switched on from a new version, so evaluating
under an older version (`evaluate(..., ruleset="2026.1")`) gives exactly what that version gave.
New evaluations always use `CURRENT`. Amendments are cumulative: each version lists every one.
See docs/adr/0018-policy-versions-and-verification.md.
"""

from __future__ import annotations

from insource.policy.errors import PresetError

#: 2026.2 (issue 15): a preset applies as a whole from the date it comes into force; the legal
#: pre-check decides when only the public-public question is open.
AMENDMENTS = {
    "preset_whole_from_date": "A facts document dated before its preset comes into force is "
    "refused, whatever its facts.",
    "legal_precheck_open_counterparty": "When the function cannot be contracted out and only "
    "the public-public question is open, the outcome is INSOURCE_LEGAL_REQUIREMENT, incomplete.",
}
RULESETS: dict[str, frozenset[str]] = {
    "2026.1": frozenset(),
    "2026.2": frozenset({"preset_whole_from_date", "legal_precheck_open_counterparty"}),
}
CURRENT = "2026.2"
PREFIX = "insource-policy "


def amendments(version: str) -> frozenset[str]:
    """The amendments in force in a rule-set version (a clear error for an unknown one)."""
    try:
        return RULESETS[version]
    except KeyError:
        raise PresetError(
            f"there is no rule-set version {version!r}: known versions are "
            f"{', '.join(sorted(RULESETS))}"
        ) from None


def label(version: str) -> str:
    """The version as a decision records it: `insource-policy 2026.2`."""
    return PREFIX + version


def parse_label(text: str) -> str:
    """The rule-set version from a decision's `policy_version.version`."""
    return str(text).removeprefix(PREFIX).strip()

"""The plain-words catalogue (ADR 0034): what every engine code means, in words a resident reads.

Every outcome, status, flag, minimum standard (MS1–MS13), public interest test criterion
(T1–T10), rule and result the engine can give has a short title and one plain sentence here, and
nowhere else. Pages, packs, emails and CSVs meant for people show these words; the codes stay in
the machine-readable trace (the API, JSON and OCDS) and in an officer's detail view. An unknown
code is never shown: it falls back to neutral words. Every string is marked for translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Words:
    title: str | Promise
    sentence: str | Promise = ""


IN_HOUSE = _("The council should run the service itself")
MAY_STAY = _("The service may stay with a contractor")
NOT_COVERED = _("The review does not apply")

OUTCOMES: dict[str, Words] = {
    "INSOURCE_LEGAL_REQUIREMENT": Words(
        _("The council must run the service itself"),
        _("The law does not let the council pay someone else to run this service."),
    ),
    "EXEMPT_NOT_RELEVANT_CONTRACT": Words(
        NOT_COVERED,
        _("The policy does not cover this kind of contract, such as one that only buys goods."),
    ),
    "EXEMPT_PUBLIC_PUBLIC": Words(
        NOT_COVERED,
        _("Another public body already runs this service, so it is already in public hands."),
    ),
    "EXEMPT_BELOW_THRESHOLD": Words(
        NOT_COVERED,
        _("The contract is worth less than the amount the policy starts at."),
    ),
    "INSOURCE_AT_RISK_GUIDANCE": Words(
        IN_HOUSE,
        _("The service is for people at risk, so the council should run it with its own staff."),
    ),
    "INSOURCE_STATUTORY_PRESUMPTION": Words(
        IN_HOUSE,
        _(
            "The policy says a council should run its own services unless there is a good "
            "reason not to, and no such reason was shown."
        ),
    ),
    "OUTSOURCE_GOOD_REASON_RISK_MITIGATION": Words(
        MAY_STAY,
        _("A contractor can keep the risks to people lower than the council could."),
    ),
    "OUTSOURCE_GOOD_REASON_CAPACITY": Words(
        _("The service may stay with a contractor for a set time"),
        _(
            "The council cannot yet run the service, even with help. It must look again "
            "by a set date."
        ),
    ),
    "OUTSOURCE_GOOD_REASON_SEPARATION": Words(
        MAY_STAY,
        _("The service needs to be kept apart from the council, so a contractor may run it."),
    ),
    "OUTSOURCE_PUBLIC_INTEREST_TEST_MET": Words(
        MAY_STAY,
        _("A contractor passed every part of the public interest test."),
    ),
    "OUTSIDE_PRESUMPTION_SPECIALIST_CARE": Words(
        _("The usual rule does not apply to this care service"),
        _(
            "This is specialist social care, so the rule that the council should run its own "
            "services does not apply."
        ),
    ),
    "CONSIDER_INSOURCING": Words(
        _("The buyer should think about running the service itself"),
        _("Government guidance (PPN 024) asks the buyer to think about running it in house."),
    ),
    "NOT_IN_SCOPE": Words(
        _("There is no need to think about running the service in house"),
        _("Government guidance (PPN 024) does not cover this contract."),
    ),
}
NO_OUTCOME = Words(
    _("No outcome yet"),
    _("The engine has not reached an outcome: a person must look at it."),
)

# The state of the engine's recommendation (a decision's `status`).
STATUSES: dict[str, Words] = {
    "decided": Words(
        _("Recommendation complete"),
        _("The recommendation is complete. A named person now decides."),
    ),
    "incomplete": Words(
        _("Not complete yet"),
        _("Some facts are still missing, and they could change the outcome."),
    ),
    "blocked_until_standards_met": Words(
        _("Blocked until the standards are met"),
        _("The contract cannot be let until its terms meet every standard that must be met."),
    ),
    "conflict": Words(
        _("A person must choose"),
        _("The council's own rules point different ways here, so a person must choose."),
    ),
    "error": Words(
        _("Cannot be worked out"),
        _("The facts could not be read, so no outcome can be given yet."),
    ),
}

# What the engine says about one test, and about one minimum standard.
RESULTS: dict[str, Words] = {
    "holds": Words(_("Applies")),
    "does not hold": Words(_("Does not apply")),
    "unknown": Words(_("Not known yet")),
}
DECIDES = Words(_("Applies: this decides the outcome"))
STARTING_POINT = Words(
    _("The starting point"),
    _("The council runs its own services unless one of the tests below says otherwise."),
)
STANDARD_STATUSES: dict[str, Words] = {
    "met": Words(_("Met")),
    "unmet": Words(_("Not met")),
    "unknown": Words(_("Not known yet")),
    "due_at_award": Words(_("Checked when the contract is let")),
    "not_applicable": Words(_("Does not apply")),
    "void_in_law": Words(_("Needs a change in the law")),
}

# The flags a recommendation may carry.
FLAGS: dict[str, Words] = {
    "LATE_REVIEW": Words(_("Late review"), _("The review started later than the policy asks for.")),
    "PROCUREMENT_STARTED": Words(
        _("Buying had already started"),
        _("The council had already started to buy the service when the review began."),
    ),
    "RECHECK_THRESHOLD": Words(
        _("Check the value limit again"),
        _("The value limit may change before the contract starts, so check it again then."),
    ),
    "VOLUNTARY_REVIEW_RECOMMENDED": Words(
        _("A review is worth doing anyway"),
        _("The policy does not require a review, but one is worth doing."),
    ),
    "STAFF_TRANSFER": Words(
        _("Staff will move"),
        _("Staff will move to the new employer, and the law protects their jobs and pay."),
    ),
    "RIGHT_TO_CHALLENGE": Words(
        _("Community right to challenge"),
        _("A local group has asked to run the service, and the council must answer it."),
    ),
    "REMOVE_VOID_TERM": Words(
        _("Remove a term the law does not allow"),
        _("The contract has a term the law does not allow, and it must come out."),
    ),
    "RE_REVIEW_TOO_LATE": Words(
        _("The next review is too late"),
        _("The date set to look again is too far off, so this good reason does not hold."),
    ),
}

# The minimum standards a contract that stays with a contractor must meet (POLICY.md §4).
STANDARDS: dict[str, Words] = {
    "MS1": Words(_("Fair wage"), _("Staff are paid at least the real Living Wage.")),
    "MS2": Words(_("Trade union recognition"), _("The contractor deals with the staff's union.")),
    "MS3": Words(_("Local jobs and suppliers"), _("The contract helps local jobs and firms.")),
    "MS4": Words(_("Gender pay check"), _("The contractor checks the pay of men and women.")),
    "MS5": Words(_("A time limit"), _("The contract ends by a set date.")),
    "MS6": Words(_("Freedom of information"), _("People can ask for the contractor's facts.")),
    "MS7": Words(_("Human rights"), _("The contractor must respect human rights.")),
    "MS8": Words(_("One workforce"), _("New staff get the same terms as those who moved.")),
    "MS9": Words(_("Measures published"), _("How well the work is done is measured and shown.")),
    "MS10": Words(_("Paying on time"), _("The contractor pays its own suppliers on time.")),
    "MS11": Words(_("A fit contractor"), _("The contractor is not barred from public work.")),
    "MS12": Words(_("Ready to come home"), _("The council can take the service back with ease.")),
    "MS13": Words(_("The model contract"), _("The contract uses the model terms.")),
}

# The public interest test's criteria (POLICY.md §3), shown by name and in number order.
CRITERIA: dict[str, Words] = {
    "T1": Words(
        _("Clear results"), _("What the service must achieve can be set out and measured.")
    ),
    "T2": Words(_("Enough providers"), _("There are enough firms to choose from.")),
    "T3": Words(_("The council can manage it"), _("The council can manage the contract well.")),
    "T4": Words(_("Better value"), _("A contractor gives better value over the whole term.")),
    "T5": Words(_("Better quality"), _("A contractor gives a better service than the council.")),
    "T6": Words(_("Not a core service"), _("The council does not need close control of it.")),
    "T7": Words(_("Room to change"), _("The service can still be changed when needs change.")),
    "T8": Words(_("Nothing lost by splitting"), _("Little is lost by running it apart.")),
    "T9": Words(_("Good for the area"), _("The area gains at least as many jobs and benefits.")),
    "T10": Words(_("A good record"), _("The contractor has a good record of doing the work.")),
}
CRITERION_RESULTS: dict[object, Words] = {
    True: Words(_("Passed")),
    False: Words(_("Failed")),
    None: Words(_("Not known yet")),
}

# Which value limit (threshold) applied, by the kind of contract it is for: the engine keys one
# limit "supplies_services" for both, so the contract's own nature picks the words.
THRESHOLD_KINDS: dict[str, str | Promise] = {
    "services": _("the limit for contracts for services"),
    "goods": _("the limit for contracts for goods"),
    "supplies_services": _("the limit for contracts for goods or services"),
    "works": _("the limit for contracts for building or engineering works"),
    "light_touch": _("the limit for contracts for care and other personal services"),
    "concession": _("the limit for concession contracts"),
    "light_touch_concession": _(
        "the limit for concession contracts for care and other personal services"
    ),
}

# Each test of the policy, by the engine's rule id (custom rules keep the council's own label).
RULES: dict[str, Words] = {
    "legal.cannot_contract_out": Words(_("The law says the council must run it")),
    "gateway.not_relevant_contract": Words(_("A kind of contract the policy does not cover")),
    "gateway.public_public": Words(_("Already run by the public sector")),
    "gateway.below_threshold": Words(_("Worth less than the amount the policy starts at")),
    "at_risk.assessment": Words(_("People at risk")),
    "track.at_risk_default": Words(_("A service for people at risk")),
    "track.statutory_presumption": Words(_("The council should run its own services")),
    "track.risk_mitigation": Words(_("Good reason: a contractor keeps risks lower")),
    "track.capacity": Words(_("Good reason: the council cannot run it yet")),
    "track.separation": Words(_("Good reason: it must be kept apart from the council")),
    "track.public_interest_test": Words(_("The public interest test")),
    "track.specialist_care": Words(_("Specialist social care")),
    "ppn024.at_or_below_threshold": Words(_("Worth less than the guidance's amount")),
    "ppn024.excluded": Words(_("A kind of contract the guidance leaves out")),
    "ppn024.consider": Words(_("Covered by the guidance")),
}


# The policy presets an authority adopts (insource/policy/presets/*.yaml), by name.
PRESETS = {
    "labour-2019-local": _("Labour 2019 local insourcing"),
    "ppn-024-consider": _("PPN 024, consider insourcing (central government)"),
    "custom": _("its own parameters and rules"),
}
OWN_PRESET = _("its own parameters and rules")


def preset(name: str | None) -> str:
    """A preset's name in words; an authority's own preset file is its own parameters."""
    return str(PRESETS.get(name or "", OWN_PRESET))


def outcome(code: str | None) -> Words:
    return OUTCOMES.get(code or "", NO_OUTCOME)


def status(code: str | None) -> Words:
    return STATUSES.get(code or "", STATUSES["error"])


def result(code: str | None) -> Words:
    return RESULTS.get(code or "", RESULTS["unknown"])


def flag(code: str) -> Words:
    return FLAGS.get(code, Words(_("A note"), ""))


def standard(key: str) -> Words:
    return STANDARDS.get(key, Words(_("A minimum standard")))


def standard_status(code: str | None) -> Words:
    return STANDARD_STATUSES.get(code or "", STANDARD_STATUSES["unknown"])


def criterion(key: str) -> Words:
    return CRITERIA.get(key, Words(_("Another test")))


def criterion_result(value) -> Words:
    return CRITERION_RESULTS.get(value, CRITERION_RESULTS[None])


def rule(rule_id: str, label: str = "") -> Words:
    """A test's name: the catalogue's, else (an authority's own rule) the label it was given."""
    return RULES.get(rule_id) or Words(label or _("A rule of the council's own"))


def threshold_kind(option: str, nature: str | None = None) -> str | Promise:
    """The words for a threshold option ("supplies_services", or "central.works" when the
    authority's category was unknown), given the contract's nature when it is known."""
    kind = option.rsplit(".", 1)[-1]
    if kind == "supplies_services" and nature in ("services", "goods"):
        kind = nature
    return THRESHOLD_KINDS.get(kind, THRESHOLD_KINDS["supplies_services"])


def criterion_number(key: str) -> int:
    """T1..T10 in number order (the stored JSON sorts its keys as text: T1, T10, T2…)."""
    digits = key.lstrip("T")
    return int(digits) if digits.isdigit() else 10**6

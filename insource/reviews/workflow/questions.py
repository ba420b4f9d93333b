"""The review's question pages: one topic per page, covering every fact of the facts document
(POLICY.md §2 "Inputs") and the workflow details the review records beside them.

A question whose path is a field of `insource.policy.facts_fields` feeds the engine; the others
(paths under `workflow.`) are recorded, checked and published but never decide an outcome.
Pure data: no database.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from insource.policy.facts_fields import BY_PATH

YES_NO = (("true", _("Yes")), ("false", _("No")))
FROM_APPRAISAL = _(
    "Filled in by the review's options appraisal once it has been run: its latest run replaces "
    "anything typed here."
)
CAPACITY_LEVELS = (
    ("sufficient", _("Sufficient now")),
    ("with-support", _("Sufficient with the support measures")),
    ("insufficient", _("Insufficient even with support")),
)
# The subsidiarity and openness test (the CCIN submission; ADR 0036): recorded, published in the
# decision pack, never deciding the outcome.
CLOSER_ANSWERS = (
    ("yes", _("Yes")),
    ("partly", _("Partly")),
    ("no", _("No")),
)
CLOSER_LEVELS = (
    ("parish", _("A parish or town council")),
    ("neighbourhood", _("A neighbourhood")),
    ("community", _("A community organisation")),
    ("users", _("The people who use it themselves")),
    ("authority", _("No one closer than the authority")),
)
INVOLVED_ANSWERS = (
    ("all", _("Yes: residents, users and staff")),
    ("some", _("Some of them")),
    ("none", _("No")),
)
CAPACITY_DIMENSIONS = (
    ("staff", _("Staff and recruitment")),
    ("skills", _("Skills and management")),
    ("assets", _("Assets: depot, fleet, equipment, buildings")),
    ("systems", _("Systems and data")),
    ("finance", _("Finance and budget")),
)


@dataclass(frozen=True)
class Question:
    path: str
    kind: str  # bool, date, money, decimal, int, enum, text, textarea, cpv, strlist
    label: str
    hint: str = ""
    choices: tuple = ()

    @property
    def feeds_engine(self) -> bool:
        return self.path in BY_PATH


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    intro: str
    questions: tuple[Question, ...]
    evidence_paths: tuple[str, ...] = ()

    def question(self, path: str) -> Question | None:
        return next((q for q in self.questions if q.path == path), None)


CHOICE_LABELS = {
    "inc": _("Includes VAT"),
    "exc": _("Excludes VAT"),
    "unknown": _("Not stated"),
    "private": _("A private company"),
    "vcse": _("A charity, social enterprise or community group (VCSE)"),
    "mutual": _("A mutual"),
    "public-authority": _("Another public authority"),
    "authority-controlled": _("A company the authority controls"),
    "services": _("Services"),
    "works": _("Works"),
    "goods": _("Goods (supplies)"),
    "concession": _("Concession"),
    "framework": _("Framework agreement"),
}


TERM_LABELS = {
    "proposed_terms.fair_wage_rate_gbp": _("Hourly wage rate in the proposed terms (£)"),
    "proposed_terms.max_term_months": _("Maximum term, with extensions (months)"),
    "proposed_terms.num_kpis": _("Number of key performance indicators"),
    "proposed_terms.prompt_payment_days": _("Payment terms down the supply chain (days)"),
    "proposed_terms.provider_excluded": _("Is the provider excluded or debarred?"),
    "proposed_terms.gender_pay_audit": _(
        "Do the proposed terms include an annual gender pay audit?"
    ),
    "proposed_terms.uses_model_contract": _("Do the proposed terms use the model contract?"),
}


def _term_label(path: str) -> str:
    """'Do the proposed terms include a …?' for a yes/no term."""
    return TERM_LABELS.get(path) or _("Do the proposed terms include %(what)s?") % {
        "what": BY_PATH[path].label
    }


def _default_hint(field) -> str:
    """What 'Not known' counts as, for a fact with a policy default (POLICY.md §2 Inputs)."""
    if field.default is None or field.kind not in ("bool", "enum"):
        return ""
    shown = {True: _("Yes"), False: _("No")}.get(
        field.default, CHOICE_LABELS.get(field.default, field.default)
    )
    return str(_("Not known counts as: %(value)s")) % {"value": shown}


def _engine(path: str, label=None, hint: str = "", kind=None) -> Question:
    field = BY_PATH[path]
    extra = _default_hint(field)
    hint = format_lazy("{} {}", hint, extra) if hint and extra else hint or extra
    choices = tuple((c, CHOICE_LABELS.get(c, c.capitalize())) for c in field.choices)
    return Question(path, kind or field.kind, label or field.label.capitalize(), hint, choices)


def _pit(n: int, text) -> Question:
    hint = _("Yes: outsourcing is justified on this criterion. No: it is not.")
    return _engine(f"public_interest_test.T{n}", f"T{n}: {text}", hint)


TOPICS: tuple[Topic, ...] = (
    Topic(
        "contract",
        _("Contract facts"),
        _("What the register holds, checked and corrected for the next term."),
        (
            _engine("contract.service", _("Service")),
            _engine(
                "contract.value_inc_vat",
                _("Value of the next term, including VAT"),
                _("Whole life, with options and extensions, in pounds"),
            ),
            _engine("contract.value_vat_basis", _("Does the value include VAT?")),
            _engine("contract.nature", _("What is the contract for?")),
            _engine("contract.is_repair_or_maintenance", _("Are the works repair or maintenance?")),
            _engine("contract.is_light_touch", _("Are the services light-touch services?")),
            _engine(
                "contract.delivers_authority_function",
                _("Does the contract deliver a function of the authority?"),
            ),
            _engine("contract.is_london", _("Is the work done in London?")),
            _engine("contract.counterparty", _("Who is the counterparty?")),
            _engine(
                "contract.is_vertical_control",
                _("Does the authority control the company (Procurement Act 2023 Sch. 2)?"),
            ),
            _engine(
                "contract.controller_activity_share_pct",
                _("Share of the company's activity carried out for its controllers (%)"),
            ),
            _engine(
                "contract.is_horizontal_cooperation",
                _("Is this cooperation between public authorities?"),
            ),
            _engine(
                "contract.open_market_share_pct",
                _("Share of the cooperation's activity on the open market (%)"),
            ),
            _engine("contract.starts_on", _("Start date")),
            _engine("contract.ends_on", _("End date")),
            _engine("contract.max_ends_on", _("Latest end date with extensions")),
            _engine("contract.terminated_on", _("Termination date")),
            _engine("contract.termination_reason", _("Reason for termination"), kind="textarea"),
            _engine("contract.cpv", _("CPV codes"), _("8-digit codes, separated by spaces")),
        ),
    ),
    Topic(
        "exemptions",
        _("Exemptions and legal checks"),
        _("The legal pre-check and the facts the gateway exemptions rest on."),
        (
            _engine(
                "contract.can_be_contracted_out",
                _("Can the function lawfully be contracted out?"),
                _("Only a legal officer answers No"),
            ),
            _engine("contract.is_specialist_social_care", _("Is it specialist social care?")),
            _engine("contract.is_direct_award", _("Is it a direct award?")),
            _engine(
                "contract.is_health_psr",
                _("Is it a health service under the Provider Selection Regime?"),
            ),
            _engine("contract.is_delivered_outside_uk", _("Is it delivered outside the UK?")),
        ),
    ),
    Topic(
        "at-risk",
        _("People at risk"),
        _("The three limbs of the 'at risk' test, with the groups, powers and rights."),
        (
            _engine(
                "at_risk.significant_contact",
                _("Does the service involve significant contact with people at risk?"),
            ),
            _engine("at_risk.coercive_powers", _("Does the service exercise coercive powers?")),
            _engine(
                "at_risk.rights_risk",
                _("Could outsourcing put people's rights at risk?"),
            ),
            _engine("at_risk.groups", _("Groups affected"), _("One a line")),
            _engine("at_risk.powers", _("Powers exercised"), _("One a line")),
            _engine("at_risk.rights", _("Rights engaged"), _("One a line")),
        ),
    ),
    Topic(
        "public-interest-test",
        _("Public interest test"),
        _("Only for contracts not at risk. Every criterion must pass to justify outsourcing."),
        (
            _engine("public_interest_test.claimed", _("Is the public interest test claimed?")),
            _pit(1, _("outcomes can be specified and measured (at least 3 KPIs)")),
            _pit(2, _("a healthy market of high-quality providers")),
            _pit(3, _("the authority has contract-management capability")),
            _pit(4, _("whole-life value for money better than the in-house comparator")),
            _pit(5, _("quality expected better than in house")),
            _pit(6, _("not core, and no need for greater control or accountability")),
            _pit(7, _("flexibility to change the service is not unduly restricted")),
            _pit(8, _("no significant benefit from integration with other services")),
            _pit(9, _("economic and social value at least as good as in house")),
            _pit(10, _("acceptable performance record of the market or incumbent")),
            _engine("public_interest_test.appraisal.p_inhouse_cheaper", hint=FROM_APPRAISAL),
            _engine("public_interest_test.appraisal.inhouse_cost_gbp", hint=FROM_APPRAISAL),
            _engine("public_interest_test.appraisal.outsourced_cost_gbp", hint=FROM_APPRAISAL),
        ),
    ),
    Topic(
        "risk-mitigation",
        _("Good reason: risk mitigation"),
        _(
            "Risks best mitigated by keeping the service outsourced, shown by a comparative "
            "risk assessment with evidence attached."
        ),
        (
            _engine("good_reasons.risk_mitigation.claimed", _("Is risk mitigation claimed?")),
            _engine(
                "good_reasons.risk_mitigation.comparative_risk_assessment",
                _("Has a comparative risk assessment been done?"),
            ),
            Question(
                "workflow.risk_mitigation.summary",
                "textarea",
                _("Summary of the comparative risk assessment"),
            ),
        ),
        evidence_paths=("good_reasons.risk_mitigation.evidence",),
    ),
    Topic(
        "capacity",
        _("Good reason: capacity"),
        _(
            "Insufficient capacity to deliver in house even after the support measures, with a "
            "plan to build it and a re-review within 36 months."
        ),
        (
            _engine("good_reasons.capacity.claimed", _("Is insufficient capacity claimed?")),
            *(
                Question(
                    f"workflow.capacity.{key}",
                    "enum",
                    label,
                    _("Capacity assessment"),
                    CAPACITY_LEVELS,
                )
                for key, label in CAPACITY_DIMENSIONS
            ),
            _engine(
                "good_reasons.capacity.support_measures_considered",
                _("Were the support measures considered?"),
            ),
            Question(
                "workflow.capacity.support_measures",
                "textarea",
                _("Support measures considered"),
                _("Shared services, other councils, APSE, secondments, phased transfer"),
            ),
            _engine(
                "good_reasons.capacity.insufficient_after_support",
                _("Is capacity insufficient even after the support measures?"),
            ),
            _engine("good_reasons.capacity.capacity_plan", _("Is there a capacity-building plan?")),
            Question("workflow.capacity.plan", "textarea", _("The capacity-building plan")),
            _engine("good_reasons.capacity.re_review_on", _("Re-review date")),
        ),
        evidence_paths=("good_reasons.capacity.evidence",),
    ),
    Topic(
        "proposed-terms",
        _("Proposed terms if outsourcing continues"),
        _("The terms the minimum standards are checked against."),
        tuple(
            _engine(path, _term_label(path))
            for path in BY_PATH
            if path.startswith("proposed_terms.")
        ),
    ),
    Topic(
        "workforce",
        _("Workforce"),
        _("The staff affected and the staff transfer timeline."),
        (
            _engine("contract.has_assigned_workforce", _("Are staff assigned to the contract?")),
            Question("workflow.workforce.headcount", "int", _("Number of staff affected")),
            Question("workflow.workforce.transfer_on", "date", _("Planned staff transfer date")),
            Question(
                "workflow.workforce.eli_on",
                "date",
                _("Employee liability information received on"),
                _("At least 28 days before the transfer (TUPE regulation 11)"),
            ),
            Question(
                "workflow.workforce.unions_consulted_on", "date", _("Trade unions consulted on")
            ),
        ),
    ),
    Topic(
        "right-to-challenge",
        _("Community Right to Challenge"),
        _("Expressions of interest under the Localism Act 2011."),
        (
            _engine(
                "contract.right_to_challenge_eoi",
                _("Was an expression of interest accepted?"),
            ),
            Question(
                "workflow.right_to_challenge.details",
                "textarea",
                _("Who expressed interest, when, and what was decided"),
            ),
        ),
    ),
    Topic(
        "openness",
        _("Subsidiarity and openness"),
        _(
            "Could the service be decided or delivered closer to the people who use it; who "
            "was involved, and what is published. Shown in the decision pack."
        ),
        (
            Question(
                "workflow.openness.closer",
                "enum",
                _("Could the service be decided or delivered closer to the people who use it?"),
                _(
                    "By a parish or town council, a neighbourhood, a community organisation, "
                    "or the people who use it themselves"
                ),
                CLOSER_ANSWERS,
            ),
            Question(
                "workflow.openness.closer_who",
                "enum",
                _("Who is closest to the people who use it and could decide or deliver it?"),
                choices=CLOSER_LEVELS,
            ),
            Question(
                "workflow.openness.closer_reason",
                "textarea",
                _("Why: the reason for that answer"),
            ),
            Question(
                "workflow.openness.involved",
                "enum",
                _("Were residents, the people who use the service and its staff involved?"),
                choices=INVOLVED_ANSWERS,
            ),
            Question(
                "workflow.openness.involvement",
                "textarea",
                _("How were they involved?"),
                _("For example: a survey of users, a residents' panel, staff and union meetings"),
            ),
            Question(
                "workflow.openness.published",
                "textarea",
                _("What is published about the review and the service?"),
                _("For example: the draft for public comment, performance reports, costs"),
            ),
        ),
    ),
    Topic(
        "prerequisites",
        _("Consultation and the decision"),
        _("The procedure the decision needs before it can be signed."),
        (
            _engine("decision_on", _("Planned decision date")),
            _engine("procurement_start_on", _("Procurement start date, if any")),
            _engine(
                "consultation_done",
                _("Has consultation been done?"),
                _("Local Government Act 1999 s.3(2)"),
            ),
            _engine(
                "equality_impact_assessment_done",
                _("Has an equality impact assessment been done?"),
                _("The public sector equality duty, Equality Act 2010 s.149"),
            ),
            _engine("is_key_decision", _("Is this a key decision?")),
            _engine(
                "key_decision_notice_on",
                _("Key-decision notice published on"),
                _("At least 28 clear days before the decision"),
            ),
        ),
    ),
)

BY_SLUG: dict[str, Topic] = {t.slug: t for t in TOPICS}
QUESTIONS: dict[str, Question] = {q.path: q for t in TOPICS for q in t.questions}
EVIDENCE_PATHS: dict[str, str] = {p: t.slug for t in TOPICS for p in t.evidence_paths}

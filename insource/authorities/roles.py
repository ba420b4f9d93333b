"""What each role may do for its authority: the one table every permission check reads.

A capability is a verb on an authority's reviews. Every member of an authority may read its
reviews and decisions; evidence files go to its officers and auditors, not to councillors (they
may hold personal data); only the roles listed may write. Segregation of duties is a separate
rule, applied by the decision service: whoever drafted a review cannot sign its decision,
whatever their roles.
A site administrator (a Django superuser) administers accounts and memberships; it gains no
capability on an authority's reviews without a membership, so the segregation holds for it too.
"""

from __future__ import annotations

from enum import StrEnum

from insource.authorities.models import Role


class Capability(StrEnum):
    READ = "read"
    READ_EVIDENCE = "read-evidence"
    COMMENT = "comment"
    EDIT_REVIEW = "edit-review"
    OPEN_REVIEW = "open-review"
    SUBMIT_FOR_DECISION = "submit-for-decision"
    SIGN_DECISION = "sign-decision"
    PUBLISH_DECISION = "publish-decision"
    ADVISE_ON_DEPARTURE = "advise-on-departure"
    ADOPT_POLICY = "adopt-policy"
    MANAGE_MEMBERS = "manage-members"
    ANSWER_REQUESTS = "answer-requests"
    MODERATE_COMMENTS = "moderate-comments"
    MANAGE_CONTRACTS = "manage-contracts"
    GENERATE_MODEL_CONTRACT = "generate-model-contract"
    EDIT_CLAUSES = "edit-clauses"
    EDIT_LOCAL_AREA = "edit-local-area"
    RECORD_COMMUNITY_WEALTH = "record-community-wealth"
    CONFIRM_BUYER_NAMES = "confirm-buyer-names"
    EDIT_REGISTER = "edit-register"
    READ_TRANSITION = "read-transition"
    MANAGE_TRANSITION = "manage-transition"
    COMMENT_TRANSITION = "comment-transition"
    READ_WORKFORCE = "read-workforce"
    MANAGE_WORKFORCE = "manage-workforce"
    REFER_TO_LEGAL = "refer-to-legal"
    ADVISE_ON_REFERRAL = "advise-on-referral"
    READ_AUDIT = "read-audit"
    RECORD_AUDIT = "record-audit"
    RESPOND_TO_AUDIT = "respond-to-audit"
    MAKE_PLACES = "make-places"
    PUBLISH_TEMPLATES = "publish-templates"


ALL = frozenset(Role)
# A trade union representative is a member for one purpose: the transition plans, their
# workforce aggregates and the consultation log (issue 16). They read no review or evidence.
# An independent audit committee member is a member for one purpose too: the committee's view,
# reports and recommendations (issue 19). They hold no officer role.
OFFICERS = ALL - {Role.UNION_REPRESENTATIVE, Role.AUDIT_COMMITTEE_MEMBER}
COMMITTEE = frozenset({Role.AUDITOR, Role.AUDIT_COMMITTEE_MEMBER})
CAPABILITIES: dict[Capability, frozenset[Role]] = {
    Capability.READ: OFFICERS,
    # Evidence files may hold personal data (staff lists, care records): officers and the
    # auditor only; councillors read the review, its recommendation and the published pack.
    Capability.READ_EVIDENCE: OFFICERS - {Role.COUNCILLOR},
    Capability.COMMENT: OFFICERS - {Role.AUDITOR},
    Capability.EDIT_REVIEW: frozenset({Role.REVIEW_OFFICER, Role.LEGAL_OFFICER}),
    Capability.OPEN_REVIEW: frozenset({Role.REVIEW_OFFICER, Role.AUTHORITY_ADMIN}),
    Capability.SUBMIT_FOR_DECISION: frozenset({Role.REVIEW_OFFICER, Role.LEGAL_OFFICER}),
    Capability.SIGN_DECISION: frozenset({Role.DECISION_MAKER}),
    Capability.PUBLISH_DECISION: frozenset({Role.LEGAL_OFFICER, Role.AUTHORITY_ADMIN}),
    # The monitoring officer's advice on a departure towards outsourcing (POLICY.md §2).
    Capability.ADVISE_ON_DEPARTURE: frozenset({Role.LEGAL_OFFICER}),
    Capability.ADOPT_POLICY: frozenset({Role.AUTHORITY_ADMIN}),
    Capability.MANAGE_MEMBERS: frozenset({Role.AUTHORITY_ADMIN}),
    # Confirming a buyer name moves its contracts between authorities: an administrator of
    # the authority they leave (when someone holds it) and of the one they join.
    Capability.CONFIRM_BUYER_NAMES: frozenset({Role.AUTHORITY_ADMIN}),
    # The authority's own contracts on the register: correcting a field with a reason (issue 17).
    Capability.EDIT_REGISTER: frozenset(
        {Role.REVIEW_OFFICER, Role.CONTRACT_MANAGER, Role.AUTHORITY_ADMIN}
    ),
    # Continuing contracts' minimum standards: payroll returns, monitoring.
    Capability.MANAGE_CONTRACTS: frozenset({Role.CONTRACT_MANAGER, Role.AUTHORITY_ADMIN}),
    # The model contract (MS13): contract managers and legal officers generate it; only legal
    # officers save new versions of its clause templates.
    Capability.GENERATE_MODEL_CONTRACT: frozenset({Role.CONTRACT_MANAGER, Role.LEGAL_OFFICER}),
    Capability.EDIT_CLAUSES: frozenset({Role.LEGAL_OFFICER}),
    # Community wealth: the authority's local area (postcode districts) is a setting its
    # administrators keep; officers running reviews and managing contracts record local jobs
    # and measured LM3 shares.
    Capability.EDIT_LOCAL_AREA: frozenset({Role.AUTHORITY_ADMIN}),
    Capability.RECORD_COMMUNITY_WEALTH: frozenset(
        {Role.REVIEW_OFFICER, Role.LEGAL_OFFICER, Role.CONTRACT_MANAGER, Role.AUTHORITY_ADMIN}
    ),
    # Transition plans (bringing a service home): every member reads them and their workforce
    # aggregates; officers running the transition edit milestones and record the consultation;
    # union representatives and officers comment. The liability rows are personal data: HR
    # officers and authority administrators only.
    Capability.READ_TRANSITION: ALL - {Role.AUDIT_COMMITTEE_MEMBER},
    Capability.MANAGE_TRANSITION: frozenset(
        {Role.REVIEW_OFFICER, Role.CONTRACT_MANAGER, Role.HR_OFFICER, Role.AUTHORITY_ADMIN}
    ),
    Capability.COMMENT_TRANSITION: ALL - COMMITTEE,
    Capability.READ_WORKFORCE: frozenset({Role.HR_OFFICER, Role.AUTHORITY_ADMIN}),
    Capability.MANAGE_WORKFORCE: frozenset({Role.HR_OFFICER, Role.AUTHORITY_ADMIN}),
    # Legal support referrals (issue 19): the officers who run reviews and manage contracts
    # refer a matter and record its outcome; the legal support team (a shared or national
    # legal service, a member of each authority it serves) takes it and gives advice.
    Capability.REFER_TO_LEGAL: frozenset(
        {Role.REVIEW_OFFICER, Role.CONTRACT_MANAGER, Role.LEGAL_OFFICER, Role.AUTHORITY_ADMIN}
    ),
    Capability.ADVISE_ON_REFERRAL: frozenset({Role.LEGAL_SUPPORT}),
    # The audit committee: officers and its independent members read its view and reports; the
    # committee (auditors and independent members) publishes the quarterly report and records
    # recommendations; the officers who own them respond.
    Capability.READ_AUDIT: OFFICERS | {Role.AUDIT_COMMITTEE_MEMBER},
    Capability.RECORD_AUDIT: COMMITTEE,
    Capability.RESPOND_TO_AUDIT: frozenset(
        {Role.REVIEW_OFFICER, Role.LEGAL_OFFICER, Role.CONTRACT_MANAGER, Role.AUTHORITY_ADMIN}
    ),
    # Places (Total Place, issue 20): the officers who run reviews, manage contracts and
    # administer the authority save places (sets of areas) that anyone may then read.
    Capability.MAKE_PLACES: frozenset(
        {Role.REVIEW_OFFICER, Role.LEGAL_OFFICER, Role.CONTRACT_MANAGER, Role.AUTHORITY_ADMIN}
    ),
    # Sharing work (issue 20, ADR 0045): the officers who run reviews publish the authority's
    # appraisal as a template for other authorities, and withdraw its templates; a clause
    # version is published by those who make them (EDIT_CLAUSES).
    Capability.PUBLISH_TEMPLATES: frozenset({Role.REVIEW_OFFICER, Role.LEGAL_OFFICER}),
    # Information requests: these roles act on them and see who made them; others read.
    Capability.ANSWER_REQUESTS: frozenset(
        {Role.REVIEW_OFFICER, Role.LEGAL_OFFICER, Role.AUTHORITY_ADMIN}
    ),
    # A say before the decision (ADR 0036): these roles open a public comment window on a
    # draft, moderate its comments (they see who made them) and record how they were
    # considered; every officer reads the comments.
    Capability.MODERATE_COMMENTS: frozenset(
        {Role.REVIEW_OFFICER, Role.LEGAL_OFFICER, Role.AUTHORITY_ADMIN}
    ),
}


def roles_allow(roles, capability: Capability) -> bool:
    """Whether any of `roles` carries `capability`."""
    return bool(set(roles) & CAPABILITIES[capability])


def capabilities_of(roles) -> frozenset[Capability]:
    """Every capability the roles carry together."""
    return frozenset(c for c in Capability if roles_allow(roles, c))

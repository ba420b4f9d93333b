"""Authorities (every public body that buys) and the buyer names matched to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Nation(models.TextChoices):
    ENGLAND = "England", _("England")
    WALES = "Wales", _("Wales")
    SCOTLAND = "Scotland", _("Scotland")
    NORTHERN_IRELAND = "Northern Ireland", _("Northern Ireland")
    UNKNOWN = "", _("Not known")


class ProcurementCategory(models.TextChoices):
    SUB_CENTRAL = "sub-central", _("Sub-central")
    CENTRAL = "central", _("Central government")
    UTILITY = "utility", _("Utility")


class AuthorityKind(models.TextChoices):
    LOCAL_AUTHORITY = "local-authority", _("Local authority")
    NHS = "nhs", _("NHS body")
    CENTRAL_GOVERNMENT = "central-government", _("Central government")
    UNIVERSITY = "university", _("University or college")
    SCHOOL = "school", _("School or academy trust")
    HOUSING = "housing-association", _("Housing association or ALMO")
    POLICE = "police", _("Police")
    FIRE = "fire", _("Fire and rescue")
    PARISH = "parish-town-council", _("Parish or town council")
    NATIONAL_PARK = "national-park", _("National park authority")
    COMBINED = "combined-authority", _("Combined authority")
    TRANSPORT = "transport", _("Transport body")
    CONSORTIUM = "procurement-consortium", _("Purchasing consortium or procurement service")
    COMPANY = "company", _("Company (council-owned, public or private)")
    OTHER = "other-public-body", _("Other public body")
    UNKNOWN = "unknown", _("Not identified")


# The public bodies that may adopt a policy preset (issue 17, ADR 0029): councils, government
# departments and agencies, NHS bodies, police and fire authorities, combined authorities and
# other public bodies. Companies, housing associations, schools, universities, purchasing
# consortia, parish councils and unidentified buyers buy but do not adopt the policy.
ADOPTING_KINDS = frozenset(
    {
        AuthorityKind.LOCAL_AUTHORITY,
        AuthorityKind.CENTRAL_GOVERNMENT,
        AuthorityKind.NHS,
        AuthorityKind.POLICE,
        AuthorityKind.FIRE,
        AuthorityKind.COMBINED,
        AuthorityKind.NATIONAL_PARK,
        AuthorityKind.TRANSPORT,
        AuthorityKind.OTHER,
    }
)
# The preset a kind of body adopts when none is named: central government's is PPN 02/24's
# 'consider' guidance (the 'at risk' guidelines bind central government too).
DEFAULT_PRESET_OF_KIND = {AuthorityKind.CENTRAL_GOVERNMENT: "ppn-024-consider"}


class Authority(models.Model):
    """A public body that buys. Local authorities are seeded from the shipped register.

    `key` is the internal key: `la:<code>` for local authorities, `buyer:<slug>` for others.
    The GSS code is unique when present but may be empty.
    """

    key = models.CharField(max_length=120, unique=True)
    code = models.CharField(max_length=10, blank=True, db_index=True)
    gss_code = models.CharField(max_length=9, blank=True)
    name = models.CharField(max_length=300)
    nice_name = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=40, choices=AuthorityKind.choices, db_index=True)
    la_type = models.CharField(max_length=10, blank=True)
    la_type_name = models.CharField(max_length=100, blank=True)
    nation = models.CharField(max_length=20, choices=Nation.choices, blank=True)
    procurement_category = models.CharField(
        max_length=20, choices=ProcurementCategory.choices, default=ProcurementCategory.SUB_CENTRAL
    )
    population = models.PositiveIntegerField(null=True, blank=True)
    start_on = models.DateField(null=True, blank=True)
    end_on = models.DateField(null=True, blank=True)
    successors = models.ManyToManyField(
        "self", symmetrical=False, related_name="predecessors", blank=True
    )
    policy_preset = models.CharField(max_length=60, blank=True)
    policy_adopted_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "authorities"
        constraints = [
            models.UniqueConstraint(
                fields=["gss_code"], condition=~Q(gss_code=""), name="authority_gss_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.nice_name or self.name

    @property
    def publishes_in_welsh(self) -> bool:
        """An authority in Wales publishes in Welsh and English (Welsh Language Standards)."""
        return self.nation == Nation.WALES

    @property
    def is_current(self) -> bool:
        return self.end_on is None

    @property
    def public_slug(self) -> str:
        """The authority's part of its public URLs: the code for a local authority, else the
        slug of its key (`buyer:nhs-england` -> `nhs-england`)."""
        return self.code.lower() if self.code else self.key.split(":", 1)[-1]

    @property
    def has_adopted_policy(self) -> bool:
        return self.policy_adopted_on is not None

    @property
    def may_adopt_policy(self) -> bool:
        """Whether this body may adopt a policy preset: any public body (`ADOPTING_KINDS`)."""
        return self.kind in ADOPTING_KINDS

    @property
    def default_preset(self) -> str:
        """The preset this kind of body adopts when none is named ('' when it must name one)."""
        return DEFAULT_PRESET_OF_KIND.get(self.kind, "")


class BuyerName(models.Model):
    """A buyer name as published, with the authority it was matched to and how sure that is.

    Low-confidence and unmatched names wait here for an officer; nothing is dropped or guessed.
    """

    name = models.CharField(max_length=500, unique=True)
    authority = models.ForeignKey(
        Authority, null=True, blank=True, on_delete=models.PROTECT, related_name="buyer_names"
    )
    candidate = models.ForeignKey(
        Authority, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    method = models.CharField(max_length=20)
    confidence = models.DecimalField(max_digits=5, decimal_places=1)
    needs_confirmation = models.BooleanField(default=False, db_index=True)
    confirmed_by = models.CharField(max_length=200, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    num_contracts = models.PositiveIntegerField(default=0)
    # The best few authorities an officer might confirm the name as, best first:
    # [{"key", "code", "name", "score", "why"}] (`BuyerMatcher.suggest`).
    suggestions = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    """What a person may do for an authority (see `insource.authorities.roles`)."""

    REVIEW_OFFICER = "review-officer", _("Review officer")
    DECISION_MAKER = "decision-maker", _("Decision-maker")
    LEGAL_OFFICER = "legal-officer", _("Legal or monitoring officer")
    CONTRACT_MANAGER = "contract-manager", _("Contract manager")
    COUNCILLOR = "councillor", _("Councillor or scrutiny member")
    AUDITOR = "auditor", _("Auditor")
    AUTHORITY_ADMIN = "authority-admin", _("Authority administrator")
    HR_OFFICER = "hr-officer", _("HR officer")
    UNION_REPRESENTATIVE = "union-representative", _("Trade union representative")
    # A shared or national legal service: one person may hold it for several authorities.
    LEGAL_SUPPORT = "legal-support", _("Legal support")
    # An independent member of the audit committee: the committee's view, its quarterly
    # reports and recommendations, for one or several authorities, and no officer role (issue 19).
    AUDIT_COMMITTEE_MEMBER = "audit-committee-member", _("Independent audit committee member")


class Membership(models.Model):
    """A person's role for one authority. A person may hold several roles and authorities.

    Officers reach an authority's reviews only through a membership of that authority.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)

    class Meta:
        ordering = ["authority__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "authority", "role"], name="membership_once_per_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.authority}"

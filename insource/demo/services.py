"""Loading the shipped demonstration register: real, public data (see DATA-SOURCES.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from insource.accounts.services import otp_device_ensure
from insource.authorities.models import Authority, AuthorityKind, Role
from insource.authorities.services.authorities import authorities_seed, authority_adopt_policy
from insource.authorities.services.memberships import membership_grant
from insource.core.audit import Actor
from insource.demo.brought_home import demo_brought_home, demo_brought_home_publish
from insource.demo.continuing import demo_continuing
from insource.demo.local_areas import local_areas_seed_demo
from insource.demo.showcase import demo_showcase
from insource.demo.transition import demo_transition
from insource.register.models import ImportRun
from insource.register.services.imports import ImportSummary, file_sha256, register_import
from insource.reviews.services.opening import reviews_open_due
from insource.reviews.services.screening import contracts_screen

DATA = Path(__file__).resolve().parent / "data"
DEMO_SOURCES = (
    ("contracts-finder-flattened", DATA / "contracts-finder-flattened", None),
    (
        "contracts-finder-ocds",
        DATA / "contracts-finder-ocds" / "contracts_finder_2025_release_package.json",
        None,
    ),
    (
        "contract-countdown",
        DATA / "contract-countdown" / "council_contracts_nearing_expiry.csv",
        "contract-countdown",
    ),
)
DEMO_ADOPTERS = 3
# Warwickshire adopts too, so that its day opportunities contract (2025 OCDS set) shows the
# at-risk track in the demo; the other adopters are the busiest councils.
DEMO_ALSO_ADOPT = ("WAR",)
DEMO_PRESET = "labour-2019-local"
DEMO_USERNAME = "officer"
DEMO_PASSWORD = "insource-demo-officer"  # noqa: S105 - printed on purpose; demo only
# The demo's people, one per role, members of every adopting council. Passwords are
# `insource-demo-<username>` and are printed; each has an authenticator whose current code the
# two-factor page shows on a development demo (INSOURCE_DEMO_OTP_HINTS).
DEMO_PEOPLE = (
    ("officer", "Demo", "Officer", (Role.REVIEW_OFFICER,)),
    ("decider", "Dana", "Decider", (Role.DECISION_MAKER,)),
    ("legal", "Lee", "Legal", (Role.LEGAL_OFFICER, Role.AUTHORITY_ADMIN)),
    ("manager", "Morgan", "Manager", (Role.CONTRACT_MANAGER,)),
    ("councillor", "Chris", "Councillor", (Role.COUNCILLOR,)),
    ("auditor", "Alex", "Auditor", (Role.AUDITOR,)),
    ("hr", "Harper", "Hughes", (Role.HR_OFFICER,)),
    ("union", "Uma", "Union", (Role.UNION_REPRESENTATIVE,)),
    ("counsel", "Sam", "Solicitor", (Role.LEGAL_SUPPORT,)),  # a shared legal service
    ("committee", "Jo", "Independent", (Role.AUDIT_COMMITTEE_MEMBER,)),
)


@dataclass
class DemoResult:
    imports: dict[str, ImportSummary]
    skipped: list[str]
    adopters: list[str]
    reviews: dict


def demo_load(
    *,
    by: Actor,
    at: datetime,
    on: date,
    progress=None,
    screen: bool = True,
    open_reviews: bool = True,
    sources: tuple[str, ...] | None = None,
) -> DemoResult:
    """Seed authorities, import each demo source once (skipped if already loaded), adopt, and
    (with `screen`) screen the register on `on` so the pipeline shows provisional outcomes."""
    authorities_seed(by=by, at=at)
    imports: dict[str, ImportSummary] = {}
    skipped: list[str] = []
    for name, path, mapping in DEMO_SOURCES:
        if sources is not None and name not in sources:
            continue
        done = ImportRun.objects.filter(source_sha256=file_sha256(path), status="succeeded")
        if done.exists():
            skipped.append(name)
            continue
        summary = register_import(
            path=path, mapping=mapping, by=by, at=at, on=on, progress=progress
        )
        if summary.status != "succeeded":
            raise RuntimeError(f"demo source {name} failed to import: {summary.errors[:3]}")
        imports[name] = summary
    adopters = _adopt_busiest(by=by, at=at, on=on)
    local_areas_seed_demo(by=by, at=at)  # hand-typed postcode districts: officers check
    if screen:
        contracts_screen(on=on, by=by, at=at, progress=progress)
    opened = {}
    if open_reviews:
        demo_people(by=by, at=at)
        home = demo_brought_home(on=on, at=at)  # before the due reviews: it opens its own
        opened = reviews_open_due(on=on, by=by, at=at)
        opened["showcase"] = demo_showcase(on=on, at=at)
        opened["continuing"] = demo_continuing(on=on, at=at)
        opened["transition"] = demo_transition(on=on, at=at)
        demo_brought_home_publish(home)
        opened["brought_home"] = home
    return DemoResult(imports, skipped, adopters, opened)


def _adopt_busiest(*, by: Actor, at: datetime, on: date) -> list[str]:
    """The councils with most contracts reaching a decision point in the next 18 months adopt."""
    adopted = Authority.objects.filter(policy_adopted_on__isnull=False)
    if adopted.exists():
        return list(adopted.values_list("name", flat=True))
    window = Q(
        contracts__max_end_on__gte=on, contracts__max_end_on__lte=on + relativedelta(months=18)
    )
    busiest = (
        Authority.objects.filter(kind=AuthorityKind.LOCAL_AUTHORITY, end_on__isnull=True)
        .annotate(n=Count("contracts", filter=window))
        .order_by("-n", "name")[:DEMO_ADOPTERS]
    )
    adopted_on = date(on.year if on.month >= 4 else on.year - 1, 4, 1)
    also = Authority.objects.filter(kind=AuthorityKind.LOCAL_AUTHORITY, code__in=DEMO_ALSO_ADOPT)
    for authority in [*busiest, *also.exclude(pk__in=[a.pk for a in busiest])]:
        authority_adopt_policy(
            authority=authority,
            preset=DEMO_PRESET,
            adopted_on=adopted_on,
            by=by,
            at=at,
            reason="demonstration council",
        )
    return list(
        Authority.objects.filter(policy_adopted_on__isnull=False).values_list("name", flat=True)
    )


def demo_people(*, by: Actor, at: datetime) -> list[tuple[str, str, str]]:
    """Create (or reset) the demo's people, one per role, members of every adopting council,
    each with an authenticator; returns (username, password, roles) for printing."""
    User = get_user_model()
    adopters = list(Authority.objects.filter(policy_adopted_on__isnull=False))
    printed = []
    for username, first, last, roles in DEMO_PEOPLE:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@demo.insource.invalid"
        user.set_password(f"insource-demo-{username}")
        user.save()
        for authority in adopters:
            for role in roles:
                membership_grant(user=user, authority=authority, role=role, by=by, at=at)
        otp_device_ensure(user=user, by=by, at=at)
        printed.append(
            (username, f"insource-demo-{username}", ", ".join(str(r.label) for r in roles))
        )
    return printed

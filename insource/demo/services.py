"""Loading the shipped demonstration register: real, public data (see DATA-SOURCES.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from insource.authorities.models import Authority, AuthorityKind
from insource.authorities.services import authorities_seed, authority_adopt_policy
from insource.core.audit import Actor
from insource.register.models import ImportRun
from insource.register.services.imports import ImportSummary, file_sha256, register_import
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
DEMO_PRESET = "labour-2019-local"
DEMO_USERNAME = "officer"
DEMO_PASSWORD = "insource-demo-officer"  # noqa: S105 - printed on purpose; demo only


@dataclass
class DemoResult:
    imports: dict[str, ImportSummary]
    skipped: list[str]
    adopters: list[str]


def demo_load(
    *, by: Actor, at: datetime, on: date, progress=None, screen: bool = True
) -> DemoResult:
    """Seed authorities, import each demo source once (skipped if already loaded), adopt, and
    (with `screen`) screen the register on `on` so the pipeline shows provisional outcomes."""
    authorities_seed(by=by, at=at)
    imports: dict[str, ImportSummary] = {}
    skipped: list[str] = []
    for name, path, mapping in DEMO_SOURCES:
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
    if screen:
        contracts_screen(on=on, by=by, at=at, progress=progress)
    return DemoResult(imports, skipped, adopters)


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
    for authority in busiest:
        authority_adopt_policy(
            authority=authority,
            preset=DEMO_PRESET,
            adopted_on=adopted_on,
            by=by,
            at=at,
            reason="demonstration council",
        )
    return [a.name for a in busiest]


def demo_officer() -> tuple[str, str]:
    """Create (or reset) the demo officer account; returns username and password."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=DEMO_USERNAME, defaults={"is_staff": True})
    user.set_password(DEMO_PASSWORD)
    user.first_name, user.last_name = "Demo", "Officer"
    user.save()
    return DEMO_USERNAME, DEMO_PASSWORD

"""A notice drafted from the register: the OCDS release package (UK profile), the facts the
register lacks, what to check before filing, and any schema error (a test keeps these empty).
What `insource notices draft` and the notice pages call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings

from insource.authorities.models import Authority
from insource.register.exporters.ocds import extensions as package_extensions
from insource.register.exporters.ocds import ocid_of
from insource.register.exporters.ocds_release import datetime_text, dumps
from insource.register.exporters.schema import package_validator
from insource.register.models import Contract
from insource.standards.notices.kinds import KINDS, NoticeKind
from insource.standards.notices.pipeline import PipelineFacts, pipeline_facts, pipeline_releases
from insource.standards.notices.releases import LEGAL_BASIS, contract_release, local_date


class NoticeError(ValueError):
    """A notice that cannot be drafted as asked (an unknown kind, a contract notice without a
    contract): the message says what to change."""


@dataclass
class NoticeDraft:
    kind: NoticeKind
    package: dict
    missing: list = field(default_factory=list)
    checks: list = field(default_factory=list)
    contract: Contract | None = None
    pipeline: PipelineFacts | None = None

    @property
    def schema_errors(self) -> list[str]:
        return schema_errors(self.package)

    def json_bytes(self) -> bytes:
        return _pretty(self.package)


def notice_kind(code: str) -> NoticeKind:
    kind = KINDS.get((code or "").strip().lower())
    if kind is None:
        known = ", ".join(KINDS)
        raise NoticeError(f"{code!r} is not a notice Insource drafts: use one of {known}")
    return kind


def notice_draft(
    code: str, *, authority: Authority, at: datetime, contract: Contract | None = None
) -> NoticeDraft:
    """The draft of notice `code` for the authority (UK1) or one of its contracts."""
    kind = notice_kind(code)
    if kind.for_contract:
        if contract is None:
            raise NoticeError(f"A {kind.code} notice is about one contract: give --contract ID")
        built = contract_release(
            kind, contract, ocid=ocid_of(contract, settings.INSOURCE_OCID_PREFIX), at=at
        )
        built.release.setdefault("tender", {})["legalBasis"] = LEGAL_BASIS
        package = package_of([built.release], at)
        return NoticeDraft(kind, package, built.missing, built.checks, contract=contract)
    facts = pipeline_facts(authority, local_date(at))
    if facts is None:
        raise NoticeError("Pipeline notices start with the Procurement Act 2023 (24 February 2025)")
    releases = pipeline_releases(authority, facts, prefix=settings.INSOURCE_OCID_PREFIX, at=at)
    missing = []
    if not releases:
        missing.append(_no_entries(facts))
    return NoticeDraft(kind, package_of(releases, at), missing, [], pipeline=facts)


def _no_entries(facts: PipelineFacts) -> str:
    from django.utils.translation import gettext as _

    return _("No contract over £%(v)s is expected to be procured in the window") % {
        "v": f"{facts.threshold:,.0f}"
    }


def package_of(releases: list[dict], at: datetime) -> dict:
    """A release package holding the draft releases, declaring the UK extension."""
    return {
        "uri": f"{settings.INSOURCE_BASE_URL.rstrip('/')}/notices/draft",
        "version": "1.1",
        "extensions": package_extensions(),
        "publishedDate": datetime_text(at),
        "publisher": {"name": settings.INSOURCE_SERVICE_NAME},
        "releases": releases,
    }


def schema_errors(package: dict) -> list[str]:
    """Each way the package breaks the UK profile schema, as `path: message` (none expected)."""
    import orjson

    data = orjson.loads(dumps(package))
    return [
        f"{'/'.join(str(p) for p in e.absolute_path) or '(package)'}: {e.message}"
        for e in package_validator("release").iter_errors(data)
    ]


def _pretty(package: dict) -> bytes:
    import json

    import orjson

    return json.dumps(orjson.loads(dumps(package)), indent=2, ensure_ascii=False).encode()

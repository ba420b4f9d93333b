"""OCDS 1.1 export of the register: release packages and record packages, streamed.

Each ocid's releases are the register's history: one per change (`ContractEvent`), dated when
the change happened (`ocds_history`); a record's compiled release is its current values.
Contracts without an ocid (flattened and tabular imports) get one minted from the publisher's
prefix (`INSOURCE_OCID_PREFIX`) and their stable source key. The packages declare the Cabinet
Office UK extension, the extensions it depends on (read from its shipped extension.json) and
the party-scale extension for `parties[].details.scale`. The field mapping is in
`ocds_release` and ADR 0010.

Packages are written incrementally: a generator yields bytes, one release at a time, so memory
stays flat at any register size. Nothing here reads the clock: `published_at` is an argument.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from itertools import groupby

from django.conf import settings

from insource.register.exporters.ocds_history import states
from insource.register.exporters.ocds_release import _digest, datetime_text, dumps, release_for
from insource.register.exporters.queries import CHUNK
from insource.register.importers.checks import SCHEMA_DIR
from insource.register.models import Contract

OCDS_VERSION = "1.1"
# As Find a Tender declares it (the extension's own repository, main branch).
UK_EXTENSION_URL = (
    "https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json"
)
PARTY_SCALE_EXTENSION_URL = (
    "https://raw.githubusercontent.com/open-contracting-extensions/"
    "ocds_partyDetails_scale_extension/master/extension.json"
)
# Contracts' KPIs as implementation metrics (ADR 0044); declared only when a package has any.
METRICS_EXTENSION_URL = (
    "https://raw.githubusercontent.com/open-contracting-extensions/"
    "ocds_metrics_extension/master/extension.json"
)
_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


@cache
def extensions() -> list[str]:
    """The UK extension, its dependencies as its extension.json lists them, and party scale."""
    uk = json.loads((SCHEMA_DIR / "extensions" / "ocds_uk_extension.json").read_text("utf-8"))
    return [UK_EXTENSION_URL, *uk["dependencies"], PARTY_SCALE_EXTENSION_URL]


@dataclass(frozen=True)
class PackageMeta:
    """What a package says about itself. `release_package_uri` is where the matching release
    package is published: a record links each of its releases there."""

    uri: str
    published_at: datetime
    publisher_name: str = ""
    ocid_prefix: str = ""
    release_package_uri: str = ""
    # Per contract id, its implementation as measured (`{"metrics": [...], "date": datetime}`),
    # given by a higher app (the KPI ratings): added as one "implementation" release after the
    # contract's history. The register itself never reads the KPIs.
    implementations: Mapping[int, dict] = field(default_factory=dict)

    def __post_init__(self):
        if not self.publisher_name:
            object.__setattr__(self, "publisher_name", settings.INSOURCE_SERVICE_NAME)
        if not self.ocid_prefix:
            object.__setattr__(self, "ocid_prefix", settings.INSOURCE_OCID_PREFIX)


def ocid_of(contract: Contract, prefix: str) -> str:
    """The contract's ocid, or one minted from the prefix and its source key (stable)."""
    if contract.ocid:
        return contract.ocid
    slug = contract.source_key.replace(":", "-")
    if _SAFE_ID.search(slug):
        digest = hashlib.sha1(contract.source_key.encode()).hexdigest()[:8]  # noqa: S324
        slug = f"{_SAFE_ID.sub('-', slug).strip('-')}-{digest}"
    return f"{prefix}-{slug}"


def release_package(contracts: Iterable[Contract], meta: PackageMeta) -> Iterator[bytes]:
    """A release package as JSON bytes, each ocid's releases (one per change), incrementally."""
    items = (r for _o, history in histories(contracts, meta) for r in history)
    yield from _package(meta, "releases", items)


def record_package(contracts: Iterable[Contract], meta: PackageMeta) -> Iterator[bytes]:
    """A record package: per ocid, a link to each of its releases and the compiled release."""
    head = {"packages": [meta.release_package_uri]} if meta.release_package_uri else {}
    records = (record(o, history, meta) for o, history in histories(contracts, meta))
    yield from _package(meta, "records", records, head)


def releases(contracts: Iterable[Contract], meta: PackageMeta) -> Iterator[tuple[str, dict]]:
    """(ocid, release of its current values) for each ocid."""
    for ocid, history in histories(contracts, meta):
        yield ocid, history[-1]


def histories(contracts: Iterable[Contract], meta: PackageMeta) -> Iterator[tuple[str, list]]:
    """(ocid, its releases oldest first: one per change in the register's history, the last
    of its current values); contracts must come ordered by ocid (the export query)."""
    for ocid, group in groupby(_iterate(contracts), key=lambda c: ocid_of(c, meta.ocid_prefix)):
        history: list[dict] = []
        state: list = []
        for state in states(list(group)):
            release = release_for(ocid, state, meta.published_at, update=bool(history))
            if not history or _content(release) != _content(history[-1]):
                history.append(release)
        measured = implementation_release(ocid, history[-1], state, meta.implementations)
        yield ocid, history + ([measured] if measured else [])


def implementation_release(ocid: str, last: dict, contracts: list, measured: Mapping) -> dict:
    """The last release again with each contract's implementation metrics, tagged
    "implementation" and dated when the latest was recorded; None when none was measured."""
    found = [(i, measured[c.pk]) for i, c in enumerate(contracts) if c.pk in measured]
    if not found:
        return None
    release = json.loads(dumps(last))
    for i, implementation in found:
        item = release["contracts"][i]
        item["implementation"] = item.get("implementation", {}) | {
            "metrics": implementation["metrics"]
        }
    release["tag"] = ["implementation"]
    release["date"] = datetime_text(max(m["date"] for _i, m in found))
    release["id"] = ""
    release["id"] = f"{ocid}-{_digest(release)}"
    return release


def _content(release: dict) -> dict:
    return {k: v for k, v in release.items() if k not in {"id", "date", "tag"}}


def record(ocid: str, history: list[dict], meta: PackageMeta) -> dict:
    links = []
    for release in history:
        link = {"date": release["date"], "tag": release["tag"]}
        if meta.release_package_uri:
            link = {"url": f"{meta.release_package_uri}#{release['id']}", **link}
        links.append(link)
    compiled = {**history[-1], "tag": ["compiled"]}
    return {"ocid": ocid, "releases": links, "compiledRelease": compiled}


def _package(meta, key: str, items: Iterator[dict], head: dict | None = None) -> Iterator[bytes]:
    declared = [*extensions(), METRICS_EXTENSION_URL] if meta.implementations else extensions()
    top = {
        "uri": meta.uri,
        "version": OCDS_VERSION,
        "extensions": declared,
        "publishedDate": datetime_text(meta.published_at),
        "publisher": {"name": meta.publisher_name},
        **(head or {}),
    }
    yield dumps(top)[:-1] + f',"{key}":['.encode()
    buffer, size = [], 0
    for i, item in enumerate(items):
        chunk = (b"," if i else b"") + dumps(item)
        buffer.append(chunk)
        size += len(chunk)
        if size >= 65536:
            yield b"".join(buffer)
            buffer, size = [], 0
    yield b"".join(buffer) + b"]}"


def _iterate(contracts):
    return contracts.iterator(chunk_size=CHUNK) if hasattr(contracts, "iterator") else contracts

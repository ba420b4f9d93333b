"""Building and validating OCDS packages from the register, for the export tests (moved from
`register/exporters/tests/test_ocds_export.py`)."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson

from insource.register.exporters import ocds
from insource.register.exporters.schema import (
    package_validator,
)

PUBLISHED_AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


URI = "https://insource.example/api/public/v1/exports/ocds/releases.json"


def meta(**kwargs) -> ocds.PackageMeta:
    return ocds.PackageMeta(uri=URI, published_at=PUBLISHED_AT, release_package_uri=URI, **kwargs)


def build(kind: str, contracts) -> dict:
    make = ocds.release_package if kind == "release" else ocds.record_package
    return orjson.loads(b"".join(make(contracts, meta())))


def errors_of(kind: str, package: dict) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in package_validator(kind).iter_errors(package)
    ]

"""The OCDS importer: stream releases, check them, merge each ocid's releases by date, map.

Releases of one ocid are merged with `ocdsmerge` given the shipped OCDS 1.1.5 schema (nothing
is fetched); an ocid with a single release skips the merge. Schema validation against the UK
profile (`--validate`) reports warnings naming the release and the path: each release is
checked by a compiled validator (jsonschema-rs), and only a release it finds invalid is walked
again by Python's jsonschema for the messages and paths (ADR 0048).
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import jsonschema_rs
import ocdsmerge
import orjson
from jsonschema import Draft4Validator, FormatChecker, validators
from ocdsmerge.exceptions import OCDSMergeError

from insource.register.importers.checks import SCHEMA_DIR
from insource.register.importers.fields import RecordErrors
from insource.register.importers.ocds_map import map_release
from insource.register.importers.ocds_read import (
    OcdsReadError,
    ReleaseSpill,
    ReleaseSplit,
    check_release,
    encode_release,
    iter_releases,
    package_end_is_plain,
    release_where,
    releases_from,
    spilled_groups,
)
from insource.register.importers.records import ContractRecord, ImportIssue, PlannedRecord

MAX_SCHEMA_WARNINGS_PER_RELEASE = 5


@cache
def release_schema() -> dict:
    return json.loads((SCHEMA_DIR / "release-schema.json").read_text(encoding="utf-8"))


@cache
def merger() -> ocdsmerge.Merger:
    return ocdsmerge.Merger(schema=release_schema())


@cache
def uk_profile_schema() -> dict:
    return json.loads((SCHEMA_DIR / "uk-profile-release-schema.json").read_text("utf-8"))


@cache
def uk_profile_validator() -> Draft4Validator:
    """Python's validator: slow (about 1 ms a release), but its messages and paths are the
    ones the import reports; it only walks releases the compiled validator rejects."""
    return Draft4Validator(uk_profile_schema(), format_checker=FormatChecker())


@cache
def uk_profile_compiled() -> jsonschema_rs.Draft4Validator:
    """The same schema compiled (jsonschema-rs, about 25x faster): it only says valid or not.

    Its formats are Python's own `FormatChecker`, so both validators agree on every format
    the schema names (a `date-time` is only checked when Python can check it, as before)."""
    return jsonschema_rs.Draft4Validator(
        uk_profile_schema(), validate_formats=True, formats=_compiled_formats()
    )


@cache
def _compiled_formats() -> dict:
    checker = FormatChecker()
    return {name: _conforms(checker, name) for name in _formats(uk_profile_schema())}


@cache
def _compiled_definition(ref: str) -> jsonschema_rs.Draft4Validator:
    """The compiled validator of one of the schema's definitions (`#/definitions/Award`)."""
    schema = {"definitions": uk_profile_schema()["definitions"], "$ref": ref}
    return jsonschema_rs.Draft4Validator(schema, validate_formats=True, formats=_compiled_formats())


def _ref_skipping_valid(validator, ref, instance, schema):
    """Draft 4's `$ref`, except that a value the compiled validator finds valid against the
    definition is not walked: Python's walk would find no error in it either (the two agree on
    validity, as `schema_warnings` already relies on), so the messages, paths and their order
    are the same, and an invalid release is walked only where it is invalid."""
    if ref.startswith("#/definitions/") and _compiled_definition(ref).is_valid(instance):
        return
    yield from Draft4Validator.VALIDATORS["$ref"](validator, ref, instance, schema)


@cache
def uk_profile_messages() -> Draft4Validator:
    """Python's validator for the messages of a release the compiled validator rejects,
    walking only the definitions that are invalid (`_ref_skipping_valid`)."""
    walker = validators.extend(Draft4Validator, {"$ref": _ref_skipping_valid})
    return walker(uk_profile_schema(), format_checker=FormatChecker())


def _conforms(checker: FormatChecker, name: str):
    """Python's check of one format, remembered per value: a file repeats its URLs (a buyer's
    site, a notice's documents) and the check (rfc3987's grammar) is most of what validating
    a valid release costs. Bounded, so memory stays flat."""
    known: dict[str, bool] = {}

    def conforms(value) -> bool:
        found = known.get(value)
        if found is None:
            if len(known) >= _FORMAT_MEMO:
                known.clear()
            found = known[value] = checker.conforms(value, name)
        return found

    return conforms


_FORMAT_MEMO = 50_000


def _formats(node) -> set[str]:
    """Every `format` the schema names."""
    if isinstance(node, dict):
        found = {node["format"]} if isinstance(node.get("format"), str) else set()
        for value in node.values():
            found |= _formats(value)
        return found
    if isinstance(node, list):
        return set().union(*(_formats(value) for value in node)) if node else set()
    return set()


def schema_warnings(release: dict, where: str) -> list[ImportIssue]:
    """Schema problems as warnings: release, JSON path and message (first few per release)."""
    if uk_profile_compiled().is_valid(release):
        return []
    found = []
    for error in uk_profile_messages().iter_errors(release):
        path = "/".join(str(p) for p in error.absolute_path) or "(release)"
        found.append(ImportIssue("warning", where, path, f"schema: {error.message[:300]}"))
        if len(found) >= MAX_SCHEMA_WARNINGS_PER_RELEASE:
            break
    return found


EARLIEST_PLAUSIBLE_YEAR = 1995


def _sort_date(value) -> str:
    """The release date in UTC, so dates with different offsets order correctly."""
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def read_ocds(
    path: Path, *, validate: bool, issues: list[ImportIssue], split=None
) -> Iterator[ContractRecord | PlannedRecord | RecordErrors]:
    """Records for every ocid in the file; warnings go to `issues`, errors are yielded.

    The warnings found while spilling (a placeholder date, the schema's) come release by
    release, a release's date warning before its schema warnings, all before the merge's.

    `split` (ADR 0059): another process reads the releases from the `split.mine` point on
    (`read_part`) and `split.part()` gives what it found, or None, and then this one reads them
    itself; either way what is yielded and warned is the same."""
    spill = ReleaseSpill()
    early: list[ImportIssue] = []  # while spilling, in file order
    mark = len(issues)
    try:
        try:
            bad = list(_spill_file(path, spill, validate, early, split))
        except BaseException:
            issues[mark:mark] = early
            raise
        if bad:
            issues[mark:mark] = early
            yield RecordErrors(bad)
            return
        spill.ready()
        for ocid, bodies in spilled_groups(spill.path):
            items, warnings_found = _mapped(ocid, bodies)
            issues.extend(warnings_found)
            yield from items
        issues[mark:mark] = early
    finally:
        spill.close()


def _spill_file(path, spill, validate: bool, early: list, split) -> Iterator[ImportIssue]:
    numbered = enumerate(iter_releases(path))
    if split is None:
        yield from _spill_all(numbered, spill, validate, early)
        return
    yield from _spill_all(split.mine(numbered), spill, validate, early)
    part = split.part()
    if part is None:  # read here, from where the other process would have begun
        yield from _spill_all(split.rest(numbered), spill, validate, early)
        return
    spill.add_part(part.spill_path)
    early.extend(part.early)
    yield from part.bad


@dataclass
class PartRead:
    """What `read_part` found in the releases from a split on: its spill (kept by the reading
    process until the whole file has been read back), errors and warnings in file order, and
    the first release, by which the other reader checks that both count alike."""

    spill_path: str
    bad: list[ImportIssue]
    early: list[ImportIssue]
    first: object


def read_part(path: Path, split: ReleaseSplit, spill: ReleaseSpill, *, validate: bool) -> PartRead:
    """Check, date, validate and spill the releases of a release package from `split` on, as
    `read_ocds` would, numbered from `split.index`. Raises if the rest of the file is not as
    reading it whole would find it (the limits, broken JSON, a second `releases`)."""
    releases, ended = releases_from(path, split)
    first: list = []

    def numbered():
        for index, release in enumerate(releases, start=split.index):
            if not first:
                first.append(release)
            yield index, release

    early: list[ImportIssue] = []
    bad = list(_spill_all(numbered(), spill, validate, early))
    if not first or not ended or not package_end_is_plain(path, ended[0]):
        raise OcdsReadError("the file after its releases is not a plain package's end")
    spill.ready()
    return PartRead(str(spill.path), bad, early, first[0])


def _spill_all(numbered, spill, validate: bool, early: list) -> Iterator[ImportIssue]:
    for index, release in numbered:
        if isinstance(release, ImportIssue):  # a record with nothing to import
            yield release
            continue
        where = release_where(release, index)
        problems = check_release(release, where)
        if problems:
            yield from problems
            continue
        sort_date, problems = _dated(release, where, early)
        body, encoding_problems = encode_release(release, where)
        if problems or encoding_problems:
            yield from problems + encoding_problems
            continue
        if validate:
            early.extend(schema_warnings(release, where))
        spill.add(str(release["ocid"]), sort_date, body)


def _dated(release: dict, where: str, early: list) -> tuple[str, list[ImportIssue]]:
    """The UTC sort date, or an error; a warning for a date before 1995 (a placeholder?)."""
    value = release["date"]
    try:
        sort_date = _sort_date(value)
    except (TypeError, ValueError, OverflowError):
        fix = "use an ISO 8601 date-time, e.g. 2025-01-23T22:10:19Z"
        return "", [ImportIssue("error", where, "date", f"'{value}' is not a date-time: {fix}")]
    if int(sort_date[:4]) < EARLIEST_PLAUSIBLE_YEAR:
        early.append(
            ImportIssue(
                "warning",
                where,
                "date",
                f"the release is dated {value}, before {EARLIEST_PLAUSIBLE_YEAR}: probably"
                " a placeholder; its ocid's releases are merged in date order, so correct it",
            )
        )
    return sort_date, []


def _mapped(ocid: str, bodies: list[bytes]) -> tuple[list, list[ImportIssue]]:
    """One ocid's records (or errors) and warnings, from its releases as the spill keeps them."""
    issues: list[ImportIssue] = []
    releases = [orjson.loads(body) for body in bodies]
    items = list(_records_for(ocid, releases, issues, nul_free=True))
    return items, issues


def _records_for(ocid: str, releases: list[dict], issues: list[ImportIssue], *, nul_free=False):
    """The ocid's records (or errors); `nul_free`: the releases come from the spill, which
    refused any release holding a NUL character (`map_release`)."""
    ids = ", ".join(str(r["id"])[:80] for r in releases[:3]) + (
        ", ..." if len(releases) > 3 else ""
    )
    where = f"ocid {ocid} (release {ids})"
    try:
        compiled = _compile(releases, where, issues)
        mapped = map_release(compiled, where, nul_free=nul_free)
    except RecordErrors as exc:
        yield exc
        return
    if isinstance(mapped, list) and len(releases) > 1:
        _attach_origins(mapped, releases, where, nul_free)
    if isinstance(mapped, list):
        yield from mapped
    elif mapped is not None:
        yield mapped


def _compile(releases: list[dict], where: str, issues: list[ImportIssue]) -> dict:
    unique = _unique_releases(releases, where)
    if len(unique) == 1:
        for path, value in duplicate_ids(unique[0]):
            issues.append(ImportIssue("warning", where, path, _DUPLICATE.format(value, path)))
        return unique[0]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compiled = merger().create_compiled_release(unique)
        except (OCDSMergeError, TypeError, ValueError, AttributeError) as exc:
            raise RecordErrors([ImportIssue("error", where, "merge", _MERGE.format(exc))]) from None
    for w in caught:
        issues.append(ImportIssue("warning", where, "merge", f"ocdsmerge: {w.message}"))
    compiled.setdefault("id", unique[-1]["id"])
    return compiled


_MERGE = (
    "its releases cannot be merged ({}): a field must have the same JSON type (object, array,"
    " text) in every release of an ocid; correct the release that differs"
)


def _unique_releases(releases: list[dict], where: str) -> list[dict]:
    """One release per id; two different releases with one id are an error (OCDS requires
    release ids to be unique within an ocid), identical copies are harmless."""
    by_id: dict[str, dict] = {}
    errors = []
    for release in releases:
        key = str(release["id"])
        seen = by_id.setdefault(key, release)
        if seen is not release and seen != release:
            errors.append(
                ImportIssue(
                    "error",
                    where,
                    "id",
                    f"release id {key!r} is used by two releases with different content: OCDS"
                    " requires release ids to be unique within an ocid; give the later release"
                    " its own id, or remove the stale copy",
                )
            )
    if errors:
        raise RecordErrors(errors)
    return list(by_id.values())


def _attach_origins(
    records: list[ContractRecord], releases: list[dict], where: str, nul_free: bool
) -> None:
    """For each field, the latest release (by date) that published a value for it."""
    by_key = {r.source_key: r for r in records}
    for release in releases:
        try:
            partial = map_release({**release, "ocid": release["ocid"]}, where, nul_free=nul_free)
        except RecordErrors:
            continue
        for part in partial if isinstance(partial, list) else []:
            target = by_key.get(part.source_key)
            if target is None:
                continue
            for name in ORIGIN_FIELDS:
                if getattr(part, name) not in (None, "", []):
                    target.field_origins[name] = str(release.get("id"))


_DUPLICATE = "ocdsmerge: Multiple objects have the `id` value {!r} in the `{}` array"


# The arrays of objects that ocdsmerge merges by id, as they appear in releases.
ID_ARRAYS = (
    ("parties",),
    ("awards",),
    ("contracts",),
    ("tender", "items"),
    ("tender", "documents"),
    ("tender", "lots"),
    ("tender", "milestones"),
    ("planning", "documents"),
)
NESTED_ID_ARRAYS = ("suppliers", "items", "documents", "milestones")


def duplicate_ids(release: dict) -> Iterator[tuple[str, object]]:
    """(array path, id) for each id repeated inside an id-merged array (what ocdsmerge warns)."""
    for path in ID_ARRAYS:
        node = release
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, list):
            yield from _repeated(".".join(path), node)
            for child in node if path[0] in {"awards", "contracts"} else ():
                for key in NESTED_ID_ARRAYS:
                    items = child.get(key) if isinstance(child, dict) else None
                    if isinstance(items, list):
                        yield from _repeated(f"{path[0]}.{key}", items)


def _repeated(path: str, items: list) -> Iterator[tuple[str, object]]:
    if len(items) < 2:
        return
    ids = [item.get("id") for item in items if isinstance(item, dict)]
    if len(set(map(str, ids))) == len(ids):
        return
    seen = set()
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("id"), str | int):
            if item["id"] in seen:
                yield path, item["id"]
            seen.add(item["id"])


ORIGIN_FIELDS = (
    "title",
    "description",
    "cpv_codes",
    "value_amount",
    "awarded_on",
    "start_on",
    "end_on",
    "max_end_on",
    "status",
    "suppliers",
)

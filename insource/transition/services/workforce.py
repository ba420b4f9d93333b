"""Writes of the transferring workforce: importing the employee liability information (all or
nothing; the same file twice changes nothing; a new file replaces the rows in force), and the
council's grades for the transferring roles. The audit records counts, never personal data."""

from __future__ import annotations

import hashlib
import tempfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from insource.core.audit import Actor, audit_record
from insource.transition.liability import read_liability
from insource.transition.models import (
    CouncilGrade,
    LiabilityImport,
    TransferringEmployee,
    TransitionPlan,
)

MAX_BYTES = 10 * 1024 * 1024


def _read(name: str, content: bytes):
    suffix = ".xlsx" if name.lower().endswith((".xlsx", ".xlsm")) else ".csv"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{Path(name).stem[:80] or 'liability'}{suffix}"
        path.write_bytes(content)
        return read_liability(path)


def _row(imported: LiabilityImport, e) -> TransferringEmployee:
    return TransferringEmployee(
        liability_import=imported,
        plan=imported.plan,
        row=e.row,
        role=e.role[:200],
        contracted_hours=e.contracted_hours,
        pay=e.pay,
        pay_basis=e.pay_basis,
        service_start_on=e.continuous_service_start,
        pension_scheme=e.pension_scheme[:100],
        location=e.location[:200],
        is_london=e.is_london,
    )


@transaction.atomic
def liability_import(
    *, plan: TransitionPlan, name: str, content: bytes, by: Actor, at: datetime
) -> LiabilityImport:
    """Import a liability file into the plan (raises LiabilityError naming every bad row and
    column, storing nothing). The same file again returns the import in force unchanged."""
    if len(content) > MAX_BYTES:
        raise ValueError("The selected file must be smaller than 10 MB")
    employees = _read(name, content)
    sha = hashlib.sha256(content).hexdigest()
    current = plan.imports.filter(is_current=True).first()
    if current is not None and current.sha256 == sha:
        return current
    plan.imports.filter(is_current=True).update(is_current=False)
    imported = LiabilityImport.objects.create(
        plan=plan,
        file_name=Path(name).name[:300],
        sha256=sha,
        num_rows=len(employees),
        imported_by=by.label,
        imported_at=at,
    )
    TransferringEmployee.objects.bulk_create(_row(imported, e) for e in employees)
    audit_record(
        by=by,
        at=at,
        action="transition.liability_import",
        obj=imported,
        authority=plan.authority,
        after={"plan": plan.pk, "sha256": sha, "rows": len(employees)},
        reason="replaces the previous file" if current else "",
    )
    return imported


def _grade_errors(name: str, roles: str, low, high) -> dict:
    errors = {}
    if not name.strip():
        errors["name"] = "Enter the grade's name"
    if not any(r.strip() for r in roles.splitlines()):
        errors["roles"] = "Enter at least one transferring role this grade is for"
    if low is None or low <= 0:
        errors["hourly_min"] = "Enter the lowest hourly pay on the grade, more than £0"
    if high is None or high <= 0:
        errors["hourly_max"] = "Enter the highest hourly pay on the grade, more than £0"
    elif low is not None and high < low:
        errors["hourly_max"] = "The highest pay must be at least the lowest"
    return errors


@transaction.atomic
def grade_save(
    *,
    authority,
    name: str,
    roles: str,
    hourly_min: Decimal | None,
    hourly_max: Decimal | None,
    by: Actor,
    at: datetime,
) -> CouncilGrade:
    """Create or update (by name) the council's grade for transferring roles."""
    errors = _grade_errors(name, roles, hourly_min, hourly_max)
    if errors:
        raise ValidationError(errors)
    existing = CouncilGrade.objects.filter(authority=authority, name=name.strip()).first()
    before = (
        None
        if existing is None
        else {
            "roles": existing.roles,
            "min": str(existing.hourly_min),
            "max": str(existing.hourly_max),
        }
    )
    grade, _created = CouncilGrade.objects.update_or_create(
        authority=authority,
        name=name.strip(),
        defaults={
            "roles": "\n".join(r.strip() for r in roles.splitlines() if r.strip()),
            "hourly_min": hourly_min,
            "hourly_max": hourly_max,
            "updated_at": at,
        },
    )
    audit_record(
        by=by,
        at=at,
        action="transition.grade_save",
        obj=grade,
        authority=authority,
        before=before,
        after={"roles": grade.roles, "min": str(hourly_min), "max": str(hourly_max)},
    )
    return grade

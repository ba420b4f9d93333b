"""Writes of the minimum standards: uploading a payroll return (all or nothing, audited)."""

from __future__ import annotations

import hashlib
import tempfile
from datetime import datetime
from pathlib import Path

import orjson
from django.db import transaction

from insource.core.audit import Actor, audit_record
from insource.standards.models import PayrollReturn
from insource.standards.payroll.fair_wage import check_return
from insource.standards.payroll.gender_pay import report
from insource.standards.payroll.returns import read_return

MAX_BYTES = 10 * 1024 * 1024


def _plain(data):
    return orjson.loads(orjson.dumps(data, default=str))


def _workers(name: str, content: bytes):
    suffix = ".xlsx" if name.lower().endswith(".xlsx") else ".csv"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"return{suffix}"
        path.write_bytes(content)
        return read_return(path)


@transaction.atomic
def payroll_return_upload(
    *, contract, authority, name: str, content: bytes, user, by: Actor, at: datetime
) -> PayrollReturn:
    """Read the return (raises `PayrollError` listing every bad row, storing nothing), compute
    the fair wage check and the gender pay measures, and keep both with the file."""
    if len(content) > MAX_BYTES:
        raise ValueError("The selected file must be smaller than 10 MB")
    workers = _workers(name, content)
    found = PayrollReturn.objects.create(
        contract=contract,
        authority=authority,
        file_name=Path(name).name[:200],
        file_bytes=content,
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=user,
        uploaded_at=at,
        num_workers=len(workers),
        pay_on=max(w.on for w in workers),
        fair_wage=_plain(check_return(workers)),
        gender_pay=_plain(report(workers)),
    )
    audit_record(
        by=by,
        at=at,
        action="standards.payroll_upload",
        obj=found,
        authority=authority,
        after={"contract": contract.pk, "sha256": found.sha256, "workers": found.num_workers},
    )
    return found

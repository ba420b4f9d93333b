"""The public supplier page: `/public/suppliers/<identity>/`, aggregates only."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from insource.core import nav
from insource.core.views import request_time
from insource.oversight.suppliers import presenters as present
from insource.oversight.suppliers.selectors import supplier_record


def supplier(request, identity: str):
    record = supplier_record(identity, on=timezone.localdate(request_time(request)))
    if record is None:
        raise Http404("No supplier with that identity in the register")
    context = {"record": record, "rows": present.summary_rows(record), **nav.CONTRACTS}
    return render(request, "oversight/suppliers/supplier.html", context)

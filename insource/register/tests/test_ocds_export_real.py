"""The OCDS export of the real demo register validates against the shipped UK profile.

Here, beside the other real-register tests, because the register is loaded once per session
and tests that run before it expect an empty one (see test_import_history).
"""

from __future__ import annotations

import pytest

from insource.register.exporters.queries import contracts_for_export
from insource.register.models import Contract
from insource.testing.network import network_refused
from insource.testing.ocds_export import build, errors_of

pytestmark = pytest.mark.django_db


def real_sample():
    """Every contract imported from OCDS, every 40th flattened award, every 5th tabular row."""
    ids = list(Contract.objects.filter(source_key__startswith="ocds:").values_list("pk", flat=True))
    for prefix, step in (("cf-flat:", 40), ("tabular:", 5)):
        rows = Contract.objects.filter(source_key__startswith=prefix).order_by("pk")
        ids += list(rows.values_list("pk", flat=True)[::step])
    return contracts_for_export().filter(pk__in=ids), len(ids)


@pytest.mark.parametrize("kind", ["release", "record"])
def test_real_register_sample_validates_against_the_uk_profile(real_register, kind):
    contracts, num_contracts = real_sample()
    with network_refused():
        package = build(kind, contracts)
        assert errors_of(kind, package) == []
    items = package["releases" if kind == "release" else "records"]
    releases = items if kind == "release" else [r["compiledRelease"] for r in items]
    ocids = {c.ocid for c in contracts if c.ocid}
    assert num_contracts > 600
    # One release per ocid: contracts sharing an ocid are in one release.
    assert len(items) == num_contracts - (sum(1 for c in contracts if c.ocid) - len(ocids))
    assert package["extensions"][0].startswith("https://raw.githubusercontent.com/cabinetoffice/")
    parties = [p for r in releases for p in r["parties"] if "supplier" in p["roles"]]
    assert sum("scale" in p.get("details", {}) for p in parties) > 100
    assert sum("vcse" in p.get("details", {}) for p in parties) > 10
    assert sum(p.get("identifier", {}).get("scheme") == "GB-COH" for p in parties) > 100
    # The real register holds no VAT-inclusive value it did not estimate: no amountGross.
    assert not any("amountGross" in a.get("value", {}) for r in releases for a in r["awards"])

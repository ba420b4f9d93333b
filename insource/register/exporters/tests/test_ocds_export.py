"""The OCDS export: packages from the real demo register validate against the shipped UK
profile with every `$ref` resolved locally (nothing fetched), and UK fields are filled where
the register has them."""

from __future__ import annotations

import urllib.request

import pytest
from jsonschema import Draft4Validator
from referencing.exceptions import Unresolvable

from insource.register.exporters import ocds
from insource.register.exporters.queries import contracts_for_export
from insource.register.exporters.schema import (
    BASE,
    RELEASE_SCHEMA_URL,
    refs_in,
    registry,
)
from insource.register.models import Contract
from insource.testing.ocds_export import PUBLISHED_AT, URI, build, errors_of, meta

pytestmark = pytest.mark.django_db


def test_every_ref_of_the_package_schemas_resolves_locally(no_network):
    for name in ("release-package-schema.json", "record-package-schema.json"):
        schema = registry().contents(BASE + name)
        resolver = registry().resolver(base_uri=BASE + name)
        for ref in refs_in(schema):
            assert resolver.lookup(ref).contents, ref
    profile = registry().contents(RELEASE_SCHEMA_URL)
    resolver = registry().resolver(base_uri=RELEASE_SCHEMA_URL)
    assert len(refs_in(profile)) > 30
    for ref in refs_in(profile):
        assert resolver.lookup(ref).contents, ref


def test_an_unknown_ref_fails_instead_of_being_fetched(no_network, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("urlopen called")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    schema = {"$ref": "https://standard.open-contracting.org/schema/1__1__5/unknown.json"}
    with pytest.raises(Unresolvable):
        Draft4Validator(schema, registry=registry()).validate({})


def test_extensions_are_the_uk_extension_its_dependencies_and_party_scale():
    urls = ocds.extensions()
    assert urls[0] == ocds.UK_EXTENSION_URL and urls[-1] == ocds.PARTY_SCALE_EXTENSION_URL
    names = {u.split("/")[4] for u in urls[1:-1]}
    assert names == {
        "ocds_awardCriteria_extension",
        "ocds_bid_extension",
        "ocds_communication_extension",
        "ocds_location_extension",
        "ocds_otherRequirements_extension",
        "ocds_performance_failures_extension",
        "ocds_subcontracting_extension",
        "ocds_suitability_extension",
        "ocds_techniques_extension",
    }


def _release_of(package, contract) -> dict:
    ocid = ocds.ocid_of(contract, ocds.PackageMeta(uri=URI, published_at=PUBLISHED_AT).ocid_prefix)
    return next(r for r in package["releases"] if r["ocid"] == ocid)


def test_uk_fields_where_the_register_has_them(world, no_network):
    package = build("release", contracts_for_export(authority=world.authority))
    assert errors_of("release", package) == []
    refuse = _release_of(package, world.contracts["refuse"])
    value = refuse["awards"][0]["value"]
    assert value == {"amountGross": 12000000.0, "currency": "GBP"}  # VAT-inclusive, known
    care = _release_of(package, world.contracts["care"])
    assert care["awards"][0]["value"] == {"amount": 1000000.0, "currency": "GBP"}  # no estimate
    supplier = next(p for p in care["parties"] if "supplier" in p["roles"])
    assert supplier["details"] == {"scale": "sme", "vcse": True}
    waste = next(p for p in refuse["parties"] if "supplier" in p["roles"])
    assert waste["id"] == "GB-COH-ZZ000001" and waste["details"] == {
        "scale": "large",
        "vcse": False,
    }
    assert refuse["tender"]["items"][0]["classification"]["id"] == "90511000"
    assert refuse["buyer"] == {"id": "la:ZZA", "name": "Testshire County Council"}


def test_terminated_contract(world):
    package = build("release", contracts_for_export(authority=world.authority))
    ended = _release_of(package, world.contracts["terminated"])
    assert ended["tag"] == ["award", "contractTermination"]
    assert ended["contracts"][0]["status"] == "terminated"
    # The register records no termination rationale, so none is published.
    assert "terminationRationaleClassifications" not in ended["contracts"][0]


def test_ocids_minted_for_contracts_without_one_are_stable(world):
    contract = world.contracts["care"]
    contract.ocid = ""
    minted = ocds.ocid_of(contract, "ocds-abc123")
    assert minted == ocds.ocid_of(contract, "ocds-abc123")
    assert minted.startswith("ocds-abc123-") and ":" not in minted
    odd = Contract(source_key="tabular:mapping:A/1 B")
    assert ocds.ocid_of(odd, "p") != ocds.ocid_of(Contract(source_key="tabular:mapping:A-1-B"), "p")


def test_release_ids_change_only_when_the_content_does(world):
    first = build("release", contracts_for_export(authority=world.authority))
    again = build("release", contracts_for_export(authority=world.authority))
    assert [r["id"] for r in first["releases"]] == [r["id"] for r in again["releases"]]
    Contract.objects.filter(pk=world.contracts["care"].pk).update(title="Changed")
    changed = build("release", contracts_for_export(authority=world.authority))
    assert (
        sum(a["id"] != b["id"] for a, b in zip(first["releases"], changed["releases"], strict=True))
        == 1
    )


def test_packages_are_streamed_not_built_in_memory(world):
    contracts = contracts_for_export()
    chunks = ocds.release_package(contracts, meta())
    head = next(chunks)
    assert head.endswith(b'"releases":[') and contracts._result_cache is None
    rest = b"".join(chunks)
    assert rest.endswith(b"]}") and contracts._result_cache is None

"""Small OCDS documents for importer tests, built from the shape of the real releases."""

import copy
import json

BASE = {
    "ocid": "ocds-b5fd17-test-0001",
    "id": "release-1",
    "date": "2025-01-23T22:10:19Z",
    "tag": ["award"],
    "initiationType": "tender",
    "buyer": {"id": "GB-CFS-1", "name": "Bristol City Council"},
    "parties": [
        {"id": "GB-CFS-1", "name": "Bristol City Council", "roles": ["buyer"]},
        {
            "id": "GB-COH-01234567",
            "name": "J&amp;B Recycling Ltd",
            "identifier": {"scheme": "GB-COH", "id": "01234567"},
            "address": {"streetAddress": "1 High St", "postalCode": "bs1 1aa"},
            "details": {"scale": "sme", "vcse": False},
            "roles": ["supplier"],
        },
    ],
    "tender": {
        "id": "T1",
        "title": "Household waste collection",
        "description": "Collection of household waste",
        "classification": {"scheme": "CPV", "id": "90511000"},
        "mainProcurementCategory": "services",
    },
    "awards": [
        {
            "id": "award-1",
            "date": "2025-01-10T00:00:00Z",
            "status": "active",
            "value": {"amount": 1200000, "currency": "GBP"},
            "suppliers": [{"id": "GB-COH-01234567", "name": "J&amp;B Recycling Ltd"}],
            "contractPeriod": {
                "startDate": "2025-04-01T00:00:00Z",
                "endDate": "2028-03-31T23:59:59Z",
            },
        }
    ],
}


def release(**changes) -> dict:
    """A copy of BASE with dotted-path changes, e.g. release(**{"awards.0.value.amount": -1})."""
    doc = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parents, last = path.split(".")
        node = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value
    return doc


DELETE = object()


def package(*releases) -> str:
    return json.dumps(
        {
            "uri": "test",
            "version": "1.1",
            "publishedDate": "2025-03-21T00:00:00Z",
            "publisher": {"name": "test"},
            "releases": list(releases),
        }
    )

"""Every CSV the public API serves starts with a UTF-8 byte-order mark, so Excel reads it as
UTF-8 and shows £ and é (issue 18); `utf-8-sig` reads it back."""

from __future__ import annotations

import csv
import io

import pytest

from insource.register.columns import csv_columns

pytestmark = pytest.mark.django_db
BASE = "/api/public/v1"
BOM = b"\xef\xbb\xbf"


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_register_csv_starts_with_a_byte_order_mark(client, world):
    data = body(client.get(f"{BASE}/exports/contracts.csv"))
    assert data.startswith(BOM) and not data[3:].startswith(BOM)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(csv_columns())
    assert len(rows) > 1


def test_the_decisions_csv_starts_with_a_byte_order_mark(client, world):
    data = body(client.get(f"{BASE}/exports/decisions.csv"))
    assert data.startswith(BOM) and not data[3:].startswith(BOM)
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert not header[0].startswith("\ufeff")

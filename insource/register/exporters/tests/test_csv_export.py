"""CSV exports: the register round-trips column by column; decisions only once published."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from insource.register.exporters import csv as csv_export
from insource.register.exporters.queries import contracts_for_export
from insource.register.models import Contract
from insource.testing.open_data import build_world
from insource.transparency.exports.decisions import decisions_csv, publications_for_export

pytestmark = pytest.mark.django_db


def read(chunks) -> list[dict]:
    return list(csv.DictReader(io.StringIO("".join(chunks))))


def parse(column: str, text: str, model_value):
    """A CSV cell back to the type the register holds."""
    text = csv_export.unescape(text)
    if model_value is None:
        return None if text == "" else text
    if isinstance(model_value, bool):
        return {"true": True, "false": False}[text]
    if isinstance(model_value, Decimal):
        return Decimal(text)
    if isinstance(model_value, date):
        return date.fromisoformat(text)
    if isinstance(model_value, int):
        return int(text)
    return text


def test_register_round_trips(world):
    rows = read(csv_export.register_csv(contracts_for_export()))
    assert list(rows[0]) == list(csv_export.REGISTER_COLUMNS)
    by_id = {int(r["id"]): r for r in rows}
    assert set(by_id) == {c.pk for c in world.contracts.values()}
    for contract in contracts_for_export():
        row = by_id[contract.pk]
        for column, get in csv_export.REGISTER_COLUMNS.items():
            expected = get(contract)
            assert parse(column, row[column], expected) == expected, (contract.pk, column)


def test_formula_like_text_is_escaped_and_restored(world):
    rows = read(csv_export.register_csv(contracts_for_export()))
    cleaning = next(r for r in rows if int(r["id"]) == world.contracts["cleaning"].pk)
    assert cleaning["supplier_names"].startswith("'=HYPERLINK")
    assert csv_export.unescape(cleaning["supplier_names"]) == '=HYPERLINK("x") Cleaning Ltd'
    assert csv_export.unescape(csv_export.cell("'quoted")) == "'quoted"


def test_decisions_csv_has_published_decisions_only(db):
    world = build_world(with_unpublished=True)
    rows = read(decisions_csv(publications_for_export(), base_url="https://insource.example/"))
    assert [int(r["decision_id"]) for r in rows] == [world.decision.pk]
    row = rows[0]
    assert row["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION" and row["authority"] == "ZZA"
    assert row["pack_url"] == f"https://insource.example/public/decisions/{world.decision.pk}/"
    assert row["policy_preset"] == "labour-2019-local" and row["signer_name"]
    assert "@" not in "".join(row.values())


def test_authority_filter(world):
    rows = read(csv_export.register_csv(contracts_for_export(authority=world.other)))
    assert [r["title"] for r in rows] == ["School meals catering"]
    assert Contract.objects.count() == 5

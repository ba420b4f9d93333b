"""The register's text search through each database's own index (ADR 0050): what matches is
the same on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm), and the index follows every write."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from insource.register import text_search
from insource.register.filters import ContractFilter
from insource.register.models import Contract
from insource.register.selectors.contracts import contract_list
from insource.testing.factories import ContractFactory, SupplierFactory, empty_register

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _only_this_tests_rows(db):
    empty_register()


def found(**params) -> list[str]:
    search = ContractFilter(params, queryset=contract_list())
    assert search.is_valid(), search.errors
    return sorted(c.title for c in search.qs)


@pytest.fixture
def register():
    veolia = SupplierFactory(name="Veolia ES Ltd")
    care = SupplierFactory(name="Care & Co (UK) 100% Ltd")
    ContractFactory(title="Waste collection", suppliers=[veolia])
    ContractFactory(title="Bins and WASTE", suppliers=[care])
    ContractFactory(title="Libraries")
    ContractFactory(title="Home care_visits")
    ContractFactory(title="Café supplies")


def test_every_word_is_a_substring_of_title_or_suppliers_in_any_case(register):
    assert found(q="waste") == ["Bins and WASTE", "Waste collection"]
    assert found(q="aste") == ["Bins and WASTE", "Waste collection"]
    assert found(q="veolia collection") == ["Waste collection"]
    assert found(q="VEOLIA  bins") == []
    assert found(q="librar") == ["Libraries"]
    assert found(q="nothing-like-this") == []


def test_short_words_match_as_substrings_too(register):
    assert found(q="es") == ["Café supplies", "Libraries", "Waste collection"]
    assert found(q="uk waste") == ["Bins and WASTE"]
    assert found(q="é") == ["Café supplies"]


def test_wildcards_and_quotes_are_plain_characters(register):
    assert found(q="100%") == ["Bins and WASTE"]
    assert found(q="%") == ["Bins and WASTE"]
    assert found(q="care_") == ["Home care_visits"]
    assert found(q='"waste"') == []
    assert found(q="(uk)") == ["Bins and WASTE"]
    assert found(q="AND OR NOT") == []


def test_supplier_filter_is_the_text_as_typed(register):
    assert found(supplier="veolia es") == ["Waste collection"]
    assert found(supplier="es ltd") == ["Waste collection"]
    assert found(supplier="ltd") == ["Bins and WASTE", "Waste collection"]
    assert found(supplier="waste") == []
    assert found(supplier="co") == ["Bins and WASTE"]
    assert found(supplier="100% ltd") == ["Bins and WASTE"]


def test_the_index_follows_updates_and_deletes(register):
    contract = Contract.objects.get(title="Libraries")
    contract.title = "Leisure centres"
    contract.save()
    assert found(q="libraries") == []
    assert found(q="leisure") == ["Leisure centres"]
    Contract.objects.filter(title="Waste collection").update(supplier_names="Biffa plc")
    assert found(supplier="veolia") == []
    assert found(q="biffa") == ["Waste collection"]
    Contract.objects.filter(title="Leisure centres").delete()
    assert found(q="leisure") == []
    ContractFactory(title="Leisure again")
    assert found(q="leisure") == ["Leisure again"]
    _index_is_whole()


def test_the_search_uses_the_databases_own_index(register):
    sql = str(
        ContractFilter({"q": "waste", "supplier": "veolia"}, queryset=contract_list()).qs.query
    )
    if connection.vendor == "sqlite":
        assert text_search.fts_ready()
        assert sql.count("register_contract_text MATCH") == 2
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'register_contract' AND name LIKE 'register_contract_text_%%' "
                "ORDER BY 1"
            )
            assert [r[0] for r in cursor.fetchall()] == [
                "register_contract_text_delete",
                "register_contract_text_insert",
                "register_contract_text_update",
            ]
    else:
        assert sql.count("ILIKE") == 2
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'register_contract' "
                "AND indexdef LIKE '%%gin_trgm_ops%%' ORDER BY 1"
            )
            trigram = {r[0] for r in cursor.fetchall()}
            assert {"contract_suppliers_trgm", "contract_text_trgm"} <= trigram


def test_the_portal_and_the_api_search_alike(client, register):
    page = client.get(reverse("portal:contracts"), {"q": "waste veolia"})
    assert [c.title for c in page.context["page_obj"].object_list] == ["Waste collection"]
    api = client.get("/api/public/v1/contracts/", {"q": "waste", "supplier": "veolia es"})
    assert [c["title"] for c in api.json()["results"]] == ["Waste collection"]


def _index_is_whole() -> None:
    """SQLite: FTS5's own check that the index holds exactly the contracts' rows."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO register_contract_text(register_contract_text, rank) "
                "VALUES ('integrity-check', 1)"
            )


def test_emptying_a_loaded_register_empties_the_index_and_keeps_its_triggers(real_register):
    # The autouse fixture has emptied the real register (one statement for the index).
    assert found(q="waste") == []
    _index_is_whole()
    ContractFactory(title="Waste again")
    assert found(q="waste") == ["Waste again"]
    Contract.objects.filter(title="Waste again").delete()
    assert found(q="waste") == []
    _index_is_whole()

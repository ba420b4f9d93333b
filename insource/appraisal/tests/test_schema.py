"""Bad input is refused with the field's path and how to fix it."""

import json

import pytest

from insource.appraisal.engine import AppraisalInputError, appraise_document
from insource.appraisal.engine.schema import PATH, schema
from insource.testing.appraisal_documents import doc, line


def problems(d) -> list[str]:
    with pytest.raises(AppraisalInputError) as caught:
        appraise_document(d, draws=10)
    return [str(p) for p in caught.value.problems]


def good():
    return doc([line("pay", 100)], [line("price", 120)])


def test_the_schema_is_a_valid_json_schema_shipped_in_the_package():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    assert json.loads(PATH.read_text())["title"].startswith("Insource options appraisal")


def test_the_sample_in_docs_is_valid():
    from pathlib import Path

    sample = Path(__file__).resolve().parents[3] / "docs" / "samples" / "appraisal-sample.json"
    result = appraise_document(json.loads(sample.read_text()), draws=1_000)
    assert set(result["options"]) == {"inhouse", "outsourced", "shared", "company", "community"}


def test_a_missing_field_is_named_with_its_path():
    d = good()
    del d["term_years"]
    assert problems(d) == ["term_years: missing. Fix: add term_years"]


def test_a_bad_amount_names_the_line():
    d = good()
    d["options"]["inhouse"]["lines"][0]["amount_gbp"] = "lots"
    (text,) = problems(d)
    assert text.startswith("options.inhouse.lines[0].amount_gbp: ")
    assert '"min": 1, "most_likely": 2, "max": 3' in text


def test_an_unknown_category_lists_the_choices():
    d = good()
    d["options"]["outsourced"]["lines"][0]["category"] = "stuff"
    (text,) = problems(d)
    assert text.startswith("options.outsourced.lines[0].category") and "supplier_price" in text


def test_a_misspelt_field_is_refused():
    d = good()
    d["options"]["inhouse"]["lines"][0]["ammount"] = 3
    assert "options.inhouse.lines[0]" in problems(d)[0] and "ammount" in problems(d)[0]


def test_a_bad_date():
    d = good() | {"appraisal_on": "23/11/2026"}
    assert problems(d)[0].startswith("appraisal_on: ")


def test_a_range_out_of_order():
    d = doc([line("pay", (100, 90, 110))], [line("price", 120)])
    (text,) = problems(d)
    assert text.startswith("options.inhouse.lines[0].amount_gbp: min 100, most likely 90")
    assert "min ≤ most_likely ≤ max" in text


def test_a_percentage_of_a_line_that_is_not_there():
    d = doc(
        [line("pay", 100), line("lgps", None, percent_of=["wages"], rate_pct=19)], [line("p", 1)]
    )
    (text,) = problems(d)
    assert text.startswith("options.inhouse.lines[1].percent_of: no line 'wages'")


def test_percentages_in_a_circle():
    d = doc(
        [
            line("a", None, percent_of=["b"], rate_pct=1),
            line("b", None, percent_of=["a"], rate_pct=1),
        ],
        [line("p", 1)],
    )
    assert any("circle" in p for p in problems(d))


def test_every_problem_is_reported_at_once():
    d = doc([line("pay", -5), line("pay", 10, to_year=0)], [line("p", 1, year=2)])
    found = problems(d)
    assert len(found) == 4, found
    assert any(p.startswith("options.inhouse.lines[0].amount_gbp: -5 is negative") for p in found)
    assert any("used twice" in p for p in found)
    assert any(p.startswith("options.inhouse.lines[1].to_year") for p in found)
    assert any(p.startswith("options.outsourced.lines[0].year") for p in found)


def test_a_vat_line_needs_its_share():
    d = doc([line("pay", 1)], [line("p", 1), line("v", None, category="vat", percent_of=["p"])])
    assert problems(d) == [
        "options.outsourced.lines[1].irrecoverable_vat_share_pct: missing. "
        "Fix: add irrecoverable_vat_share_pct"
    ]

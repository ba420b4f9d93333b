"""The model contract's pure parts: the clause markup, templates and their plain errors, the
library's checks on the shipped clauses, the values read as at the decision date, the layout
file. Hand-worked figures: POLICY.md §3 (Real Living Wage, NLW) and §4 MS1."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from insource.policy.params import Parameters
from insource.standards.model_contract import build_template, library, samples, values
from insource.standards.model_contract.layout import DOCX_TEMPLATE
from insource.standards.model_contract.markup import parse
from insource.standards.model_contract.templating import ClauseTemplateError, check_typed, fill

SHIPPED = library.shipped()
FAIR_WAGE = next(c for c in SHIPPED if c.key == "fair_wage")


def test_markup_numbers_sub_clauses_items_and_tables():
    text = (
        "First.\ncontinued\n\nSecond:\n- one;\n  - deep\n- two\n* **Term** means x\n\n"
        "| A | B |\n|---|---|\n| 1 | 2 |"
    )
    blocks = parse(text, "4")
    assert [(b.kind, b.label) for b in blocks] == [
        ("para", "4.1"),
        ("para", "4.2"),
        ("item", "(a)"),
        ("item", "(i)"),
        ("item", "(b)"),
        ("defn", ""),
        ("table", ""),
    ]
    assert blocks[0].text == "First. continued"
    assert blocks[5].runs == [("Term", True), (" means x", False)]
    assert blocks[6].rows == [["A", "B"], ["1", "2"]]


def test_a_clause_of_one_paragraph_is_not_sub_numbered_and_schedules_number_paragraphs():
    assert parse("Only one.", "9")[0].label == ""
    assert [b.label for b in parse("a\n\nb")] == ["1.", "2."]


def test_fill_reports_an_unknown_field_with_its_line_and_the_fields_there_are():
    with pytest.raises(ClauseTemplateError) as error:
        fill("ok\n{{ wage.rat }}", {"wage": {"rate": "£1", "nlw": "£2"}})
    assert error.value.line == 2
    assert "“wage.rat” is not a field you can use. Use one of: wage.nlw, wage.rate" in str(
        error.value
    )


def test_fill_reports_syntax_errors_plainly_and_the_sandbox_refuses_internals():
    with pytest.raises(ClauseTemplateError, match="Line 2: the template syntax is wrong"):
        fill("a\n{% if %}", {})
    with pytest.raises(ClauseTemplateError):
        fill("{{ ''.__class__.__mro__ }}", {})


def test_a_block_tag_ending_a_line_keeps_the_paragraph_break():
    text = fill("A{% if x %} yes{% endif %}\n\nB\n{% if x %}\nC\n{% endif %}", {"x": True})
    assert text == "A yes\n\nB\nC\n"


@pytest.mark.parametrize(
    "typed", ["£13.45 an hour", "within 30 days", "10 working days", "36 months"]
)
def test_typed_rates_and_periods_are_refused(typed):
    with pytest.raises(ClauseTemplateError, match="typed into the clause"):
        check_typed(f"Pay {typed}.")


def test_fields_and_bracketed_words_are_not_typed_figures():
    check_typed("within {{ payment.days }} days, [three] months, section 3(2)(b), 2017 Regulations")


def test_every_shipped_clause_passes_the_library_checks():
    assert {
        c.key: library.problems(c, SHIPPED) for c in SHIPPED if library.problems(c, SHIPPED)
    } == {}
    assert len({c.key for c in SHIPPED}) == len(SHIPPED) == 17


def test_a_standard_clause_must_use_its_parameter():
    problems = library.problems(replace(FAIR_WAGE, body="The Supplier pays a fair wage."), SHIPPED)
    assert problems == {
        "body": "A clause carrying MS1 must state the Fair Wage rate: use {{ wage.agreed_rate }} "
        "in its text"
    }


def test_a_cross_reference_to_a_missing_clause_is_refused():
    body = FAIR_WAGE.body + "\nSee {{ ref.no_such_clause }}."
    assert "ref.no_such_clause" in library.problems(replace(FAIR_WAGE, body=body), SHIPPED)["body"]


def test_the_fair_wage_on_1_june_2026_in_london_is_the_announced_14_80():
    reader = values.Reader(Parameters(), date(2026, 6, 1))
    wage = values.wage(reader, is_london=True, proposed="14.80")
    assert (wage["rate"], wage["agreed_rate"], wage["has_pending_uplift"]) == (
        "£14.80",
        "£14.80",
        False,
    )
    assert (wage["announced_on"], wage["required_from"], wage["uplift_by"]) == (
        "22 October 2025",
        "1 May 2026",
        "1 May",
    )
    assert (wage["nlw"], wage["nlw_from"]) == ("£12.71", "1 April 2026")


def test_between_announcement_and_1_may_the_contract_runs_under_the_announced_rate():
    """MS1: proposed terms are compared with the latest rate announced by the decision date;
    until its required date the rate then payable is the minimum."""
    reader = values.Reader(Parameters(), date(2025, 11, 3))
    wage = values.wage(reader, is_london=False, proposed=None)
    assert (wage["rate"], wage["current_rate"], wage["has_pending_uplift"]) == (
        "£13.45",
        "£12.60",
        True,
    )
    assert wage["required_from"] == "1 May 2026" and wage["nlw"] == "£12.21"


def test_a_higher_proposed_rate_is_the_agreed_rate_and_a_lower_one_never_is():
    reader = values.Reader(Parameters(), date(2026, 6, 1))
    assert values.wage(reader, is_london=False, proposed="15.00")["agreed_rate"] == "£15.00"
    assert values.wage(reader, is_london=False, proposed="12.00")["agreed_rate"] == "£13.45"


def test_the_capacity_ground_caps_the_term_and_keeps_the_re_review_date():
    reader = values.Reader(Parameters(), date(2026, 6, 1))
    term = values.term(
        reader,
        grounds=["OUTSOURCE_GOOD_REASON_CAPACITY"],
        terms={"max_term_months": 48},
        end_on=date(2027, 9, 30),
        re_review_on=date(2028, 9, 30),
        is_framework=False,
    )
    assert term == {
        "months": "36 months",
        "limit": "36 months",
        "cap": "36 months",
        "capacity": True,
        "starts_on": "1 October 2027",
        "ends_on": "30 September 2030",
        "re_review_on": "30 September 2028",
    }


def test_without_capacity_the_re_review_is_the_lead_time_before_expiry():
    reader = values.Reader(Parameters(), date(2026, 6, 1))
    term = values.term(
        reader,
        grounds=["OUTSOURCE_PUBLIC_INTEREST_TEST_MET"],
        terms={},
        end_on=date(2027, 9, 30),
        re_review_on=None,
        is_framework=False,
    )
    # 60 months from 1 October 2027 ends 30 September 2032; 18 months before: 30 March 2031.
    assert (term["months"], term["ends_on"], term["re_review_on"]) == (
        "60 months",
        "30 September 2032",
        "30 March 2031",
    )


def test_kpis_law_applies_above_five_million_and_extra_rows_are_numbered():
    reader = values.Reader(Parameters(), date(2026, 6, 1))
    assert values.kpi(reader, proposed=5, value="12000000")["extra_numbers"] == [4, 5]
    assert values.kpi(reader, proposed=None, value="4000000")["law_applies"] is False


def test_the_samples_fill_every_shipped_clause():
    from insource.standards.model_contract.document import build

    for data in samples.sample_data():
        document = build([replace(c, number=1) for c in SHIPPED], data)
        assert len(document.clauses) == 14 and len(document.schedules) == 4  # 13 clauses + note


def test_the_shipped_word_layout_is_what_the_build_script_makes():
    assert DOCX_TEMPLATE.read_bytes() == build_template.build(), (
        "run python -m insource.standards.model_contract.build_template"
    )

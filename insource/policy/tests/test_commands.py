"""The pure functions behind `insource policy evaluate|params|docs`."""

import json
from datetime import date

import pytest
from ruamel.yaml import YAML

from insource.policy import FactsError
from insource.policy.commands import (
    evaluate_lines,
    evaluate_path,
    format_params,
    params_at,
    with_overrides,
    write_docs,
)
from insource.policy.presets import get_preset
from insource.testing.policy import CASES, base_facts, load_case

THRESHOLD = "thresholds.procurement_act_2023.uk.sub_central.supplies_services"


def doc(**contract):
    facts = base_facts(cpv=["90511000"], **contract)
    del facts["decision_on"]
    return facts


def test_jsonl_gives_one_decision_per_line_in_order_and_errors_inline():
    lines = [
        json.dumps(doc(value_inc_vat="100000")),
        "",
        "{not json",
        json.dumps(doc(value_inc_vat="9000000")),
    ]
    out = [json.loads(x) for x in evaluate_lines(lines, on=date(2026, 6, 1))]
    assert [o.get("outcome") for o in out] == [
        "EXEMPT_BELOW_THRESHOLD",
        None,
        "INSOURCE_AT_RISK_GUIDANCE",
    ]
    assert out[1]["line"] == 3 and "not valid JSON" in out[1]["error"]


def test_on_fills_the_decision_date_and_refuses_disagreement(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(doc(value_inc_vat="100000") | {"decision_on": "2026-06-01"}))
    assert "EXEMPT_BELOW_THRESHOLD" in next(evaluate_path(path, on=date(2026, 6, 1)))
    with pytest.raises(FactsError, match="--on says 2026-01-01"):
        next(evaluate_path(path, on=date(2026, 1, 1)))


def test_preset_fills_and_refuses_disagreement(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(doc(value_inc_vat="2000000") | {"decision_on": "2026-06-01"}))
    out = json.loads(next(evaluate_path(path, preset=get_preset("ppn-024-consider"), as_json=True)))
    assert out["policy_version"]["preset"] == "ppn-024-consider"
    path.write_text(json.dumps(doc() | {"decision_on": "2026-06-01", "preset": "custom"}))
    with pytest.raises(FactsError, match="--preset says"):
        next(evaluate_path(path, preset=get_preset("ppn-024-consider")))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FactsError, match="there is no file"):
        next(evaluate_path(tmp_path / "nope.json"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_facts_through_the_command_path(tmp_path, path):
    case, preset = load_case(path), None
    if case.get("preset"):
        preset_file = tmp_path / "authority-preset.yaml"
        with preset_file.open("w") as f:
            YAML().dump(json.loads(json.dumps(case["preset"], default=str)), f)
        preset = get_preset(str(preset_file))
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(case["facts"], default=str))
    out = json.loads(next(evaluate_path(facts, preset=preset, as_json=True)))
    assert (out["outcome"], out["status"]) == (case["expect"]["outcome"], case["expect"]["status"])


def test_params_at_a_date_with_citations_and_overrides():
    rows = {r["name"]: r for r in params_at(date(2025, 12, 31))}
    assert rows[THRESHOLD]["value"] == 214904 and "Schedule 1" in rows[THRESHOLD]["citation"]
    assert params_at(date(2026, 1, 1))[0]["citation"]
    preset = with_overrides(
        get_preset(None), [{"parameter": THRESHOLD, "value": "150000", "reason": "Cabinet 2026/3"}]
    )
    row = {r["name"]: r for r in params_at(date(2026, 6, 1), preset)}[THRESHOLD]
    assert (row["value"], row["override_reason"]) == (150000, "Cabinet 2026/3")
    assert "override: Cabinet 2026/3" in format_params([row])


def test_write_docs(tmp_path):
    paths = write_docs(tmp_path)
    rules = (tmp_path / "rules.md").read_text()
    assert all(p.read_text().startswith("<!-- GENERATED") for p in paths)
    assert "`gateway.below_threshold`" in rules and "> value_inc_vat < the threshold" in rules
    params = (tmp_path / "parameters.md").read_text()
    assert "| 2026-01-01 | 207720 | in_force |" in params
    assert write_docs(tmp_path) and (tmp_path / "rules.md").read_text() == rules

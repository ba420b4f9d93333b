"""Criterion T4 reads the appraisal's probability and carries its figures into the trace."""

from insource.policy import evaluate
from insource.testing.policy import PIT_PASS, refuse


def t4(appraisal: dict):
    pit = PIT_PASS | {"T4": None, "appraisal": appraisal}
    result = evaluate(refuse(public_interest_test=pit)).to_dict()
    (entry,) = [e for e in result["trace"] if e["id"] == "track.public_interest_test"]
    return result, entry


FIGURES = {
    "p_inhouse_cheaper": "0.9792",
    "inhouse_cost_gbp": "39649336.50",
    "outsourced_cost_gbp": "43631864.35",
    "run_id": 7,
    "run_sha256": "ab" * 32,
}


def test_in_house_cheaper_fails_t4_with_the_figures_in_the_trace():
    result, entry = t4(FIGURES)
    assert result["outcome"] == "INSOURCE_STATUTORY_PRESUMPTION"
    (failed,) = entry["failed"]
    assert "in-house £39,649,336, outsourced £43,631,864" in failed
    assert "a 97.9% probability that in-house costs less (the test passes below 50%)" in failed
    assert entry["data"]["appraisal"]["p_inhouse_cheaper"] == "0.9792"
    assert "£43,631,864" in result["explanation"]


def test_outsourcing_cheaper_passes_t4():
    _, entry = t4(FIGURES | {"p_inhouse_cheaper": "0.2"})
    (held,) = entry["held"]
    assert held.startswith("it passed every enabled test (T1") and "a 20.0% probability" in held

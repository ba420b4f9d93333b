"""`insource appraisal run|discount-factors`: output keys, JSON, errors without a traceback."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from insource.testing.appraisal_documents import doc, line

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "docs" / "samples" / "appraisal-sample.json"


def run(*args) -> str:
    out = StringIO()
    call_command("appraisal", *args, stdout=out)
    return out.getvalue()


def test_run_json_has_the_documented_keys():
    result = json.loads(run("run", str(SAMPLE), "--draws", "20000", "--seed", "3", "--json"))
    for key in ("options", "difference", "p10", "p50", "p90", "p_inhouse_cheaper"):
        assert key in result
    assert set(result["options"]) == {"inhouse", "outsourced", "shared", "company", "community"}
    assert result["difference"] == pytest.approx(
        result["options"]["outsourced"] - result["options"]["inhouse"], abs=0.02
    )
    assert result["p10"] <= result["p50"] <= result["p90"]
    assert 0 <= result["p_inhouse_cheaper"] <= 1
    assert result["draws"] == 20000 and result["seed"] == 3


def test_run_is_reproducible_with_a_seed():
    args = ("run", str(SAMPLE), "--draws", "5000", "--seed", "9", "--json")
    assert run(*args) == run(*args)


def test_run_text_names_the_options_and_the_probability():
    text = run("run", str(SAMPLE), "--draws", "5000")
    assert "In-house (council direct service): £" in text
    assert "Probability that in-house costs less:" in text


def test_discount_factors_json_is_n_plus_one_year_0_first():
    factors = json.loads(run("discount-factors", "--years", "31", "--on", "2026-11-23", "--json"))
    assert len(factors) == 32 and factors[0] == 1.0
    assert round(factors[1], 4) == 0.9662 and round(factors[10], 4) == 0.7089
    assert round(factors[30], 4) == 0.3563 and round(factors[31], 4) == 0.3459


def test_discount_factors_text():
    assert run("discount-factors", "--years", "1", "--on", "2026-11-23").split() == [
        "0",
        "1.0000",
        "1",
        "0.9662",
    ]


def test_bad_input_names_the_path(tmp_path):
    bad = doc([line("pay", (10, 5, 1))], [line("p", 1)])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(CommandError, match=r"options\.inhouse\.lines\[0\]\.amount_gbp"):
        run("run", str(path))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        (None, "no such file"),
        ("[" * 100_000 + "]" * 100_000, "nested more than 32 levels deep"),
        ('{"term_years": ' + "9" * 5000 + "}", "longer than 1,000 digits"),
    ],
)
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "f.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(CommandError, match=message):
        run("run", str(path))


def test_draws_out_of_range():
    with pytest.raises(CommandError, match="--draws 0"):
        run("run", str(SAMPLE), "--draws", "0")


def test_the_console_script_exits_non_zero_without_a_traceback(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"version": 1}))
    script = Path(sys.executable).parent / "insource"
    env = os.environ | {"INSOURCE_ENV": os.environ.get("INSOURCE_ENV", "test")}
    done = subprocess.run(
        [str(script), "appraisal", "run", str(path)], capture_output=True, text=True, env=env
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "title: missing. Fix: add title" in done.stderr

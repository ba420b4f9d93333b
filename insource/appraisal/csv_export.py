"""The appraisal run as CSV: one table of every figure a reader may want to check or reuse
(the summary, each line's present value and source, each option's cash flows, the tornado,
the parameters with their citations, and the run's identity). Text cells a spreadsheet would
run as a formula are protected as in the register's CSV (`register.exporters.csv.cell`)."""

from __future__ import annotations

import csv
import io

from insource.register.exporters.csv import cell

HEADER = ["section", "option", "item", "year", "value", "unit", "source"]


def _summary(r: dict) -> list[list]:
    rows = [
        ["summary", k, "net present cost (most likely)", "", v, "GBP", ""]
        for k, v in r["options"].items()
    ]
    rows += [
        ["summary", k, f"net present cost {p.upper()}", "", d[p], "GBP", ""]
        for k, d in r["distribution"].items()
        for p in ("p10", "p50", "p90")
    ]
    if "cheapest_p50" in r:
        rows.append(
            ["summary", r["cheapest_p50"], "lowest central (P50) net present cost", "", "", "", ""]
        )
        rows += [
            ["summary", k, "probability of being the cheapest option", "", p, "probability", ""]
            for k, p in r["p_cheapest"].items()
        ]
    rows += [
        [
            "summary",
            k,
            f"probability that in-house costs less than {k}",
            "",
            v["p_inhouse_cheaper"],
            "probability",
            "",
        ]
        for k, v in r.get("versus_inhouse", {}).items()
        if k != "outsourced"
    ]
    rows += [
        [
            "summary",
            "",
            "difference, outsourced minus in-house (most likely)",
            "",
            r["difference"],
            "GBP",
            "",
        ],
        ["summary", "", "difference P10", "", r["p10"], "GBP", ""],
        ["summary", "", "difference P50", "", r["p50"], "GBP", ""],
        ["summary", "", "difference P90", "", r["p90"], "GBP", ""],
        ["summary", "", "difference mean", "", r["mean_difference"], "GBP", ""],
        [
            "summary",
            "",
            "probability that in-house costs less",
            "",
            r["p_inhouse_cheaper"],
            "probability",
            "",
        ],
    ]
    return rows


def _details(r: dict) -> list[list]:
    rows = [
        [
            "line",
            ln["option"],
            ln["label"],
            "",
            ln["present_value"],
            "GBP present value",
            ln["source"],
        ]
        for ln in r["lines"]
    ]
    rows += [
        ["cash_flow", k, what, f["year"], f[key], unit, ""]
        for k, flows in r["cash_flows"].items()
        for f in flows
        for what, key, unit in (
            ("cost", "cost", "GBP base-year prices"),
            ("discount factor", "factor", "factor"),
            ("present value", "present_value", "GBP"),
        )
    ]
    rows += [
        [
            "tornado",
            "",
            b["label"],
            "",
            b["swing"],
            "GBP swing of the difference",
            f"min {b['low']}, max {b['high']}",
        ]
        for b in r["tornado"]
    ]
    rows += [
        ["parameter", "", p["name"], p["from"], _text(p["value"]), "", p["citation"]]
        for p in r["parameters"]
    ]
    return rows


def _text(value) -> str:
    return "; ".join(value) if isinstance(value, list) else str(value)


def _safe(value) -> str:
    return str(value) if isinstance(value, int | float) else cell(value)


def run_csv(run) -> str:
    """The CSV text of a run."""
    r = run.results
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows([_safe(v) for v in row] for row in _summary(r) + _details(r))
    for item, value in (
        ("run id", run.pk),
        ("run number", run.number),
        ("sha256", run.sha256),
        ("seed", run.seed),
        ("draws", run.draws),
        ("parameters as on", r["appraisal_on"]),
        ("term years", r["term_years"]),
    ):
        writer.writerow(["run", "", item, "", value, "", ""])
    return out.getvalue()

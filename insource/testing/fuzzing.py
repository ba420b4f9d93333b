"""What every hostile-input property test shares: the example budget, the hypothesis settings,
hostile values, and the two ways of breaking a real file (cells replaced, bytes mangled).

Bounded and derandomised so CI is quick and repeatable; `INSOURCE_FUZZ_EXAMPLES=500` runs more.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("INSOURCE_FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE_TEXT = st.sampled_from(
    [
        "",
        " ",
        "1e308",
        "-1",
        "NaN",
        "Infinity",
        "£1,000,000",
        "0001-01-01",
        "9999-12-31T23:59:59-05:00",
        "2025-13-45",
        "31/02/2025",
        "Waste\x00collection",
        "\ud800",
        "\u202eevil",
        "Bristol City Council",
        "GBP",
        "XYZ",
        "J&amp;amp;B",
        "x" * 5000,
    ]
)
HOSTILE = st.one_of(
    HOSTILE_TEXT,
    st.text(max_size=30),
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
    st.integers(min_value=1, max_value=60).map(lambda n: json.loads("[" * n + "]" * n)),
)


@st.composite
def broken_rows(draw, rows: list[list], *, max_text: int = 30):
    """`rows` with one to four cells replaced by hostile or random text."""
    rows = [list(r) for r in rows]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        row = draw(st.integers(min_value=0, max_value=len(rows) - 1))
        col = draw(st.integers(min_value=0, max_value=len(rows[row]) - 1))
        value = draw(HOSTILE_TEXT | st.text(max_size=max_text))
        rows[row][col] = value.replace("\ud800", "?")  # a file cannot hold a lone surrogate
    return rows


@st.composite
def mangled_bytes(draw, data: bytes):
    """`data` with a few bytes replaced, inserted or deleted, or cut short."""
    data = bytearray(data)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(data) - 1))
        action = draw(st.sampled_from(["replace", "insert", "delete", "cut"]))
        chunk = draw(st.binary(min_size=1, max_size=8))
        if action == "replace":
            data[at : at + len(chunk)] = chunk
        elif action == "insert":
            data[at:at] = chunk
        elif action == "delete":
            del data[at : at + len(chunk)]
        else:
            del data[at:]
        if not data:
            data = bytearray(b"{")
    return bytes(data)

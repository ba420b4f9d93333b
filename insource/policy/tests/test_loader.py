"""The parameter loader refuses what it must, naming the file, the key and the fix."""

from decimal import Decimal

import pytest

from insource.policy.errors import ParameterError
from insource.policy.params import load_all, load_file

GOOD = """\
description: a test parameter
tag: LAW
unit: gbp
override: stricter_lower
values:
  2026-01-01:
    value: "207720"
    status: in_force
    reference:
      title: SI 2025/1200
      href: https://www.legislation.gov.uk/uksi/2025/1200
"""


def write(tmp_path, text):
    root = tmp_path / "parameters"
    (root / "t").mkdir(parents=True)
    path = root / "t" / "param.yaml"
    path.write_text(text, encoding="utf-8")
    return path, root


def test_good_file_loads_money_as_decimal(tmp_path):
    param = load_file(*write(tmp_path, GOOD))
    assert param.name == "t.param"
    assert param.entries[0].value == Decimal("207720")
    assert isinstance(param.entries[0].value, Decimal)


@pytest.mark.parametrize(
    ("text", "key", "fix"),
    [
        (GOOD.replace("tag: LAW\n", "tag: LAW\ntag: SEED\n"), "(file)", "write each key once"),
        (GOOD.replace("unit: gbp\n", "unit: gbp\ncolour: red\n"), "colour", "remove it"),
        (GOOD.replace("      title: SI 2025/1200\n", ""), "reference.title", "add title"),
        (
            GOOD.replace(
                "    reference:\n      title: SI 2025/1200\n      href: https://www.legislation"
                ".gov.uk/uksi/2025/1200\n",
                "",
            ),
            "reference",
            "add reference",
        ),
        (GOOD.replace("2026-01-01:", "2026-13-01:"), "values.2026-13-01", "YYYY-MM-DD"),
        (GOOD.replace('"207720"', '"about 200k"'), "value", "money as digits"),
        (GOOD.replace("override: stricter_lower", "override: any"), "override", "stricter"),
        (GOOD.replace("status: in_force", "status: maybe"), "status", "in_force"),
    ],
)
def test_loader_refuses(tmp_path, text, key, fix):
    path, root = write(tmp_path, text)
    with pytest.raises(ParameterError) as err:
        load_file(path, root)
    message = str(err.value)
    assert "param.yaml" in message and key in message and fix in message


def test_every_shipped_parameter_is_cited_and_dated():
    params = load_all()
    assert len(params) >= 60
    for param in params.values():
        assert param.entries, param.name
        for entry in param.entries:
            assert entry.title and entry.href, param.name
            assert entry.status in {"in_force", "enacted_not_commenced", "policy", "design"}


def test_money_is_never_float():
    for param in load_all().values():
        for entry in param.entries:
            assert not isinstance(entry.value, float), param.name

"""An authority's local area: the officer's list read and checked, and postcodes matched
against districts and areas (ST1 is not ST16; the area ST covers both)."""

from __future__ import annotations

import pytest

from insource.wealth.districts import ELSEWHERE, LOCAL, UNKNOWN, LocalMatcher, local_area_parse
from insource.wealth.postcodes import postcode_of


def _where(entries: str, postcode: str) -> str:
    return LocalMatcher.of(local_area_parse(entries).entries).locality(
        postcode_of(postcode, "", "")
    )


def test_a_list_is_normalised_sorted_and_each_entry_kept_once():
    parsed = local_area_parse(" st16, ST2;st16\nle  WS11\tB")
    assert parsed.errors == ()
    assert parsed.entries == ("B", "LE", "ST2", "ST16", "WS11")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ST16 XY1", "“XY1”: XY is not a UK postcode area"),
        ("ST16 QQ", "“QQ” is not a UK postcode area"),
        ("ST16 2AB", "“2AB” looks like the second half of a full postcode"),
        ("ST16 STAFFORD", "“STAFFORD” is not a postcode district or area"),
        ("ST16 ST1C", "“ST1C” is not a valid postcode district"),
        ("LE GX11", "“GX11”: GX is not a UK postcode area"),
    ],
)
def test_a_bad_entry_is_named(text, message):
    errors = local_area_parse(text).errors
    assert len(errors) == 1 and errors[0].startswith(message)


def test_every_bad_entry_is_named_once():
    errors = local_area_parse("XY1 ST16 XY1 foo").errors
    assert [e.split("”")[0] for e in errors] == ["“XY1", "“FOO"]


@pytest.mark.parametrize(
    ("entries", "postcode", "expected"),
    [
        ("ST1", "ST16 2AB", ELSEWHERE),  # a district never covers a longer one
        ("ST16", "ST1 5SH", ELSEWHERE),
        ("ST16", "ST16 2AB", LOCAL),
        ("ST", "ST16 2AB", LOCAL),  # the area covers every district in it
        ("ST", "ST1 5SH", LOCAL),
        ("S", "SK9 2TB", ELSEWHERE),  # area S (Sheffield) is not area SK
        ("S", "S40 1LA", LOCAL),
        ("B", "BA1 1AA", ELSEWHERE),
        ("EC1", "EC1A 1BB", LOCAL),  # a district covers its sub-districts
        ("EC1A", "EC1V 2NX", ELSEWHERE),
        ("EC1A", "EC1A 1BB", LOCAL),
        ("ST16", "st162ab", LOCAL),
        ("ME16", "ME16", LOCAL),  # a district-only postcode still matches its district
        ("ST16", "not a postcode", UNKNOWN),
        ("", "ST16 2AB", UNKNOWN),  # no local area set: nothing can be placed
    ],
)
def test_districts_and_areas_match_as_written(entries, postcode, expected):
    assert _where(entries, postcode) == expected


def test_an_empty_matcher_is_not_set():
    assert not LocalMatcher.of(()).is_set
    assert LocalMatcher.of(["ST16"]).is_set

"""Which buyers fall in a place and why (membership.py's rules), on a small Staffordshire
(insource/testing/places.py) and on hand-made bodies."""

from __future__ import annotations

import pytest

from insource.places.areas import AreaError, parse_codes, resolve
from insource.places.membership import Body, Place, member_of, normalise
from insource.places.report import place_members
from insource.places.selectors import spec_from_text
from insource.testing.places import STAFFORDSHIRE, staffordshire

COUNTY = Place(STAFFORDSHIRE)


def test_a_county_place_is_the_county_and_its_eight_districts():
    assert resolve("county", "STS") == list(STAFFORDSHIRE)
    assert resolve("county", "e10000028") == list(STAFFORDSHIRE)  # its GSS code


def test_a_combined_authority_place_is_it_and_its_members():
    codes = resolve("combined-authority", "GMCA")
    assert codes[0] == "GMCA" and len(codes) == 11 and "MAN" in codes


def test_an_icb_footprint_brings_each_county_s_districts():
    codes = resolve("icb", "staffordshire-and-stoke-on-trent")
    assert set(codes) == set(STAFFORDSHIRE) | {"STE"}


def test_custom_codes_are_checked_and_each_bad_one_named():
    assert parse_codes("sts, taw E07000199") == ["STS", "TAW"]
    with pytest.raises(AreaError) as error:
        parse_codes("STS, XYZ, QQQ")
    assert len(error.value.problems) == 2 and "XYZ" in error.value.problems[0]
    with pytest.raises(AreaError):
        parse_codes(" , ")


@pytest.mark.parametrize(
    ("body", "reason", "term"),
    [
        (Body(1, "local-authority", "TAW", "Tamworth Borough Council"), "council", "TAW"),
        (Body(2, "police", "", "Staffordshire Police"), "police-area", "Staffordshire"),
        (Body(3, "fire", "", "Staffordshire Fire & Rescue"), "fire-area", "Staffordshire"),
        (
            Body(4, "nhs", "", "NHS x", ("STAFFORDSHIRE MOORLANDS CCG",)),
            "name",
            "Staffordshire Moorlands",
        ),  # fmt: skip
        (
            Body(5, "housing-association", "", "Newcastle under Lyme Homes"),
            "name",
            "Newcastle-under-Lyme",
        ),  # fmt: skip
    ],
)
def test_who_is_in_a_county_place_and_why(body, reason, term):
    found = member_of(COUNTY, body)
    assert (found.reason, found.term) == (reason, term)


@pytest.mark.parametrize(
    "body",
    [
        Body(1, "local-authority", "STE", "Stoke-on-Trent City Council"),  # its own area
        Body(2, "local-authority", "", "Staffordshire County Council Highways"),  # no code
        Body(3, "police", "", "Derbyshire Constabulary"),
        Body(4, "nhs", "", "University Hospitals of North Midlands NHS Trust"),  # a limit
        Body(5, "other-public-body", "", "Staffordton Trust"),  # not a whole word
        Body(6, "company", "", "Basingstoke Lichfieldian Ltd"),  # neither whole word
    ],
)
def test_who_is_not_in_a_county_place(body):
    assert member_of(COUNTY, body) is None


def test_a_district_place_brings_its_county_council_and_county_named_bodies():
    tamworth = Place(("TAW",))
    county = member_of(tamworth, Body(1, "local-authority", "STS", "Staffordshire CC"))
    assert county.reason == "county"
    uni = member_of(tamworth, Body(2, "university", "", "Staffordshire University"))
    assert (uni.reason, uni.term) == ("county-name", "Staffordshire")
    assert member_of(tamworth, Body(3, "local-authority", "LIF", "Lichfield")) is None


def test_a_borough_place_brings_its_combined_authority():
    found = member_of(Place(("MAN",)), Body(1, "local-authority", "GMCA", "GMCA"))
    assert found.reason == "combined"


def test_names_are_compared_as_whole_words():
    assert normalise("Stoke-on-Trent &amp; Staffs") == " stoke on trent and staffs "
    stafford = Place(("STA",))
    assert member_of(stafford, Body(1, "nhs", "", "Staffordshire NHS")) is not None  # county
    assert member_of(Place(("STA", "STS")), Body(1, "nhs", "", "Mid Stafford NHS")).term == (
        "Stafford"
    )


def test_everyday_words_name_no_body():
    assert member_of(Place(("RDG",)), Body(1, "other-public-body", "", "Reading Room")) is None


@pytest.mark.django_db
def test_the_register_s_bodies_in_the_staffordshire_place_and_why():
    world = staffordshire()
    members, contract_ids = place_members(spec_from_text(",".join(STAFFORDSHIRE)))
    found = {m.body.name: (m.group, m.reason) for m in members}
    assert found == {
        "Staffordshire County Council": ("council", "council"),
        "Tamworth Borough Council": ("council", "council"),
        "Lichfield District Council": ("council", "council"),
        "Staffordshire Police": ("police", "police-area"),
        "Staffordshire Fire and Rescue Service": ("fire", "fire-area"),
        "Staffordshire University": ("other", "name"),
        "Ministry of Justice": ("central-government", "local-contracts"),
    }
    assert contract_ids == {world["contracts"]["moj_stafford"].pk}

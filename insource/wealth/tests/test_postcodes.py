"""UK postcodes found in suppliers' addresses as the real data writes them (Contracts Finder's
flattened suppliers.csv and the 2025 OCDS releases), and the ones that must not be found."""

from __future__ import annotations

import pytest

from insource.wealth.postcodes import AREAS, Postcode, find_full, postcode_of

# (street address exactly as in the data, the postcode expected)
REAL_ADDRESSES = [
    ("Mitre House,\nKirkgate WF17 9HE", "WF17 9HE"),
    ("Sessions House County Road\nMAIDSTONE\nKent\nME14 1XQ\nGB", "ME14 1XQ"),
    ("Suite 320E \nStockport Business &amp; Innovation Centre\t\n3rd Floor\t\nSK5 7DL", "SK5 7DL"),
    ("55 Westholme Road , Ipswich , Suffolk , United Kingdom, IP1 4HQ", "IP1 4HQ"),
    ("39 Turret Lane, Ipswich, Suffolk, United Kingdom, IP41DT", "IP4 1DT"),
    ("6 TOWNSEND WAY , LOWESTOFT, SUFFOLK, United Kingdom, NR324GF", "NR32 4GF"),
    ("381 Nacton Road, ipswich, suffolk, United Kingdom, ip3 9pu", "IP3 9PU"),
    ("sm67bz", "SM6 7BZ"),
    ("Regency House \n45-53, \nChorley New Road, Bolton BL1 4QR", "BL1 4QR"),
    ("Finning UK LTD.,Watling Street\nCANNOCK\nStaffordshire\nWS11 8LL\nGB", "WS11 8LL"),
    ("1 Carter Lane, London. EC4V 5ER", "EC4V 5ER"),
    ("Studio 5 253-255 Belgrave Gate, Leicester, England, LE1 3HU", "LE1 3HU"),
    ("Part 6th Floor(West) The Urban Building 3 - 9 Albert Street Slough SL1 2BE UK", "SL1 2BE"),
    ("18 Soho Square, London, W1D 3QL", "W1D 3QL"),
    ("GIR 0AA", "GIR 0AA"),
    ("Girobank, Bootle, gir0aa", "GIR 0AA"),
]

# Addresses from the data with no valid UK postcode: nothing is guessed.
NOT_FOUND = [
    "Rydings Road, Rochdale, Lancashire",
    "99 Trent Valley Road\nLichfield\nWS123 6EZ",  # WS123 is no district
    "1 Dock 72 Way, \n7th floor, Suite 08-114\nBrooklyn, NY 11205\nUnited States of America",
    "130 Queens Quay East, Unit 1100 Toronto, ON, M5A 0P6 Canada",
    "First Floor 7-11 Bishopsgate London EC2N 8322700",
    "Bardon Hall, Copt Oak Road Mark field Leicester IE67 9PJ",  # IE is no area
    "Suite 827 Europort Road, Gibraltar, GX11 1AA",  # Gibraltar is not a UK postcode area
    "THE CRAGGS COUNTRY BUSINESS PARK CRAGG VALE S9 1XV",  # V never ends an inward code
    "Bank House Studios, Warwick St, Manchester M25 3",
    "Riverside House, 3 Place Farm, Wheathampstead, Hertfordshire, AL48S",
    "Dublin 18 DUBLIN, D18 C6K1",
    "Unit B2",
    "",
]


@pytest.mark.parametrize(("street", "expected"), REAL_ADDRESSES)
def test_a_postcode_is_found_in_a_real_address(street, expected):
    found = postcode_of("", street, "")
    assert found is not None and found.text == expected and found.source == "street_address"


@pytest.mark.parametrize("street", NOT_FOUND)
def test_no_postcode_is_invented(street):
    assert postcode_of("", street, "") is None


def test_the_postcode_field_wins_and_is_checked_like_any_other():
    assert postcode_of("st16 2ab", "Mitre House, WF17 9HE", "").text == "ST16 2AB"
    # an invalid postcode field falls back to the address
    found = postcode_of("IE67 9PJ", "Copt Oak Road, Markfield LE67 9PJ", "")
    assert (found.text, found.source) == ("LE67 9PJ", "street_address")
    assert postcode_of("", "", "Stafford ST17 4AH").source == "locality"


def test_an_outward_code_alone_at_the_end_gives_the_district():
    found = postcode_of("", "The Granary, Hermitage Court Hermitage Lane, Maidstone ME16", "")
    assert (found.outward, found.inward, found.is_full) == ("ME16", "", False)
    assert postcode_of("", "Bloc House, Birmingham B1, United Kingdom", "").outward == "B1"
    assert postcode_of("ME16", "", "").outward == "ME16"
    # but not a unit, flat or suite number, and a full postcode anywhere wins
    assert postcode_of("", "Riverside Works, Unit B2", "") is None
    assert postcode_of("", "Maidstone ME16, then ME14 1XQ", "").text == "ME14 1XQ"


def test_the_last_full_postcode_in_the_text_is_the_address_postcode():
    assert find_full("PO Box 12, LS1 4AP; site at BD7 1DP", "x").text == "BD7 1DP"


def test_district_and_area_of_an_outward_code():
    assert (Postcode("EC1A", "1BB", "x").district, Postcode("EC1A", "1BB", "x").area) == (
        "EC1",
        "EC",
    )
    assert Postcode("SW1H", "9BL", "x").district == "SW1"
    assert Postcode("ST16", "2AB", "x").district == "ST16"
    assert Postcode("B78", "1JY", "x").area == "B"
    assert Postcode("GIR", "0AA", "x").district == "GIR"


def test_the_area_list_is_the_uk_postcode_areas():
    assert len(AREAS) == 124
    assert {"ST", "LE", "IP", "CV", "WS", "B", "GY", "JE", "IM", "BT", "ZE"} <= AREAS
    assert not {"GX", "BF", "BX", "IE", "XY"} & AREAS

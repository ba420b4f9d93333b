"""Councils like us: the ranking by hand, and the panel on the public authority page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from insource.national import likeness
from insource.national.selectors import like_us as selectors
from insource.testing.factories import AuthorityFactory, ContractFactory
from insource.testing.national import refuse_world

S = frozenset


def test_population_and_services_each_count_for_half():
    assert likeness.population_part(100, 100) == 0.5
    assert likeness.population_part(100, 200) == 0.0  # twice the size: nothing
    assert likeness.population_part(100, 50) == 0.0  # half: nothing
    assert likeness.population_part(100, 141) == pytest.approx(0.5 * (1 - 0.495695), abs=1e-6)
    assert likeness.services_part(S({"905", "555"}), S({"905", "909"})) == pytest.approx(0.5 / 3)
    assert likeness.services_part(S(), S()) == 0.0


def test_ranking_by_hand():
    ranked = likeness.rank(
        population=100_000,
        services=S({"905", "555", "909"}),
        candidates=[
            ("same-size-no-services", "D", 100_000, S()),  # 0.5 + 0
            ("double-all-services", "B", 200_000, S({"905", "555", "909"})),  # 0 + 0.5
            ("near-two-services", "A", 110_000, S({"905", "555"})),  # 0.431 + 0.333
            ("far-one-service", "C", 400_000, S({"905"})),  # 0 + 0.167
        ],
        limit=3,
    )
    assert [a.key for a in ranked] == [
        "near-two-services",
        "same-size-no-services",
        "double-all-services",
    ]
    assert ranked[0].shared == S({"905", "555"})
    assert ranked[0].score == pytest.approx(0.5 * (1 - 0.137504) + 0.5 * 2 / 3, abs=1e-5)


def test_a_tie_goes_to_the_nearer_population_then_the_name():
    ranked = likeness.rank(
        population=100,
        services=S(),
        candidates=[("z", "Z", 400, S()), ("y", "Y", 300, S()), ("x", "X", 400, S())],
    )
    assert [a.key for a in ranked] == ["y", "x", "z"]


@pytest.mark.django_db
def test_candidates_share_kind_type_and_nation_and_the_panel_shows_their_decisions(client):
    world = refuse_world()
    AuthorityFactory(
        code="WWW", name="Www", kind="local-authority", la_type="CTY", nation="Wales",
        population=236_000,
    )  # fmt: skip
    AuthorityFactory(
        code="DDD", name="Ddd", kind="local-authority", la_type="NMD", nation="England",
        population=236_000,
    )  # fmt: skip
    eee = AuthorityFactory(
        code="EEE", name="Eee", kind="local-authority", la_type="CTY", nation="England",
        population=240_000,
    )  # fmt: skip
    ContractFactory(buyer=eee, main_cpv="55523100")
    found = selectors.councils_like(world.a)
    codes = [found.authorities[a.key].code for a in found.alike]
    assert "WWW" not in codes and "DDD" not in codes  # another nation, another type
    # AAA buys 905 and 909. EEE: population 240,000 against 236,000, 0.5 × (1 − log2(240/236))
    # = 0.488, shares nothing; BBB: twice the size (0), shares 905 of {905, 909}: 0.5 × 1/2
    assert codes[:2] == ["EEE", "BBB"]
    assert [round(a.score, 3) for a in found.alike[:2]] == [0.488, 0.25]
    assert [d.pk for d in found.decisions] == [world.outsourced.pk]
    html = client.get(reverse("portal:authority", args=["aaa"])).content.decode()
    assert 'id="councils-like-us"' in html and 'id="like-method"' in html
    assert "half for population" in html
    assert "Kept with a contractor (Good reason: the council cannot run it yet)" in html
    assert "OUTSOURCE_" not in html


@pytest.mark.django_db
def test_no_panel_without_a_population(client):
    body = AuthorityFactory(code="NHS", name="A hospital trust", kind="nhs", population=None)
    assert selectors.councils_like(body) is None

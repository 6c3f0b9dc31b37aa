"""Distance sort: nearest commune first, newest first within a commune, page after page, the
same whether a commune's results come from one aggregation pass or a search per commune."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from django.utils import timezone

from tremplin.core.models import Commune
from tremplin.jobs.models import JobOffer
from tremplin.jobs.search import distance
from tremplin.jobs.search.engine import communes_around, offer_search
from tremplin.jobs.search.params import OfferSearch

from .conftest import ft

# Saint-Étienne, then Saint-Priest-en-Jarez, Firminy, Saint-Chamond, Lyon: 0 to 50 km.
PLACES = {"42218": 5, "42279": 1, "42095": 4, "42207": 3, "69123": 2}


@pytest.fixture
def spread(import_ft):
    now = timezone.now()
    offers, n = [], 0
    for insee, count in PLACES.items():
        for age in range(count):
            n += 1
            offers.append(
                ft(
                    f"d{n}",
                    title=f"Vendeuse {n}",
                    commune=insee,
                    employer=f"Commerce {n}",
                    published=(now - timedelta(days=age + 1, hours=n)).isoformat(),
                )
            )
    import_ft(offers)


def expected(origin: str, radius: int) -> list[tuple[float, str]]:
    """Every offer within the radius as (km, title): nearest commune first, newest first."""
    km = dict(communes_around(origin, radius))
    offers = JobOffer.objects.filter(commune__insee__in=km).select_related("commune")
    ordered = sorted(offers, key=lambda o: (km[o.commune.insee], -o.published_at.timestamp()))
    return [(km[o.commune.insee], o.title) for o in ordered]


def pages(search: OfferSearch) -> list[tuple[float, str]]:
    titles = dict(JobOffer.objects.values_list("pk", "title"))
    seen = []
    for page in range(1, 6):
        result = offer_search(replace(search, page=page))
        seen += [(result.distances[pk], titles[pk]) for pk in result.ids]
    return seen


@pytest.mark.parametrize("depth", [distance.TOP_HITS_DEPTH, 0], ids=["one-pass", "per-commune"])
def test_pages_follow_distance_then_date(spread, monkeypatch, depth):
    monkeypatch.setattr(distance, "TOP_HITS_DEPTH", depth)
    saint_etienne = Commune.objects.get(insee="42218")
    search = OfferSearch(commune=saint_etienne, radius=60, sort="distance", per_page=3)
    want = expected("42218", 60)
    assert len(want) == sum(PLACES.values())
    # Pages of three cut communes in the middle: 5 in Saint-Étienne, then 1, 4, 3, 2.
    assert pages(search) == want
    first = offer_search(search)
    assert first.total == len(want)
    assert [first.distances[pk] for pk in first.ids] == [0, 0, 0]


def test_a_radius_leaves_farther_communes_out(spread):
    saint_etienne = Commune.objects.get(insee="42218")
    search = OfferSearch(commune=saint_etienne, radius=20, sort="distance", per_page=4)
    found = pages(search)
    assert found == expected("42218", 20)
    assert all(km <= 20 for km, _ in found) and len(found) == sum(PLACES.values()) - 2


@pytest.mark.parametrize("depth", [distance.TOP_HITS_DEPTH, 0], ids=["one-pass", "per-commune"])
def test_trainings_soonest_first_then_distance_learning(import_file, monkeypatch, depth):
    from tremplin.jobs.models import TrainingOffer
    from tremplin.jobs.search.engine import training_search
    from tremplin.jobs.search.params import TrainingSearch

    monkeypatch.setattr(distance, "TOP_HITS_DEPTH", depth)
    start = timezone.localdate() + timedelta(days=10)
    rows = ["identifiant,intitule,organisme,commune,modalite,date_debut"]
    plan = [("42218", 3, True), ("42218", 1, False), ("42095", 2, True), ("69123", 1, True)]
    n = 0
    for insee, count, dated in plan:
        for i in range(count):
            n += 1
            when = (start + timedelta(days=7 * (count - i))).isoformat() if dated else ""
            rows.append(f"T{n},Formation {n},Organisme {n},{insee},presentiel,{when}")
    rows.append("T99,Formation en ligne,Organisme 99,,distance,")
    run = import_file("\n".join(rows) + "\n", format="csv", kind="training")
    assert not run.issues, run.issues
    titles = dict(TrainingOffer.objects.values_list("pk", "title"))
    search = TrainingSearch(
        commune=Commune.objects.get(insee="42218"), radius=60, sort="distance", per_page=2
    )
    seen = []
    for page in range(1, 6):
        result = training_search(replace(search, page=page))
        seen += [(result.distances.get(pk), titles[pk]) for pk in result.ids]
    # Saint-Étienne soonest first (the one without a date after the dated ones), Firminy,
    # Lyon, then the distance-learning training, found from everywhere.
    assert [title for _, title in seen] == [
        "Formation 3",
        "Formation 2",
        "Formation 1",
        "Formation 4",
        "Formation 6",
        "Formation 5",
        "Formation 7",
        "Formation en ligne",
    ]
    assert seen[0][0] == 0 and seen[-1][0] is None

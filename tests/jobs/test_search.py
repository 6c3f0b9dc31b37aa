"""Search of offers: forgiving French, filters and counts, place and radius, sorts, pages, the
employer diversity rule, snippets and suggestions."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from django.utils import timezone

from tremplin.core.models import Commune
from tremplin.jobs.models import JobOffer
from tremplin.jobs.search.engine import PER_EMPLOYER_ROUND, offer_search, training_search
from tremplin.jobs.search.params import OfferSearch, TrainingSearch

from .conftest import LHEO, ft


def titles(result):
    found = {o.pk: o.title for o in JobOffer.objects.filter(pk__in=result.ids)}
    return [found[pk] for pk in result.ids]


@pytest.fixture
def offers(import_ft):
    day = timezone.now()
    import_ft(
        [
            ft(
                "1",
                title="Développeuse web (H/F)",
                rome="M1855",
                contract="CDI",
                commune="69123",
                employer="Studio Pixel",
                description="Télétravail partiel possible. Python et Django.",
            ),
            ft(
                "2",
                title="Aide soignante de nuit",
                rome="J1501",
                contract="CDD",
                commune="42218",
                time="Temps partiel",
                employer="EHPAD Les Tilleuls",
            ),
            ft(
                "3",
                title="Vendeuse en boulangerie",
                rome="D1106",
                contract="CDI",
                commune="42218",
                employer="Boulangerie Moulin",
            ),
            ft(
                "4",
                title="Vendeurs saisonniers",
                rome="D1106",
                contract="SAI",
                commune="42095",
                employer="Primeur des Monts",
                published=(day - timedelta(days=20)).isoformat(),
            ),
            ft(
                "5",
                title="Infirmière en EHPAD",
                rome="J1506",
                contract="CDI",
                commune="69123",
                employer="EHPAD du Parc",
                published=(day - timedelta(days=2)).isoformat(),
            ),
            ft(
                "6",
                title="Comptable",
                rome="M1203",
                contract="MIS",
                commune="42207",
                employer="Cabinet Roux",
                description="Mission d'intérim, télétravail complet.",
            ),
        ]
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("développeur", {"Développeuse web (H/F)"}),
        ("developpeur", {"Développeuse web (H/F)"}),
        ("aide-soignant", {"Aide soignante de nuit"}),
        ("vendeur", {"Vendeuse en boulangerie", "Vendeurs saisonniers"}),
        ("VENDEUSES", {"Vendeuse en boulangerie", "Vendeurs saisonniers"}),
        ("infirmier", {"Infirmière en EHPAD"}),
        ("devloppeur", {"Développeuse web (H/F)"}),  # one typo in a long word
        ("boulangre", {"Vendeuse en boulangerie"}),
        ("vendeur boulangerie", {"Vendeuse en boulangerie"}),  # every word must match
        ("ehpad tilleuls", {"Aide soignante de nuit"}),  # the employer's name counts
        ("python", {"Développeuse web (H/F)"}),  # and the description
    ],
)
def test_forgiving_french(offers, query, expected):
    assert set(titles(offer_search(OfferSearch(q=query)))) == expected


def test_short_words_need_no_typo_tolerance(offers):
    assert offer_search(OfferSearch(q="bux")).total == 0


def test_filters_and_their_counts(offers):
    everything = offer_search(OfferSearch())
    assert everything.total == 6
    assert everything.facets["contract"] == {"cdi": 3, "cdd": 1, "saisonnier": 1, "interim": 1}
    assert everything.facets["domain"] == {"D": 2, "J": 2, "M": 2}
    assert everything.facets["department"] == {"42": 4, "69": 2}
    assert everything.facets["remote"] == {"partial": 1, "full": 1}
    assert everything.date_counts == {1: 4, 3: 5, 7: 5, 30: 6}
    cdi = offer_search(OfferSearch(contract=("cdi",)))
    assert cdi.total == 3
    # A filter's own counts ignore it (pick another option to widen), the others follow it.
    assert cdi.facets["contract"]["cdd"] == 1
    assert cdi.facets["domain"] == {"D": 1, "J": 1, "M": 1}
    both = offer_search(OfferSearch(contract=("cdi", "cdd"), department=("42",)))
    assert set(titles(both)) == {"Aide soignante de nuit", "Vendeuse en boulangerie"}
    assert offer_search(OfferSearch(time=("part",))).total == 1
    assert offer_search(OfferSearch(remote=("partial", "full"))).total == 2
    assert offer_search(OfferSearch(domain=("J",), since=3)).total == 2
    assert offer_search(OfferSearch(since=1)).total == 4


def test_place_and_radius(offers, communes):
    saint_etienne = Commune.objects.get(insee="42218")
    near = offer_search(OfferSearch(commune=saint_etienne, radius=5))
    assert set(titles(near)) == {"Aide soignante de nuit", "Vendeuse en boulangerie"}
    wider = offer_search(OfferSearch(commune=saint_etienne, radius=20))
    assert "Vendeurs saisonniers" in titles(wider)  # Firminy, about 11 km away
    assert "Infirmière en EHPAD" not in titles(wider)  # Lyon, about 50 km
    assert offer_search(OfferSearch(commune=saint_etienne, radius=100)).total == 6


def test_sorts(offers, communes):
    by_date = offer_search(OfferSearch(sort="date"))
    assert titles(by_date)[-1] == "Vendeurs saisonniers"  # 20 days old
    lyon = Commune.objects.get(insee="69123")
    nearest = offer_search(OfferSearch(commune=lyon, radius=100, sort="distance"))
    assert titles(nearest)[:2] == ["Infirmière en EHPAD", "Développeuse web (H/F)"] or titles(
        nearest
    )[:2] == ["Développeuse web (H/F)", "Infirmière en EHPAD"]
    distances = [nearest.distances[pk] for pk in nearest.ids]
    assert distances == sorted(distances) and distances[0] == 0


def test_expired_and_hidden_offers_are_not_found(offers):
    from tremplin.jobs.services import offer_status_set, offers_expire

    offer = JobOffer.objects.get(title="Comptable")
    offer_status_set(offer=offer, status="hidden", reason="Doublon d'une arnaque")
    JobOffer.objects.filter(title="Vendeuse en boulangerie").update(
        refreshed_at=timezone.now() - timedelta(days=61)
    )
    assert offers_expire() == 1
    from tremplin.core.search import drain

    drain()
    found = titles(offer_search(OfferSearch()))
    assert "Comptable" not in found and "Vendeuse en boulangerie" not in found
    assert len(found) == 4


def test_pages_do_not_overlap_or_skip(import_ft):
    import_ft(
        [ft(str(i), title=f"Préparateur de commandes {i}", employer=f"E{i % 7}") for i in range(55)]
    )
    seen = []
    for page in (1, 2, 3):
        result = offer_search(OfferSearch(q="préparateur", page=page))
        assert result.total == 55 and result.pages == 3
        seen += result.ids
    assert len(seen) == len(set(seen)) == 55


def test_small_employers_are_not_buried(import_ft):
    """The ranking rule: an employer's offers come at most two per round, so the first offers
    of every employer come before the third offer of any."""
    big = [
        ft(
            f"B{i}",
            title="Préparateur de commandes",
            employer="Intérim Géant",
            description="Préparateur de commandes. " * 5,
        )
        for i in range(30)
    ]
    small = [
        ft(
            f"S{i}",
            title="Préparateur de commandes",
            employer=f"Petite entreprise {i}",
            description="Nous cherchons un préparateur de commandes.",
        )
        for i in range(3)
    ]
    import_ft(big + small)
    result = offer_search(OfferSearch(q="préparateur commandes"))
    first_page = JobOffer.objects.in_bulk(result.ids)
    employers = [first_page[pk].employer.name for pk in result.ids]
    small_positions = [i for i, name in enumerate(employers) if name.startswith("Petite")]
    assert len(small_positions) == 3
    assert max(small_positions) < PER_EMPLOYER_ROUND + 3
    assert employers.count("Intérim Géant") == 20 - 3


def test_snippet_terms_and_suggestions(offers, communes):
    result = offer_search(OfferSearch(q="vendeur"))
    assert result.match.terms == ["vendeur"]
    assert offer_search(OfferSearch(q="comptabel")).total == 1  # one typo: found anyway
    typo = offer_search(OfferSearch(q="contable"))  # two: a spelling is suggested
    assert typo.total == 0
    assert any(s["kind"] == "spelling" and s["params"].q == "comptable" for s in typo.suggestions)
    firminy = Commune.objects.get(insee="42095")
    far = offer_search(OfferSearch(q="infirmier", commune=firminy, radius=5))
    kinds = {(s["kind"], s["count"]) for s in far.suggestions}
    assert ("radius", 1) in kinds and ("anywhere", 1) in kinds
    filtered = offer_search(OfferSearch(q="comptable", contract=("cdi",)))
    assert any(s["kind"] == "filter" and s["name"] == "contract" for s in filtered.suggestions)
    words = offer_search(OfferSearch(q="comptable boulangerie"))
    assert {s.get("word") for s in words.suggestions if s["kind"] == "word"} == {
        "comptable",
        "boulangerie",
    }


def test_training_search(import_file, communes):
    import_file(LHEO.read_bytes(), format="lheo")
    everything = training_search(TrainingSearch())
    assert everything.total == 2
    assert everything.facets["mode"] == {"on_site": 1, "distance": 1}
    saint_etienne = Commune.objects.get(insee="42218")
    near = training_search(TrainingSearch(commune=saint_etienne, radius=10))
    # Lyon is 50 km away, but a distance-learning training is near everyone.
    assert near.total == 1
    assert training_search(TrainingSearch(funding=("cpf",))).total == 1
    assert training_search(TrainingSearch(q="vendeuse")).total == 1
    assert training_search(replace(TrainingSearch(), certifying=("1",))).total == 1

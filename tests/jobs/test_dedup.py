"""One offer, however many sources: the threshold and the merge."""

from __future__ import annotations

import json

import pytest
import yaml

from tremplin.jobs import dedup
from tremplin.jobs.models import JobListing, JobOffer
from tremplin.jobs.search.engine import offer_search
from tremplin.jobs.search.params import OfferSearch
from tremplin.jobs.selectors import offer_cards

from .conftest import DATA, ft

PAIRS = yaml.safe_load((DATA / "dedup_pairs.yaml").read_text(encoding="utf-8"))


def _resemblance(pair) -> float:
    a, b = pair["a"], pair["b"]
    return dedup.jaccard(
        set(dedup.shingles(a["title"], a["description"])),
        set(dedup.shingles(b["title"], b["description"])),
    )


def test_threshold_separates_true_duplicates_from_offers_of_the_same_employer():
    same = {p["name"]: _resemblance(p) for p in PAIRS["same"]}
    different = {p["name"]: _resemblance(p) for p in PAIRS["different"]}
    # The justification in dedup's docstring, checked: duplicates 0.72–0.88, others 0.13–0.40.
    assert min(same.values()) >= 0.72, same
    assert max(different.values()) <= 0.40, different
    assert max(different.values()) < dedup.THRESHOLD < min(same.values())
    # The gap is wide on both sides; the threshold sits nearer the duplicates on purpose.
    assert min(same.values()) - dedup.THRESHOLD >= 0.1
    assert dedup.THRESHOLD - max(different.values()) >= 0.15


@pytest.mark.parametrize("pair", PAIRS["same"], ids=lambda p: p["name"])
def test_true_duplicates_share_a_key_and_are_recognised(pair):
    a, b = pair["a"], pair["b"]
    keys_a = set(dedup.keys_of(a["title"], a["description"], "42218"))
    keys_b = set(dedup.keys_of(b["title"], b["description"], "42218"))
    assert keys_a & keys_b
    # The same text elsewhere is another offer: keys are salted with the commune.
    assert not keys_a & set(dedup.keys_of(b["title"], b["description"], "69123"))
    first = dedup.Candidate(
        set(dedup.shingles(a["title"], a["description"])),
        dedup.employer_key(a["employer"]),
        {"x"},
    )
    second = dedup.Candidate(
        set(dedup.shingles(b["title"], b["description"])),
        dedup.employer_key(b["employer"]),
        {"y"},
    )
    assert dedup.is_duplicate(first, second)
    second.sources = {"x"}
    assert not dedup.is_duplicate(first, second)  # one source never lists an offer twice


def test_candidate_probability_of_the_bands():
    def probability(similarity):
        return 1 - (1 - similarity**dedup.ROWS) ** dedup.BANDS

    assert probability(0.6) > 0.9 and probability(0.75) > 0.99 and probability(0.3) < 0.25


def test_employers_must_agree():
    assert dedup.employers_agree("boulangerie du marche", "")
    assert dedup.employers_agree(
        dedup.employer_key("Agence Pixel et Code SARL"), dedup.employer_key("PIXEL ET CODE")
    )
    assert not dedup.employers_agree("boulangerie du marche", "garage central")


def _jobposting(pair_side, identifier, commune="Saint-Étienne"):
    return {
        "@type": "JobPosting",
        "identifier": identifier,
        "title": pair_side["title"],
        "description": pair_side["description"],
        "datePosted": "2026-11-15",
        "hiringOrganization": {"name": pair_side["employer"]} if pair_side["employer"] else {},
        "jobLocation": {"address": {"addressLocality": commune, "postalCode": "42000"}},
    }


def test_import_from_two_sources_shows_one_offer_with_both(import_ft, import_file):
    pairs = PAIRS["same"] + PAIRS["different"]
    import_ft(
        [
            ft(
                f"FT{i}",
                title=p["a"]["title"],
                description=p["a"]["description"],
                employer=p["a"]["employer"],
            )
            for i, p in enumerate(pairs)
        ]
    )
    partner = [_jobposting(p["b"], f"P{i}") for i, p in enumerate(pairs)]
    run = import_file(json.dumps(partner), format="jobposting", source="partenaire")
    assert (run.merged, run.created) == (len(PAIRS["same"]), len(PAIRS["different"]))
    merged = JobOffer.objects.get(listings__source_id="FT0")
    assert sorted(merged.listings.values_list("source_name", flat=True)) == [
        "francetravail",
        "partenaire",
    ]
    # The employer missing from one source is taken from the other.
    nurse = JobOffer.objects.get(listings__source_id="P4")
    assert nurse.employer.name == "EHPAD Les Tilleuls"
    # Searched, each merged offer comes once.
    result = offer_search(OfferSearch(q="boulangerie"))
    assert len(result.ids) == len(set(result.ids))
    assert JobListing.objects.count() == 2 * len(pairs)
    # Its card counts its sources; an offer of one source shows no count.
    single = JobOffer.objects.get(listings__source_id=f"P{len(PAIRS['same'])}")
    cards = {row["pk"]: row["sources"] for row in offer_cards([merged.pk, single.pk])}
    assert cards == {merged.pk: 2, single.pk: 1}
    again = import_file(json.dumps(partner), format="jobposting", source="partenaire")
    assert (again.merged, again.created, again.unchanged) == (0, 0, len(pairs))


def test_a_hidden_offer_does_not_come_back_through_another_source(import_ft, import_file):
    from tremplin.jobs.services import offer_status_set

    pair = PAIRS["same"][0]
    import_ft(
        [
            ft(
                "FT0",
                title=pair["a"]["title"],
                description=pair["a"]["description"],
                employer=pair["a"]["employer"],
            )
        ]
    )
    offer = JobOffer.objects.get()
    offer_status_set(offer=offer, status="hidden", reason="Arnaque signalée")
    from tremplin.core.search import drain

    drain()
    run = import_file(json.dumps([_jobposting(pair["b"], "P0")]), format="jobposting", source="p")
    assert run.merged == 1 and JobOffer.objects.count() == 1
    assert JobOffer.objects.get().status == "hidden"
    assert offer_search(OfferSearch(q="boulangerie")).total == 0


def test_same_text_in_another_commune_is_another_offer(import_ft, import_file):
    pair = PAIRS["same"][0]
    import_ft(
        [
            ft(
                "FT0",
                title=pair["a"]["title"],
                description=pair["a"]["description"],
                employer=pair["a"]["employer"],
            )
        ]
    )
    run = import_file(
        json.dumps(
            [
                _jobposting(pair["b"], "P0", commune="Roanne")
                | {"jobLocation": {"address": {"addressLocality": "Roanne", "postalCode": "42300"}}}
            ]
        ),
        format="jobposting",
        source="p",
    )
    assert run.created == 1 and JobOffer.objects.count() == 2


def test_keys_of_a_batch_are_those_of_each_offer_alone():
    """The batch's signatures come from one Rust call: each row must be its offer's own."""
    from rensa import RMinHash

    pairs = PAIRS["same"] + PAIRS["different"]
    offers = [
        (side["title"], side["description"], "42218" if n % 2 else "69123")
        for n, pair in enumerate(pairs)
        for side in (pair["a"], pair["b"])
    ] + [("Vendeur", "", "42218"), ("", "", "42218")]
    for (title, html, place), keys in zip(offers, dedup.keys_of_many(offers), strict=True):
        minhash = RMinHash(dedup.NUM_PERM, dedup.SEED)
        minhash.update(dedup.shingles(title, html) or [b""])
        assert keys == dedup.band_keys(minhash.digest(), place)
        assert len(set(keys)) == dedup.BANDS

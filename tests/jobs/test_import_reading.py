"""Big feeds are read by a second process: same batches, same results, same reports."""

from __future__ import annotations

import io
import json

import pytest

from tremplin.core.search import rebuild
from tremplin.core.territory_spec import parse_territory_spec
from tremplin.jobs.importing import reading
from tremplin.jobs.importing.run import offers_import
from tremplin.jobs.models import JobListing, JobOffer
from tremplin.jobs.search.documents import OFFER
from tremplin.jobs.search.engine import offer_search
from tremplin.jobs.search.params import OfferSearch

from .conftest import ft, issues_text


def offers_feed() -> list[dict]:
    offers = [ft(f"R{i}", title=f"Vendeur {i} / Vendeuse (H/F)") for i in range(30)]
    offers[3] = ft("", title="Sans identifiant")  # refused while reading
    offers[7] = ft("R1")  # an id read twice: refused while preparing
    offers[9] = ft("OUT", commune="69123")  # outside the territory: skipped
    offers[12]["romeCode"] = "Z9"  # a warning: the field is dropped, the offer kept
    return offers


def import_offers(offers, *, in_child: bool, source="francetravail", **options):
    stream = io.BytesIO(json.dumps({"resultats": offers}, ensure_ascii=False).encode())
    return offers_import(
        stream=stream,
        format="francetravail",
        source_name=source,
        read_in_child=in_child,
        **options,
    )


def snapshot() -> list[tuple]:
    return sorted(
        JobOffer.objects.values_list(
            "listings__source_id", "title", "slug", "description", "rome_code", "dedup_keys"
        )
    )


@pytest.mark.parametrize("in_child", [False, True], ids=["here", "child"])
def test_reading_in_a_child_process_gives_the_same_import(
    communes, in_child, monkeypatch, settings
):
    settings.TREMPLIN_TERRITORY = parse_territory_spec("departement:42")
    monkeypatch.setattr("tremplin.jobs.importing.run.BATCH", 4)  # several batches
    run = import_offers(offers_feed(), in_child=in_child)
    assert (run.read, run.created, run.rejected, run.skipped) == (30, 27, 2, 1)
    report = issues_text(run)
    assert "identifiant (« id ») manquant" in report
    assert "« R1 » déjà lu plus haut" in report
    assert "code ROME « Z9 » invalide" in report
    offers = snapshot()
    assert len(offers) == 27 and all(keys for *_, keys in offers)
    assert {o[0]: o[2] for o in offers}["R5"] == "vendeur-5-vendeuse-hf"


def test_both_ways_store_exactly_the_same_offers(communes, monkeypatch, settings):
    settings.TREMPLIN_TERRITORY = parse_territory_spec("departement:42")
    monkeypatch.setattr("tremplin.jobs.importing.run.BATCH", 4)
    import_offers(offers_feed(), in_child=False)
    here = snapshot()
    JobListing.objects.all().delete()
    JobOffer.objects.all().delete()
    import_offers(offers_feed(), in_child=True)
    assert snapshot() == here


def searched() -> dict[str, list[str]]:
    """Source ids each query finds (ids differ between imports, source ids do not)."""
    found = {}
    for words in ("vendeuse", "équipe boulangerie", "R17", "paris"):
        result = offer_search(OfferSearch(q=words, sort="date", per_page=50), suggest=False)
        ids = result.ids
        source_ids = dict(
            JobListing.objects.filter(offer_id__in=ids).values_list("offer_id", "source_id")
        )
        found[words] = sorted(source_ids[pk] for pk in ids)
    return found


def import_with_partner(in_child: bool):
    """Offers, then a partner listing some of them again under its own ids."""
    first = import_offers(offers_feed(), in_child=in_child)
    partner = [
        ft(f"P{i}", title=f"VENDEUR {i} / VENDEUSE (H/F)", employer=f"Boulangerie R{i}")
        for i in (4, 5, 6, 20)
    ]
    second = import_offers(partner, in_child=in_child, source="partenaire")
    return (first.created, second.created, second.merged)


@pytest.mark.parametrize(
    ("keys_from", "texts_from"),
    [(0, 0), (10**6, 10**6), (0, 10**6)],
    ids=["child-does-all", "writer-does-all", "child-keys-writer-texts"],
)
def test_whichever_side_computes_keys_and_texts_the_import_is_the_same(
    communes, monkeypatch, settings, keys_from, texts_from
):
    """The child leaves duplicate keys and index texts to the writing side when it waits
    (see reading.KEYS_FROM): the offers, the duplicates found and the index are the same."""
    settings.TREMPLIN_TERRITORY = parse_territory_spec("departement:42")
    monkeypatch.setattr("tremplin.jobs.importing.run.BATCH", 4)
    counts_here = import_with_partner(in_child=False)
    here, found_here = snapshot(), searched()
    assert counts_here == (27, 0, 4) and found_here["R17"] == ["R17"]
    assert len(found_here["vendeuse"]) == 27
    JobListing.objects.all().delete()
    JobOffer.objects.all().delete()
    rebuild(OFFER)
    assert offer_search(OfferSearch(), suggest=False).total == 0

    monkeypatch.setattr(reading, "KEYS_FROM", keys_from)
    monkeypatch.setattr(reading, "TEXTS_FROM", texts_from)
    assert import_with_partner(in_child=True) == counts_here
    assert snapshot() == here
    assert searched() == found_here


def import_cut_feed(**options):
    """Twenty offers, the last one cut short, read in a child process."""
    text = json.dumps({"resultats": [ft(f"S{i}") for i in range(20)]})
    return offers_import(
        stream=io.BytesIO(text[:-40].encode()),
        format="francetravail",
        source_name="francetravail",
        read_in_child=True,
        **options,
    )


def test_a_child_keeps_what_was_read_before_a_broken_end(communes, monkeypatch):
    from tremplin.jobs.sources import francetravail

    monkeypatch.setattr(francetravail, "WHOLE_FILE_BYTES", 100)  # imported as it is read
    monkeypatch.setattr("tremplin.jobs.importing.run.BATCH", 7)
    run = import_cut_feed(full_refresh=True)
    assert run.failed and "JSON invalide" in run.message
    assert "aucune offre n'a été retirée" in run.message
    assert run.read == 19 and JobOffer.objects.count() == 19


def test_a_broken_small_feed_read_in_a_child_imports_nothing(communes):
    run = import_cut_feed()
    assert run.failed and "rien n'a été importé" in run.message
    assert not JobOffer.objects.exists()


def test_a_failure_while_reading_in_the_child_stops_the_import(communes, monkeypatch):
    from tremplin.jobs.importing.kinds import JobWriter

    def broken(self, record, located):
        raise ValueError("lecture cassée")

    monkeypatch.setattr(JobWriter, "offer_fields", broken)
    with pytest.raises(RuntimeError, match="lecture cassée"):
        import_offers([ft("A1")], in_child=True)
    assert not JobOffer.objects.exists()


def test_only_big_feeds_are_read_in_a_child(monkeypatch, tmp_path):
    class Reader:
        stream = None

    monkeypatch.setattr(reading.os, "cpu_count", lambda: 2)
    small = io.BytesIO(b"x" * 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * reading.CHILD_MIN_BYTES)
    assert not reading.wants_child(small, Reader())
    with big.open("rb") as stream:
        assert reading.wants_child(stream, Reader())
    monkeypatch.setattr(reading.os, "cpu_count", lambda: 1)
    with big.open("rb") as stream:
        assert not reading.wants_child(stream, Reader())

"""Big feeds are read by a second process: same batches, same results, same reports."""

from __future__ import annotations

import io
import json

import pytest

from tremplin.core.territory_spec import parse_territory_spec
from tremplin.jobs.importing import reading
from tremplin.jobs.importing.run import offers_import
from tremplin.jobs.models import JobListing, JobOffer

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

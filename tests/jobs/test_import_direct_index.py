"""An import indexes the offers it creates itself, after its commits, as the drain would.

These tests commit for real (``transactional_db``): documents are handed to the index only
once the database has committed.
"""

from __future__ import annotations

import pytest

from tremplin.core.models import SearchChange
from tremplin.core.search import doc_type_get, open_index
from tremplin.core.search.direct import DirectIndexer
from tremplin.core.search.index import build_document
from tremplin.jobs.models import Employer, JobOffer
from tremplin.jobs.search.documents import OFFER, load_offers

from .conftest import feed, ft

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def handed(monkeypatch):
    """The documents the import hands to the index, by offer id."""
    seen: dict[int, dict] = {}
    original = DirectIndexer._index

    def record(self, documents, change_ids):
        seen.update(documents)
        return original(self, documents, change_ids)

    monkeypatch.setattr(DirectIndexer, "_index", record)
    return seen


@pytest.fixture
def loaded_geography(transactional_db):
    from tremplin.core.geo_loader import geo_load

    geo_load(departments=["42"])


def run_import(offers, **options):
    from tremplin.jobs.importing.run import offers_import

    return offers_import(
        stream=feed(offers), format="francetravail", source_name="francetravail", **options
    )


def indexed_ids() -> set[int]:
    from tantivy import Query

    index = open_index(OFFER)
    searcher = index.searcher()
    hits = searcher.search(Query.all_query(), 100, count=True).hits
    return set(searcher.fast_field_values("id", [address for _, address in hits]))


def comparable(pk: int, values: dict) -> dict:
    """What the index receives (texts analysed, dates in UTC)."""
    document = build_document(doc_type_get(OFFER), pk, values).to_dict()
    return {name: sorted(map(str, found)) for name, found in document.items()}


def test_documents_handed_over_are_those_the_drain_would_build(loaded_geography, handed):
    # An employer already known under its full name: documents carry the database's name.
    Employer.objects.create(name="Boulangerie A1 SAS", name_key="boulangerie a1")
    offers = [ft("A1"), ft("A2", rome="K2204"), ft("A3", commune="42095")]
    offers.append(dict(ft("D1"), lieuTravail={"libelle": "42 - Loire"}))  # no commune
    run = run_import(offers)
    assert run.created == 4
    ids = set(JobOffer.objects.values_list("pk", flat=True))
    assert set(handed) == ids
    from_database = load_offers(sorted(ids))
    for pk in ids:
        assert comparable(pk, handed[pk]) == comparable(pk, from_database[pk])
    a1 = JobOffer.objects.get(listings__source_id="A1")
    assert "boulanger a1 sas" in handed[a1.pk]["all"]  # the name the database knows
    assert not SearchChange.objects.exists()  # nothing left for the drain
    assert indexed_ids() == ids


def test_an_offer_the_database_refuses_is_never_indexed(loaded_geography, handed, refused_offer):
    run = run_import([ft("OK1"), ft("BAD"), ft("OK2")])
    assert (run.created, run.rejected) == (2, 1)
    ids = set(JobOffer.objects.values_list("pk", flat=True))
    assert len(ids) == 2 and set(handed) == ids and indexed_ids() == ids
    assert not SearchChange.objects.exists()


def test_other_changes_queued_meanwhile_are_drained_at_the_end(loaded_geography, handed):
    from tremplin.core.search import search_change_record

    run_import([ft("A1")])
    first = JobOffer.objects.get()
    JobOffer.objects.filter(pk=first.pk).update(title="Boulanger (H/F)")
    search_change_record(OFFER, [first.pk])  # a change made elsewhere, waiting in the queue
    handed.clear()
    again = run_import([ft("A1"), ft("A2")])
    assert (again.created, again.unchanged) == (1, 1)
    assert set(handed) == {JobOffer.objects.get(listings__source_id="A2").pk}
    assert not SearchChange.objects.exists()
    from tantivy import Query

    index = open_index(OFFER)
    searcher = index.searcher()
    query = Query.term_query(index.schema, "title", "boulang")
    hits = searcher.search(query, 10).hits
    assert searcher.fast_field_values("id", [a for _, a in hits]) == [first.pk]


def test_without_indexing_the_changes_stay_queued(loaded_geography, handed):
    run_import([ft("A1"), ft("A2")], index=False)
    assert not handed
    assert SearchChange.objects.count() == 2

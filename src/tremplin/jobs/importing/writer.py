"""One batch of records, written in one transaction.

For each record: its listing at this source is found by (source, id). Unchanged: only "seen
again" is noted. Changed: the offer is updated. New: if an offer of another source is the same
offer (see :mod:`tremplin.jobs.dedup`), the record becomes one more listing of it; otherwise a
new offer is created. Every change to what is searchable is queued for the index in the same
transaction.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tremplin.core.search import search_change_record
from tremplin.core.search.queue import search_changes_queue
from tremplin.core.sql import insert_rows, select_in

from .. import dedup
from ..sources.base import Issue
from ..text import slug_for
from .employers import EmployerResolver
from .places import PlaceResolver

MAX_CANDIDATES = 5
MAX_HITS_PER_RECORD = 20  # candidate documents looked at per new record
log = logging.getLogger(__name__)
#: Part of every content digest: change it when the importers read sources differently, so
#: that the next import updates every offer.
IMPORT_VERSION = 1


@dataclass
class RecordRef:
    """What writing needs of a record once prepared (see :mod:`.reading`)."""

    source_id: str
    url: str
    position: str


@dataclass
class Prepared:
    record: object  # the source's record, or its RecordRef
    fields: dict
    employer: tuple[str, str, str]  # (siret, key, name)
    place_key: str
    digest: str
    text: tuple[str, str]  # (title, html) for duplicate detection
    extra: dict = field(default_factory=dict)  # trainings: rome codes, sessions
    slug: str = ""


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    rejected: int = 0
    skipped: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


class BatchWriter:
    """Writes batches for one import (one source). Subclasses say what an offer is made of."""

    model = None
    listing_model = None
    offer_field = ""  # the listing's and key's foreign key to the offer
    doc_type = ""
    uses_employers = True
    #: Able to hand the documents of the offers it creates to a DirectIndexer.
    indexes_directly = False

    def __init__(self, *, source_name: str, source, now: datetime) -> None:
        self.source_name = source_name
        self.source = source
        self.now = now
        self.places = PlaceResolver()
        self.employers = EmployerResolver()
        self.seen_ids: set[str] = set()
        self._others_indexed: bool | None = None
        self.indexer = None  # a core.search.direct.DirectIndexer, set by the import

    # --- what subclasses provide ---------------------------------------------------------
    def offer_fields(self, record, located) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def after_write(self, offers: dict[int, Prepared]) -> None:
        """Write what hangs off the offers (trainings: ROME links, sessions)."""

    def add_index_texts(self, prepared: list[Prepared]) -> None:
        """Analyse ahead what the documents of new offers will need (see ``documents_of``)."""

    def documents_of(self, ids: list[int], fresh: list[Prepared]) -> dict[int, dict]:
        """The search documents of offers just created (see ``indexes_directly``)."""
        raise NotImplementedError

    # --- preparation ---------------------------------------------------------------------
    def prepare(self, record, issues: list[Issue], counts: Counts) -> Prepared | None:
        if record.source_id in self.seen_ids:
            issues.append(
                Issue(record.position, f"identifiant « {record.source_id} » déjà lu plus haut")
            )
            counts.rejected += 1
            return None
        self.seen_ids.add(record.source_id)
        located, problem = self.places.locate(record.place)
        if problem == "outside":
            issues.append(Issue(record.position, "hors du territoire : ignorée", "skipped"))
            counts.skipped += 1
            return None
        if problem == "unknown":
            place = self.places.describe(record.place)
            issues.append(Issue(record.position, f"commune inconnue « {place} »"))
            counts.rejected += 1
            return None
        if record.expires_at and record.expires_at <= self.now:
            issues.append(Issue(record.position, "déjà expirée : ignorée", "skipped"))
            counts.skipped += 1
            return None
        if record.published_at and record.published_at > self.now + timedelta(days=1):
            record.warn("date de publication dans le futur : remplacée par aujourd'hui")
            record.published_at = None
        fields = self.offer_fields(record, located)
        employer = self.employer_of(record)
        extra = self.extra_of(record)
        if record.fingerprint:
            # The row as the source wrote it: unchanged text, unchanged offer.
            seed = f"{IMPORT_VERSION}|{record.fingerprint}"
        else:
            # What the source said, not what we derived (a default date would be "now").
            said = {
                name: getattr(record, name)
                for name in record.__dataclass_fields__
                if name not in {"position", "warnings", "fingerprint"}
            }
            seed = repr((IMPORT_VERSION, said))
        digest = hashlib.sha1(seed.encode(), usedforsecurity=False).hexdigest()
        issues.extend(record.warnings)
        return Prepared(
            record=record,
            fields=fields,
            employer=employer,
            place_key=located.place_key,
            digest=digest,
            text=self.text_of(fields),
            extra=extra,
            slug=slug_for(fields["title"]),
        )

    def employer_of(self, record) -> tuple[str, str, str]:
        return self.employers.key(record.employer_name, record.employer_siret)

    def text_of(self, fields: dict) -> tuple[str, str]:
        return fields["title"], fields.get("description", "")

    def extra_of(self, record) -> dict:
        return {}

    # --- writing -------------------------------------------------------------------------
    def write(self, prepared: list[Prepared], counts: Counts) -> None:
        """Write prepared records; the caller holds the transaction."""
        if not prepared:
            return
        Listing = self.listing_model
        existing = {
            row[0]: row[1:]
            for row in select_in(
                Listing,
                ["source_id", "id", self.offer_field, "content_hash"],
                "source_id",
                [p.record.source_id for p in prepared],
                source_name=self.source_name,
            )
        }
        if self.uses_employers:
            self.employers.create_missing(
                {(p.employer[0], p.employer[1]): p.employer[2] for p in prepared if p.employer[1]}
            )
            for p in prepared:
                p.fields["employer_id"] = self.employers.known(p.employer[0], p.employer[1])
        same = [
            p
            for p in prepared
            if p.record.source_id in existing and existing[p.record.source_id][2] == p.digest
        ]
        changed = [
            p
            for p in prepared
            if p.record.source_id in existing and existing[p.record.source_id][2] != p.digest
        ]
        new = [p for p in prepared if p.record.source_id not in existing]
        touched_offers = {existing[p.record.source_id][1] for p in same}
        if same:
            Listing.objects.filter(id__in=[existing[p.record.source_id][0] for p in same]).update(
                last_seen_at=self.now, withdrawn_at=None
            )
            counts.unchanged += len(same)
        if changed:
            self._update(changed, existing)
            counts.updated += len(changed)
        merged, fresh = self._match_duplicates(new)
        if merged:
            self._attach(merged)
            counts.merged += len(merged)
        if fresh:
            self._create(fresh)
            counts.created += len(fresh)
        touched_offers |= {offer_id for _, offer_id in merged}
        self._refresh(touched_offers)

    def _refresh(self, offer_ids: set[int]) -> None:
        """Offers seen again: fresh, and back to life if they had expired for want of it."""
        if not offer_ids:
            return
        revived = list(
            self.model.objects.filter(pk__in=offer_ids, expired_at__isnull=False).values_list(
                "pk", flat=True
            )
        )
        self.model.objects.filter(pk__in=offer_ids).update(refreshed_at=self.now)
        if revived:
            self.model.objects.filter(pk__in=revived).update(expired_at=None)
            search_change_record(self.doc_type, revived)

    def _update(self, changed: list[Prepared], existing: dict) -> None:
        self.add_keys(changed)
        Listing = self.listing_model
        offers = []
        names = None
        for p in changed:
            listing_id, offer_id, _ = existing[p.record.source_id]
            offer = self.model(pk=offer_id, refreshed_at=self.now, slug=p.slug, **p.fields)
            offers.append(offer)
            # The first publication date stays: an update is not a new offer.
            names = names or [n for n in p.fields if n != "published_at"] + ["refreshed_at", "slug"]
        self.model.objects.bulk_update(offers, names, batch_size=500)
        for p in changed:
            listing_id, _, _ = existing[p.record.source_id]
            Listing.objects.filter(pk=listing_id).update(
                url=p.record.url, content_hash=p.digest, last_seen_at=self.now, withdrawn_at=None
            )
        ids = [o.pk for o in offers]
        self.after_write({o.pk: p for o, p in zip(offers, changed, strict=True)})
        search_change_record(self.doc_type, ids)

    def add_keys(self, prepared: list[Prepared]) -> None:
        """Duplicate keys of records about to be written (not of unchanged ones: no need)."""
        missing = [p for p in prepared if "keys" not in p.extra]
        if not missing:
            return
        found = dedup.keys_of_many([(*p.text, p.place_key) for p in missing])
        for p, keys in zip(missing, found, strict=True):
            p.extra["keys"] = keys
            p.fields["dedup_keys"] = dedup.keys_text(keys)

    def _match_duplicates(self, new: list[Prepared]) -> tuple[list, list]:
        """Split new records into (record, offer id) duplicates and really new ones.

        Candidates come from the search index: offers sharing a duplicate key, not listed by
        this source (one source never lists the same offer twice). They are then checked
        exactly against the database's text.
        """
        from tantivy import Query

        from tremplin.core.search import SearchUnavailable, open_index
        from tremplin.core.search.query import any_of, none_of

        if not new:
            return [], []
        self.add_keys(new)
        try:
            index = open_index(self.doc_type)
            searcher = index.searcher()
        except SearchUnavailable:
            log.warning("duplicate detection skipped: the search index is being rebuilt")
            return [], new
        others = none_of(Query.all_query(), any_of(index.schema, "sources", [self.source_name]))
        if self._others_indexed is None:
            # No offer from another source yet: nothing can be a duplicate (looking keys up in
            # a big index costs about 13 µs a key). Checked once per import.
            self._others_indexed = searcher.search(others, 1, count=True).count > 0
        if not self._others_indexed:
            return [], new
        wanted = sorted({int(k) for p in new for k in p.extra["keys"]})
        query = none_of(
            any_of(index.schema, "dup", wanted), any_of(index.schema, "sources", [self.source_name])
        )
        hits = searcher.search(query, MAX_HITS_PER_RECORD * len(new), count=False).hits
        hit_ids = searcher.fast_field_values("id", [address for _, address in hits])
        if not hit_ids:
            return [], new
        candidates = self._candidates(set(hit_ids))
        by_key: dict[str, list[int]] = defaultdict(list)
        for pk, candidate in candidates.items():
            for key in candidate.keys:
                by_key[key].append(pk)
        merged, fresh = [], []
        taken: set[int] = set()
        for p in new:
            votes = Counter(o for key in p.extra["keys"] for o in by_key.get(str(key), ()))
            shortlist = [o for o, _ in votes.most_common(MAX_CANDIDATES) if o not in taken]
            match = None
            if shortlist:
                me = dedup.Candidate(
                    set(dedup.shingles(*p.text)), p.employer[1], {self.source_name}
                )
                match = next((o for o in shortlist if dedup.is_duplicate(me, candidates[o])), None)
            if match is None:
                fresh.append(p)
            else:
                taken.add(match)
                merged.append((p, match))
        return merged, fresh

    def _candidates(self, offer_ids: set[int]) -> dict[int, dedup.Candidate]:
        """Candidate offers as the database has them (the index may lag a little)."""
        sources: dict[int, set[str]] = defaultdict(set)
        for offer_id, source_name in select_in(
            self.listing_model, [self.offer_field, "source_name"], self.offer_field, offer_ids
        ):
            sources[offer_id].add(source_name)
        found = {}
        for pk, title, html, employer, keys in self.candidate_rows(offer_ids):
            if self.source_name in sources[pk]:
                continue
            found[pk] = dedup.Candidate(
                set(dedup.shingles(title, html)),
                dedup.employer_key(employer or ""),
                sources[pk],
                keys=dedup.keys_from_text(keys),
            )
        return found

    def candidate_rows(self, offer_ids):  # pragma: no cover - abstract
        raise NotImplementedError

    def _attach(self, merged: list[tuple[Prepared, int]]) -> None:
        self._insert_listings(merged)
        self.enrich([(offer_id, p) for p, offer_id in merged])
        # The offer's document lists its sources (for the next duplicate lookups).
        search_change_record(self.doc_type, sorted({offer_id for _, offer_id in merged}))

    def enrich(self, pairs: list[tuple[int, Prepared]]) -> None:
        """Fill what an offer lacks from a duplicate listing (subclasses)."""

    def _insert_listings(self, pairs: list[tuple[Prepared, int]]) -> None:
        names = [f"{self.offer_field}_id", "feed_id", "source_name", "source_id", "url"]
        names += ["content_hash", "first_seen_at", "last_seen_at", "withdrawn_at"]
        feed_id = self.source.pk if self.source is not None else None
        rows = [
            (
                offer_id,
                feed_id,
                self.source_name,
                p.record.source_id,
                p.record.url[:1000],
                p.digest,
                self.now,
                self.now,
                None,
            )
            for p, offer_id in pairs
        ]
        insert_rows(self.listing_model, names, rows)

    def _create(self, fresh: list[Prepared]) -> None:
        self.add_keys(fresh)
        names = [*fresh[0].fields, "slug", "refreshed_at", "status", "moderation_reason"]
        names += ["created_at", "updated_at"]
        tail = ("published", "", self.now, self.now)
        rows = [(*p.fields.values(), p.slug, self.now, *tail) for p in fresh]
        ids = insert_rows(self.model, names, rows, returning=True)
        self._insert_listings([(p, pk) for p, pk in zip(fresh, ids, strict=True)])
        self.after_write(dict(zip(ids, fresh, strict=True)))
        change_ids = search_changes_queue(self.doc_type, ids)
        if self.indexer is not None:
            self.indexer.add_after_commit(self.documents_of(ids, fresh), change_ids)

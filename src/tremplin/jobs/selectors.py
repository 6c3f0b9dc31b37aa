"""Reads of the jobs app: offers and trainings for their pages, and the links between them."""

from __future__ import annotations

import collections

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from tremplin.core.geo import haversine_km
from tremplin.core.sql import select_in, values_in
from tremplin.jobs.models import (
    JobListing,
    JobOffer,
    RomeCode,
    Status,
    TrainingListing,
    TrainingOffer,
)

RELATED_LIMIT = 6
NEAR_KM = 30


def offers_live() -> QuerySet[JobOffer]:
    """Offers anyone may see in lists, feeds and the sitemap (published, not expired)."""
    return JobOffer.objects.live()


def trainings_live() -> QuerySet[TrainingOffer]:
    return TrainingOffer.objects.live()


def offer_for_page(pk: int) -> JobOffer | None:
    """An offer with what its page shows; hidden or unmoderated offers are not public."""
    return (
        JobOffer.objects.filter(pk=pk, status=Status.PUBLISHED)
        .select_related("employer", "commune__department__region", "department__region")
        .prefetch_related(Prefetch("listings", queryset=JobListing.objects.select_related("feed")))
        .first()
    )


def training_for_page(pk: int) -> TrainingOffer | None:
    return (
        TrainingOffer.objects.filter(pk=pk, status=Status.PUBLISHED)
        .select_related("commune__department__region", "department__region")
        .prefetch_related(
            "rome_links",
            "sessions",
            Prefetch("listings", queryset=TrainingListing.objects.select_related("feed")),
        )
        .first()
    )


def _live_row(row: dict, now) -> bool:
    return (
        row["status"] == Status.PUBLISHED
        and row["expired_at"] is None
        and (row["expires_at"] is None or row["expires_at"] > now)
    )


OFFER_CARD = (
    "pk",
    "title",
    "slug",
    "description",
    "contract_type",
    "working_time",
    "remote",
    "salary_min",
    "salary_max",
    "salary_period",
    "salary_label",
    "published_at",
    "expires_at",
    "expired_at",
    "status",
    "location_label",
    "employer__name",
    "commune__name",
    "department__name",
)
TRAINING_CARD = (
    "pk",
    "title",
    "slug",
    "objectives",
    "organisation",
    "teaching_mode",
    "is_certifying",
    "funding",
    "start_date",
    "duration_hours",
    "expires_at",
    "expired_at",
    "status",
    "location_label",
    "commune__name",
    "department__name",
)


def _cards(model, listing_model, fk: str, fields, ids: list[int]) -> list[dict]:
    """Rows for result cards, in the index's order: one query by primary key (no live() filter,
    which could lead the database to scan every published offer) and one for the number of
    sources; an offer that stopped being live meanwhile is skipped.

    Both queries skip the ORM's per-call work: the cards' SQL is compiled once per process
    (:func:`~tremplin.core.sql.values_in`), and the sources are counted here from their offer
    ids: building those queries each time cost more than a tenth of a results page (measured
    with callgrind).
    """
    rows = {row["pk"]: row for row in values_in(model, fields, ids)}
    counts = collections.Counter(pk for (pk,) in select_in(listing_model, [fk], fk, ids))
    now = timezone.now()
    found = []
    for pk in ids:
        row = rows.get(pk)
        if row is not None and _live_row(row, now):
            row["sources"] = counts.get(pk, 1)
            found.append(row)
    return found


def offer_cards(ids: list[int]) -> list[dict]:
    return _cards(JobOffer, JobListing, "offer_id", OFFER_CARD, ids)


def training_cards(ids: list[int]) -> list[dict]:
    return _cards(TrainingOffer, TrainingListing, "training_id", TRAINING_CARD, ids)


def offers_by_ids(ids: list[int]) -> list[JobOffer]:
    """Offers in the order the index ranked them (one that vanished meanwhile is skipped)."""
    found = (
        JobOffer.objects.live()
        .filter(pk__in=ids)
        .select_related("employer", "commune", "department")
        .annotate(source_count=Count("listings"))
        .in_bulk()
    )
    return [found[pk] for pk in ids if pk in found]


def trainings_by_ids(ids: list[int]) -> list[TrainingOffer]:
    found = (
        TrainingOffer.objects.live()
        .filter(pk__in=ids)
        .select_related("commune", "department")
        .annotate(source_count=Count("listings"))
        .in_bulk()
    )
    return [found[pk] for pk in ids if pk in found]


def rome_labels(codes) -> dict[str, str]:
    codes = {c for c in codes if c}
    return (
        dict(RomeCode.objects.filter(code__in=codes).values_list("code", "label")) if codes else {}
    )


def _distance(a, b) -> float:
    if a.latitude is None or b.latitude is None:
        return 0.0
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def trainings_for_offer(offer: JobOffer, *, limit: int = RELATED_LIMIT) -> list[TrainingOffer]:
    """Trainings that prepare for the offer's job (its ROME code): distance learning and the
    nearest first."""
    if not offer.rome_code:
        return []
    candidates = list(
        TrainingOffer.objects.live()
        .filter(rome_links__rome_code=offer.rome_code)
        .select_related("commune")
        .distinct()[:200]
    )
    candidates.sort(key=lambda t: (0.0 if t.is_distance else _distance(offer, t), t.pk))
    return candidates[:limit]


def offers_for_training(training: TrainingOffer, *, limit: int = RELATED_LIMIT) -> list[JobOffer]:
    """Live offers for the jobs a training leads to, near its place first, newest first."""
    from tremplin.core.geo import insee_codes_within

    codes = [link.rome_code for link in training.rome_links.all()]
    if not codes:
        return []
    offers = (
        JobOffer.objects.live().filter(rome_code__in=codes).select_related("employer", "commune")
    )
    if training.commune_id and not training.is_distance:
        near = offers.filter(commune__insee__in=insee_codes_within(training.commune, NEAR_KM))
        found = list(near.order_by("-published_at")[:limit])
        if found:
            return found
    return list(offers.order_by("-published_at")[:limit])


def original_url(offer) -> str:
    """The address of the offer at the source that published it first (still listing it)."""
    listings = [listing for listing in offer.listings.all() if listing.url]
    live = [listing for listing in listings if listing.withdrawn_at is None]
    chosen = (live or listings)[:1]
    return chosen[0].url if chosen else ""

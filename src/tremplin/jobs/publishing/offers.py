"""The few facts about offers the publishing side relies on, in one place.

Offers, employers and their life cycle belong to the rest of the jobs app; reading them through
these functions keeps the publishing code independent of how offers are stored.
"""

from __future__ import annotations

from django.utils import timezone

from tremplin.jobs.models import JobOffer, Status


def business_of(offer: JobOffer):
    """The Tremplin business that publishes the offer, or None (offer from another source)."""
    employer = offer.employer
    if employer is None or employer.business_id is None:
        return None
    return employer.business


def accepts_applications(offer: JobOffer, now=None) -> bool:
    """Applications go through Tremplin only for live offers of a Tremplin business."""
    return offer.is_live(now) and business_of(offer) is not None


def original_url(offer: JobOffer) -> str:
    """Where to apply when the offer comes from elsewhere: its source's page."""
    from tremplin.jobs.selectors import original_url as first_source_url

    return first_source_url(offer)


def ended_at(offer: JobOffer, now=None):
    """When the recruitment behind the offer ended: expiry, or hidden by moderation."""
    now = now or timezone.now()
    if offer.status == Status.HIDDEN:
        return offer.moderated_at or offer.updated_at
    return offer.ended_at(now)


def live_offers():
    return JobOffer.objects.live()


def search_changed(offer_id: int) -> None:
    """Tell the search index that an offer's state changed (in the same transaction)."""
    from tremplin.core.search import search_change_record
    from tremplin.jobs.search.documents import OFFER

    search_change_record(OFFER, [offer_id])


def listing_create(*, offer: JobOffer, source_name: str, key: str, url: str = "", now=None):
    """Record where an offer is published (for offers posted on Tremplin: the platform)."""
    from tremplin.jobs.models import JobListing

    now = now or timezone.now()
    return JobListing.objects.create(
        offer=offer,
        source_name=source_name,
        source_id=key,
        url=url,
        first_seen_at=now,
        last_seen_at=now,
    )

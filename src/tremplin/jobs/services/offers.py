"""Life cycle of offers: moderation state, expiry, and the employer of a Tremplin business."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.core.errors import DomainError
from tremplin.core.search import search_change_record
from tremplin.jobs.models import Employer, JobOffer, Status, TrainingOffer
from tremplin.jobs.search.documents import OFFER, TRAINING

from ..conf import stale_days
from ..dedup import employer_key


@transaction.atomic
def offer_status_set(
    *, offer: JobOffer | TrainingOffer, status: str, reason: str = "", now=None
) -> JobOffer | TrainingOffer:
    """Publish, hide (with a reason) or put back in moderation; the index follows."""
    if status not in Status.values:
        raise DomainError(_("État inconnu : %(status)s.") % {"status": status})
    reason = (reason or "").strip()
    if status == Status.HIDDEN and not reason:
        raise DomainError(_("Dites pourquoi l'offre est masquée : le motif est obligatoire."))
    model = type(offer)
    model.objects.filter(pk=offer.pk).update(
        status=status, moderation_reason=reason, moderated_at=now or timezone.now()
    )
    offer.refresh_from_db()
    search_change_record(OFFER if model is JobOffer else TRAINING, [offer.pk])
    return offer


def _expire(model, doc_type: str, *, now=None) -> int:
    """Mark expired what passed its date or no source listed for ``stale_days()`` (an offer
    nobody republishes is filled or forgotten); the index follows."""
    now = now or timezone.now()
    stale = now - timedelta(days=stale_days())
    with transaction.atomic():
        ids = list(
            model.objects.filter(expired_at__isnull=True)
            .filter(Q(expires_at__lte=now) | Q(refreshed_at__lt=stale))
            .values_list("pk", flat=True)
        )
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            model.objects.filter(pk__in=chunk).update(expired_at=now)
            search_change_record(doc_type, chunk)
    return len(ids)


def offers_expire(*, now=None) -> int:
    return _expire(JobOffer, OFFER, now=now)


def trainings_expire(*, now=None) -> int:
    return _expire(TrainingOffer, TRAINING, now=now)


@transaction.atomic
def employer_for_business(*, business) -> Employer:
    """The employer that stands for a business declared on Tremplin (created once).

    The business is only read (its name and SIRET); the link is its id.
    """
    found = Employer.objects.filter(business_id=business.pk).first()
    if found:
        return found
    key = employer_key(business.name)
    if not key:
        raise DomainError(_("Le nom de l'entreprise est vide."))
    if business.siret:
        employer, _created = Employer.objects.get_or_create(
            siret=business.siret, defaults={"name": business.name, "name_key": key}
        )
    else:
        employer = Employer.objects.filter(
            name_key=key, siret__isnull=True, business__isnull=True
        ).first()
        if employer is None:
            employer = Employer.objects.create(name=business.name, name_key=key)
    if employer.business_id != business.pk:
        Employer.objects.filter(pk=employer.pk).update(business_id=business.pk)
        employer.business_id = business.pk
    return employer

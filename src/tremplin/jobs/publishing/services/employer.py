"""Employers post and edit their own offers; staff approve them before they go online.

An offer posted on Tremplin is an ordinary job offer whose employer points to the business,
with one listing from the source "tremplin". Every creation or edit puts it back in the
moderation queue (state "pending"): what goes online is always what staff have read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tremplin.accounts.models import Business, User
from tremplin.core.errors import DomainError
from tremplin.core.models import Commune
from tremplin.core.services import stat_increment
from tremplin.jobs.models import JobListing, JobOffer, Status
from tremplin.jobs.models.publishing import ModerationAction, ModerationDecision
from tremplin.jobs.publishing import offers
from tremplin.jobs.publishing.services.applications import manages
from tremplin.jobs.services.offers import employer_for_business

SOURCE = "tremplin"


@dataclass
class OfferValues:
    """What an employer fills in; the form has already parsed amounts and the commune."""

    title: str
    description: str  # sanitised HTML
    commune: Commune | None
    contract_type: str
    working_time: str = ""
    working_hours: str = ""
    salary_min: Decimal | None = None
    salary_max: Decimal | None = None
    salary_period: str = ""
    rome_code: str = ""
    job_title: str = ""
    experience_months: int | None = None
    remote: str = ""
    positions: int = 1
    expires_at: datetime | None = None


def _check(values: OfferValues) -> None:
    if not (values.title or "").strip():
        raise DomainError(_("Une offre doit avoir un intitulé."), code="title")
    if values.commune is None:
        raise DomainError(_("Indiquez la commune du poste."), code="commune")
    if not (values.description or "").strip():
        raise DomainError(_("Décrivez le poste en quelques lignes."), code="description")
    if not values.contract_type:
        raise DomainError(_("Choisissez le type de contrat."), code="contract")
    low, high = values.salary_min, values.salary_max
    if (low is not None or high is not None) and not values.salary_period:
        raise DomainError(
            _("Précisez si le salaire est de l'heure, par mois ou par an."), code="salary"
        )
    if low is not None and high is not None and low > high:
        raise DomainError(
            _("Le salaire minimum dépasse le salaire maximum : inversez-les."), code="salary"
        )
    if values.expires_at is not None and values.expires_at <= timezone.now():
        raise DomainError(_("La date limite doit être dans le futur."), code="expires")


def _apply(offer: JobOffer, values: OfferValues) -> None:
    commune = values.commune
    offer.title = values.title.strip()[:200]
    offer.slug = slugify(offer.title)[:200] or "offre"
    offer.description = values.description
    offer.commune = commune
    offer.department_id = commune.department_id
    offer.latitude, offer.longitude = commune.latitude, commune.longitude
    offer.location_label = commune.label
    for name in (
        "contract_type",
        "working_time",
        "working_hours",
        "salary_min",
        "salary_max",
        "salary_period",
        "rome_code",
        "job_title",
        "experience_months",
        "remote",
        "positions",
        "expires_at",
    ):
        setattr(offer, name, getattr(values, name))


@transaction.atomic
def employer_offer_create(*, actor: User, business: Business, values: OfferValues) -> JobOffer:
    """Create an offer for one's business; it waits for staff before going online."""
    if not manages(actor, business.pk):
        raise DomainError(_("Vous ne gérez pas cette entreprise."), code="forbidden")
    _check(values)
    now = timezone.now()
    offer = JobOffer(
        employer=employer_for_business(business=business),
        status=Status.PENDING,
        published_at=now,
        refreshed_at=now,
    )
    _apply(offer, values)
    offer.save()
    offers.listing_create(offer=offer, source_name=SOURCE, key=f"offre-{offer.pk}", now=now)
    ModerationDecision.objects.create(offer=offer, action=ModerationAction.SUBMIT, actor=actor)
    offers.search_changed(offer.pk)
    stat_increment("jobs.employer_offer_posted", commune_department(values.commune))
    return offer


def commune_department(commune: Commune) -> str:
    return commune.department.code if commune is not None else ""


def offer_of(user: User, pk: int) -> JobOffer | None:
    """An offer posted by a business the person manages (their own offers only)."""
    return (
        JobOffer.objects.select_related("employer__business", "commune")
        .filter(pk=pk, employer__business__memberships__user=user)
        .first()
    )


@transaction.atomic
def employer_offer_update(*, actor: User, offer: JobOffer, values: OfferValues) -> JobOffer:
    """Edit one's offer: it goes back to moderation until staff read the new text."""
    offer = (
        JobOffer.objects.select_for_update(of=("self",)).select_related("employer").get(pk=offer.pk)
    )
    if offer.employer is None or not manages(actor, offer.employer.business_id or 0):
        raise DomainError(_("Cette offre n'est pas celle de votre entreprise."), code="forbidden")
    if offer.expired_at is not None:
        raise DomainError(_("Cette offre a expiré : publiez-en une nouvelle."), code="expired")
    _check(values)
    _apply(offer, values)
    offer.status = Status.PENDING
    offer.moderation_reason = ""
    offer.refreshed_at = timezone.now()
    offer.save()
    JobListing.objects.filter(offer=offer, source_name=SOURCE).update(last_seen_at=timezone.now())
    ModerationDecision.objects.create(offer=offer, action=ModerationAction.SUBMIT, actor=actor)
    offers.search_changed(offer.pk)
    return offer


@transaction.atomic
def employer_offer_close(*, actor: User, offer: JobOffer) -> JobOffer:
    """The employer takes the offer down (filled, or given up): recruitment ends now."""
    from tremplin.jobs.models.publishing import Application, ApplicationStatus

    if offer.employer is None or not manages(actor, offer.employer.business_id or 0):
        raise DomainError(_("Cette offre n'est pas celle de votre entreprise."), code="forbidden")
    now = timezone.now()
    JobOffer.objects.filter(pk=offer.pk).update(
        status=Status.HIDDEN,
        moderation_reason=_("Retirée par l'employeur."),
        moderated_at=now,
        updated_at=now,
    )
    ModerationDecision.objects.create(
        offer=offer, action=ModerationAction.HIDE, reason=_("Retirée par l'employeur."), actor=actor
    )
    Application.objects.filter(
        offer=offer,
        status__in=[ApplicationStatus.RECEIVED, ApplicationStatus.IN_REVIEW],
        recruitment_ended_at__isnull=True,
    ).update(recruitment_ended_at=now)
    offers.search_changed(offer.pk)
    offer.refresh_from_db()
    return offer


@transaction.atomic
def offers_withdraw_for_business(*, business: Business) -> int:
    """A business leaves the platform: its offers leave the site with it."""
    now = timezone.now()
    ids = list(
        JobOffer.objects.filter(employer__business=business)
        .exclude(status=Status.HIDDEN)
        .values_list("pk", flat=True)
    )
    JobOffer.objects.filter(pk__in=ids).update(
        status=Status.HIDDEN,
        moderation_reason=_("Compte de l'employeur supprimé."),
        moderated_at=now,
        updated_at=now,
    )
    for pk in ids:
        offers.search_changed(pk)
    return len(ids)

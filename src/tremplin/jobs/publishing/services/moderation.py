"""Moderation of job offers and the reports that feed it.

Imported offers and offers posted by employers go through the same few transitions of the
offer's moderation state (pending → published or hidden, published → hidden, hidden →
published); each writes one row in the moderation journal and tells the search index.
Every transition is a conditional UPDATE on the state it starts from: two staff members
acting at once cannot both apply a decision to the same state.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import User
from tremplin.core.errors import DomainError
from tremplin.core.links import absolute_url
from tremplin.core.services import stat_increment
from tremplin.jobs.models import JobOffer, Status
from tremplin.jobs.models.publishing import (
    ModerationAction,
    ModerationDecision,
    OfferReport,
    ReportReason,
    ReportStatus,
)
from tremplin.jobs.publishing import offers

REASON_MAX = 300
COMMENT_MAX = 1000


def _require_staff(actor: User) -> None:
    if not (actor.is_authenticated and actor.is_staff):
        raise DomainError(_("Seule l'équipe du territoire modère les offres."), code="forbidden")


def _reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise DomainError(
            _("Indiquez le motif : il est gardé dans le journal et montré à l'employeur."),
            code="reason",
        )
    if len(reason) > REASON_MAX:
        raise DomainError(
            _("Le motif est trop long (%(max)s caractères au plus).") % {"max": REASON_MAX},
            code="reason",
        )
    return reason


def _transition(
    *,
    actor: User | None,
    offer: JobOffer,
    sources: set[str],
    target: str,
    action: str,
    reason: str,
    extra: dict | None = None,
) -> JobOffer:
    now = timezone.now()
    updated = JobOffer.objects.filter(pk=offer.pk, status__in=sources).update(
        status=target,
        moderation_reason=reason,
        moderated_at=now,
        updated_at=now,
        **(extra or {}),
    )
    if updated != 1:
        current = JobOffer.objects.filter(pk=offer.pk).values_list("status", flat=True).first()
        label = Status(current).label if current else _("supprimée")
        raise DomainError(
            _("Cette offre est déjà « %(status)s » : rien n'a été changé.") % {"status": label},
            code="state",
        )
    ModerationDecision.objects.create(
        offer_id=offer.pk, action=action, reason=reason, actor=actor, at=now
    )
    offers.search_changed(offer.pk)
    stat_increment("jobs.moderation", action)
    return JobOffer.objects.select_related("employer__business").get(pk=offer.pk)


def _tell_employer(offer: JobOffer, template: str, subject: str) -> None:
    business = offers.business_of(offer)
    if business is None:
        return
    url = absolute_url(reverse("jobs:employer_offers"))
    for owner in User.objects.filter(memberships__business=business, is_active=True):
        with translation.override(owner.language or "fr"):
            send_mail(
                subject=str(subject) % {"title": offer.title},
                message=render_to_string(template, {"offer": offer, "url": url, "user": owner}),
                from_email=None,
                recipient_list=[owner.email],
            )


@transaction.atomic
def offer_hide(*, actor: User, offer: JobOffer, reason: str) -> JobOffer:
    """Take an offer out of the site (search, sitemap, feeds, API) with a reason.

    Open reports on it are marked as followed up. A pending offer hidden this way is refused.
    """
    _require_staff(actor)
    reason = _reason(reason, required=True)
    was_pending = offer.status == Status.PENDING
    offer = _transition(
        actor=actor,
        offer=offer,
        sources={Status.PUBLISHED, Status.PENDING},
        target=Status.HIDDEN,
        action=ModerationAction.REJECT if was_pending else ModerationAction.HIDE,
        reason=reason,
    )
    OfferReport.objects.filter(offer=offer, status=ReportStatus.OPEN).update(
        status=ReportStatus.UPHELD, handled_at=timezone.now()
    )
    _tell_employer(
        offer,
        "jobs/publishing/email/offer_refused.txt",
        _("Votre offre « %(title)s » n'est pas publiée")
        if was_pending
        else _("Votre offre « %(title)s » a été masquée"),
    )
    return offer


@transaction.atomic
def offer_restore(*, actor: User, offer: JobOffer, reason: str = "") -> JobOffer:
    """Put a hidden offer back online (a report that was wrong, a fixed offer)."""
    _require_staff(actor)
    return _transition(
        actor=actor,
        offer=offer,
        sources={Status.HIDDEN},
        target=Status.PUBLISHED,
        action=ModerationAction.RESTORE,
        reason=_reason(reason, required=False),
    )


@transaction.atomic
def offer_approve(*, actor: User, offer: JobOffer) -> JobOffer:
    """Publish an offer an employer submitted; its publication date is the approval's."""
    _require_staff(actor)
    now = timezone.now()
    offer = _transition(
        actor=actor,
        offer=offer,
        sources={Status.PENDING},
        target=Status.PUBLISHED,
        action=ModerationAction.APPROVE,
        reason="",
        extra={"published_at": now, "refreshed_at": now},
    )
    _tell_employer(
        offer,
        "jobs/publishing/email/offer_published.txt",
        _("Votre offre « %(title)s » est en ligne"),
    )
    return offer


@transaction.atomic
def report_create(*, offer: JobOffer, reason: str, comment: str = "") -> OfferReport:
    """Anyone reports an offer; only the reason and an optional comment are kept."""
    if reason not in ReportReason.values:
        raise DomainError(_("Choisissez le motif du signalement."), code="reason")
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise DomainError(
            _("Les précisions sont trop longues (%(max)s caractères au plus).")
            % {"max": COMMENT_MAX},
            code="comment",
        )
    if not JobOffer.objects.filter(pk=offer.pk, status=Status.PUBLISHED).exists():
        raise DomainError(_("Cette offre n'est plus en ligne."), code="gone")
    report = OfferReport.objects.create(offer_id=offer.pk, reason=reason, comment=comment)
    stat_increment("jobs.offer_reported", reason)
    return report


@transaction.atomic
def reports_dismiss(*, actor: User, offer: JobOffer) -> int:
    """Close the open reports of an offer that stays online."""
    _require_staff(actor)
    return OfferReport.objects.filter(offer=offer, status=ReportStatus.OPEN).update(
        status=ReportStatus.DISMISSED, handled_at=timezone.now()
    )


@transaction.atomic
def offer_submit_record(*, actor: User, offer: JobOffer) -> None:
    """Journal an employer's submission (creation or edit) of an offer for moderation."""
    ModerationDecision.objects.create(
        offer_id=offer.pk, action=ModerationAction.SUBMIT, actor=actor
    )

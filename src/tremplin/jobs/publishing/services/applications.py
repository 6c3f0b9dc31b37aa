"""Applications: a job seeker applies, the employer moves the application through its states,
the candidate withdraws it or chooses to stay in the employer's pool."""

from __future__ import annotations

import re

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Business, User
from tremplin.core.errors import DomainError
from tremplin.core.links import absolute_url
from tremplin.core.services import stat_increment
from tremplin.jobs.models import JobOffer
from tremplin.jobs.models.publishing import (
    APPLICATION_TRANSITIONS,
    DECIDED,
    Application,
    ApplicationStatus,
)
from tremplin.jobs.publishing import offers
from tremplin.jobs.publishing.cv import CVRejected, pdf_check

MESSAGE_MAX = 4000
_UNSAFE_NAME = re.compile(r"[^\w .()-]+")


def can_manage(user: User, application: Application) -> bool:
    """The employer's owners and the territory's staff handle an application."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return manages(user, application.business_id)


def manages(user: User, business_id: int) -> bool:
    return Business.objects.owned_by(user).filter(pk=business_id).exists()


def _clean_filename(name: str) -> str:
    base = _UNSAFE_NAME.sub("_", (name or "cv.pdf").rsplit("/", 1)[-1]).strip() or "cv.pdf"
    if not base.lower().endswith(".pdf"):
        base += ".pdf"
    return base[-120:]


def _mail(user: User, subject: str, template: str, context: dict) -> None:
    with translation.override(user.language or "fr"):
        send_mail(
            subject=str(subject),
            message=render_to_string(template, {"user": user, **context}),
            from_email=None,
            recipient_list=[user.email],
        )


@transaction.atomic
def application_submit(
    *,
    candidate: User,
    offer: JobOffer,
    message: str,
    cv=None,
    pool_consent: bool = False,
    request=None,
) -> Application:
    """Send an application; the employer's owners get an e-mail with a private link.

    ``cv`` is an uploaded file or None. A CV that is not a plain PDF is refused with a message
    and nothing is stored.
    """
    offer = JobOffer.objects.select_related("employer__business").get(pk=offer.pk)
    business = offers.business_of(offer)
    if business is None:
        raise DomainError(
            _("Cette offre se consulte chez son éditeur : suivez le lien de l'offre d'origine."),
            code="external",
        )
    if not offer.is_live():
        raise DomainError(_("Cette offre n'est plus en ligne."), code="closed")
    if manages(candidate, business.pk):
        raise DomainError(
            _("Vous gérez l'entreprise qui publie cette offre : vous ne pouvez pas y postuler."),
            code="own_offer",
        )
    message = (message or "").strip()
    if not message:
        raise DomainError(_("Écrivez quelques mots à l'employeur."), code="message")
    if len(message) > MESSAGE_MAX:
        raise DomainError(
            _("Votre message est trop long (%(max)s caractères au plus).") % {"max": MESSAGE_MAX},
            code="message",
        )
    if Application.objects.filter(offer=offer, candidate=candidate).exists():
        raise DomainError(_("Vous avez déjà postulé à cette offre."), code="duplicate")
    checked = None
    if cv is not None:
        try:
            checked = pdf_check(cv)
        except CVRejected as exc:
            raise DomainError(str(exc), code="cv") from exc
    now = timezone.now()
    application = Application(
        offer=offer,
        business=business,
        candidate=candidate,
        message=message,
        pool_consent=pool_consent,
        created_at=now,
        status_changed_at=now,
        last_contact_at=now,
    )
    if checked is not None:
        application.cv_filename = _clean_filename(cv.name)
        application.cv_size = checked.size
        # The file is written under a random name before the row; a rollback leaves an orphan
        # file that the retention task sweeps (see cv_orphans_sweep).
        application.cv.save(application.cv_filename, cv, save=False)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:  # the same person, twice at the same instant
        if application.cv:
            application.cv.delete(save=False)
        raise DomainError(_("Vous avez déjà postulé à cette offre."), code="duplicate") from exc
    url = absolute_url(reverse("jobs:employer_application", args=[application.pk]), request)
    for owner in User.objects.filter(memberships__business=business, is_active=True):
        _mail(
            owner,
            _("Nouvelle candidature : %(title)s") % {"title": offer.title},
            "jobs/publishing/email/application_received.txt",
            {"offer": offer, "business": business, "url": url, "application": application},
        )
    stat_increment("jobs.application_sent", business.commune.department.code)
    return application


def _decision_mail(application: Application, request=None) -> None:
    url = absolute_url(reverse("accounts:myspace"), request) + "#section-jobs_applications"
    _mail(
        application.candidate,
        _("Votre candidature : %(title)s") % {"title": application.offer.title},
        "jobs/publishing/email/application_status.txt",
        {"application": application, "url": url},
    )


@transaction.atomic
def application_move(
    *, actor: User, application: Application, status: str, expected_version: int, request=None
) -> Application:
    """Move an application to another state, unless someone changed it in the meantime.

    The change is one conditional UPDATE on (id, version, state): of two people clicking at
    the same time from the same page, one succeeds and the other is told, so nobody's decision
    is silently overwritten.
    """
    if not can_manage(actor, application):
        raise DomainError(_("Vous ne gérez pas cette candidature."), code="forbidden")
    if status not in ApplicationStatus.values:
        raise DomainError(_("État inconnu."), code="status")
    current = Application.objects.filter(pk=application.pk).values("status", "version").first()
    if current is None:
        raise DomainError(_("Cette candidature n'existe plus."), code="gone")
    if current["version"] != expected_version:
        raise DomainError(_conflict_message(current["status"]), code="conflict")
    if status not in APPLICATION_TRANSITIONS[current["status"]]:
        raise DomainError(
            _("Une candidature « %(current)s » ne peut pas passer à « %(new)s ».")
            % {
                "current": ApplicationStatus(current["status"]).label,
                "new": ApplicationStatus(status).label,
            },
            code="transition",
        )
    now = timezone.now()
    updated = Application.objects.filter(
        pk=application.pk, version=expected_version, status=current["status"]
    ).update(
        status=status,
        version=F("version") + 1,
        status_changed_at=now,
        last_contact_at=now,
        recruitment_ended_at=now if status in DECIDED else None,
    )
    if updated != 1:
        fresh = Application.objects.filter(pk=application.pk).values("status").first()
        raise DomainError(_conflict_message(fresh["status"] if fresh else status), code="conflict")
    application = Application.objects.select_related("offer", "candidate").get(pk=application.pk)
    if status != ApplicationStatus.RECEIVED:
        _decision_mail(application, request)
    stat_increment("jobs.application_status", status)
    return application


def _conflict_message(status: str) -> str:
    return _(
        "Cette candidature vient d'être modifiée par quelqu'un d'autre : elle est maintenant "
        "« %(status)s ». Vérifiez puis recommencez si besoin."
    ) % {"status": ApplicationStatus(status).label}


@transaction.atomic
def application_pool_consent(
    *, candidate: User, application: Application, consent: bool
) -> Application:
    """The candidate agrees (or no longer agrees) to stay in the employer's pool.

    Saying yes is a contact: the two years of the pool start again from now.
    """
    if application.candidate_id != candidate.pk:
        raise DomainError(_("Cette candidature n'est pas la vôtre."), code="forbidden")
    Application.objects.filter(pk=application.pk).update(
        pool_consent=consent, last_contact_at=timezone.now()
    )
    application.refresh_from_db()
    return application


def application_erase(application: Application) -> None:
    """Delete an application and its CV file (the row first, the file once committed)."""
    name = application.cv.name if application.cv else ""
    storage = application.cv.storage
    application.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def application_withdraw(*, candidate: User, application: Application) -> None:
    """The candidate takes their application back: it and the CV are deleted at once."""
    if application.candidate_id != candidate.pk:
        raise DomainError(_("Cette candidature n'est pas la vôtre."), code="forbidden")
    application_erase(application)

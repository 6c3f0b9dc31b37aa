"""What the publishing side stores: applications with their CVs, saved searches, reports of
offers and the moderation journal.

These models live in the jobs app (app label ``jobs``); the app's models package imports this
module so that Django and its migrations see them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.jobs.publishing.cv import cv_upload_to, protected_storage

from .offers import JobOffer


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", _("Reçue")
    IN_REVIEW = "in_review", _("En cours d'examen")
    HIRED = "hired", _("Embauche")
    NOT_RETAINED = "not_retained", _("Non retenue")


# Where an application may go from each state. A decision can be reopened (a wrong click, a
# hired person who does not come) but never skipped silently.
APPLICATION_TRANSITIONS: dict[str, set[str]] = {
    ApplicationStatus.RECEIVED: {
        ApplicationStatus.IN_REVIEW,
        ApplicationStatus.HIRED,
        ApplicationStatus.NOT_RETAINED,
    },
    ApplicationStatus.IN_REVIEW: {ApplicationStatus.HIRED, ApplicationStatus.NOT_RETAINED},
    ApplicationStatus.HIRED: {ApplicationStatus.IN_REVIEW},
    ApplicationStatus.NOT_RETAINED: {ApplicationStatus.IN_REVIEW},
}
DECIDED = {ApplicationStatus.HIRED, ApplicationStatus.NOT_RETAINED}


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user) -> ApplicationQuerySet:
        """The candidate's own; those sent to a business the person manages; all for staff."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        return self.filter(Q(candidate=user) | Q(business__memberships__user=user)).distinct()

    def for_employer(self, user) -> ApplicationQuerySet:
        return self.filter(business__memberships__user=user).distinct()


class Application(models.Model):
    """A job seeker's application to an offer of a Tremplin business, with an optional CV.

    ``business`` is copied from the offer when the application is sent: it says who may read
    it, even if the offer is later re-imported or its employer changes.
    """

    offer = models.ForeignKey(
        "jobs.JobOffer",
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("offre"),
    )
    business = models.ForeignKey(
        "accounts.Business",
        on_delete=models.CASCADE,
        related_name="job_applications",
        verbose_name=_("employeur"),
    )
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="job_applications",
        verbose_name=_("candidat ou candidate"),
    )
    message = models.TextField(_("message"), max_length=4000)
    cv = models.FileField(
        _("CV"),
        storage=protected_storage,
        upload_to=cv_upload_to,
        max_length=200,
        blank=True,
    )
    cv_filename = models.CharField(_("nom du fichier du CV"), max_length=120, blank=True)
    cv_size = models.PositiveIntegerField(_("taille du CV (octets)"), default=0)
    status = models.CharField(
        _("état"),
        max_length=14,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.RECEIVED,
    )
    # Bumped by every change of state: a change made from a stale page is refused, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)
    pool_consent = models.BooleanField(
        _("accepte de rester dans le vivier de l'employeur"), default=False
    )
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("état changé le"), default=timezone.now)
    last_contact_at = models.DateTimeField(_("dernier contact"), default=timezone.now)
    recruitment_ended_at = models.DateTimeField(_("fin du recrutement"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "candidate"], name="one_application_per_offer_and_person"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ApplicationStatus.values),
                name="application_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=sorted(DECIDED)) | Q(recruitment_ended_at__isnull=False),
                name="decided_application_has_end",
            ),
        ]
        indexes = [
            models.Index(fields=["business", "status"]),
            models.Index(fields=["recruitment_ended_at"]),
            models.Index(fields=["last_contact_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.offer_id} ({self.get_status_display()})"

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED

    @property
    def next_statuses(self) -> list[tuple[str, str]]:
        allowed = APPLICATION_TRANSITIONS[self.status]
        return [(value, label) for value, label in ApplicationStatus.choices if value in allowed]


class SavedSearch(models.Model):
    """A job seeker's search, sent back as a daily digest of the offers that are new since."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="job_saved_searches",
        verbose_name=_("personne"),
    )
    name = models.CharField(_("nom"), max_length=120)
    # The search page's parameters, canonical (sorted, without page or sort): two saves of the
    # same search are the same row.
    query_string = models.CharField(_("critères"), max_length=500)
    is_active = models.BooleanField(_("envoi quotidien actif"), default=True)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    last_sent_at = models.DateTimeField(_("dernier envoi"), null=True, blank=True)
    # Offers published after this moment are "new" for the next digest.
    checked_until = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("alerte emploi")
        verbose_name_plural = _("alertes emploi")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "query_string"], name="one_saved_search_per_criteria"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ReportReason(models.TextChoices):
    SCAM = "scam", _("Arnaque ou offre frauduleuse (paiement demandé, données bancaires…)")
    DISCRIMINATION = "discrimination", _("Discrimination (âge, sexe, origine, handicap…)")
    FILLED = "filled", _("Offre déjà pourvue ou qui n'existe plus")
    OTHER = "other", _("Autre problème")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("À examiner")
    UPHELD = "upheld", _("Offre masquée")
    DISMISSED = "dismissed", _("Sans suite")


class OfferReport(models.Model):
    """Anyone may report an offer. Nothing identifies the reporter: no account, no address.

    The free comment may name someone; it is erased with the report after it is handled (see
    the retention task).
    """

    offer = models.ForeignKey(
        "jobs.JobOffer", on_delete=models.CASCADE, related_name="reports", verbose_name=_("offre")
    )
    reason = models.CharField(_("motif"), max_length=16, choices=ReportReason.choices)
    comment = models.TextField(_("précisions"), max_length=1000, blank=True)
    status = models.CharField(
        _("suite donnée"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(_("signalé le"), default=timezone.now)
    handled_at = models.DateTimeField(_("traité le"), null=True, blank=True)

    class Meta:
        verbose_name = _("signalement d'offre")
        verbose_name_plural = _("signalements d'offres")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "offer"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", handled_at__isnull=True)
                | (~Q(status="open") & Q(handled_at__isnull=False)),
                name="handled_report_has_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} — {self.offer_id}"


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("Publication acceptée")
    REJECT = "reject", _("Publication refusée")
    HIDE = "hide", _("Offre masquée")
    RESTORE = "restore", _("Offre rétablie")
    SUBMIT = "submit", _("Soumise par l'employeur")


class ModerationDecision(models.Model):
    """The journal of what staff (and employers submitting) did to an offer, and why.

    Append-only in practice: the services only ever add rows; the employer sees the last
    refusal reason, staff see the whole history.
    """

    offer = models.ForeignKey(
        "jobs.JobOffer",
        on_delete=models.CASCADE,
        related_name="moderation_decisions",
        verbose_name=_("offre"),
    )
    action = models.CharField(_("décision"), max_length=10, choices=ModerationAction.choices)
    reason = models.CharField(_("motif"), max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("par"),
    )
    at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        verbose_name = _("décision de modération")
        verbose_name_plural = _("journal de modération")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} — {self.offer_id}"


class ModeratedOffer(JobOffer):
    """Job offers as the moderation back office shows them (same rows, other admin)."""

    class Meta:
        proxy = True
        verbose_name = _("offre à modérer")
        verbose_name_plural = _("modération des offres d'emploi")

"""Training offers: what they teach, where and when, who pays, and the jobs they lead to."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import Listing, PlacedOffer
from .choices import Funding, TeachingMode


class TrainingOffer(PlacedOffer):
    organisation = models.CharField(_("organisme de formation"), max_length=200)
    organisation_siret = models.CharField(_("SIRET de l'organisme"), max_length=14, blank=True)
    organisation_url = models.URLField(_("site de l'organisme"), max_length=500, blank=True)
    objectives = models.TextField(_("objectifs"), blank=True, help_text=_("HTML nettoyé."))
    content = models.TextField(_("programme"), blank=True, help_text=_("HTML nettoyé."))
    expected_results = models.TextField(_("résultats attendus"), blank=True)
    teaching_mode = models.CharField(
        _("modalité"), max_length=10, choices=TeachingMode.choices, default=TeachingMode.ON_SITE
    )
    start_date = models.DateField(_("début de la prochaine session"), null=True, blank=True)
    end_date = models.DateField(_("fin de la prochaine session"), null=True, blank=True)
    duration_hours = models.PositiveIntegerField(_("durée (heures)"), null=True, blank=True)
    duration_label = models.CharField(_("durée indiquée"), max_length=200, blank=True)
    # A list of Funding codes: a JSON list stays portable (no ArrayField); search filters on
    # it through the index, never in SQL.
    funding = models.JSONField(_("financements possibles"), default=list, blank=True)
    certification = models.CharField(_("certification"), max_length=255, blank=True)
    certification_code = models.CharField(
        _("code de la certification"), max_length=30, blank=True, help_text=_("RNCP, RS…")
    )
    is_certifying = models.BooleanField(_("certifiante"), default=False)
    rhythm = models.CharField(_("rythme"), max_length=200, blank=True)
    registration_url = models.URLField(_("adresse d'inscription"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("offre de formation")
        verbose_name_plural = _("offres de formation")
        ordering = ["start_date", "title", "id"]
        indexes = [
            models.Index(fields=["status", "expired_at"], name="training_status_expired"),
            models.Index(fields=["refreshed_at"], name="training_refreshed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=F("end_date")),
                name="training_dates_ordered",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="training_title_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "published", "hidden"]),
                name="training_status_known",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse(
            "jobs:training_detail", kwargs={"pk": self.pk, "slug": self.slug or "formation"}
        )

    @property
    def is_distance(self) -> bool:
        return self.teaching_mode == TeachingMode.DISTANCE

    @property
    def funding_labels(self) -> list[str]:
        labels = dict(Funding.choices)
        return [str(labels[code]) for code in self.funding if code in labels]


class TrainingRome(models.Model):
    """A ROME code a training prepares for: the link between trainings and job offers."""

    training = models.ForeignKey(TrainingOffer, on_delete=models.CASCADE, related_name="rome_links")
    rome_code = models.CharField(_("code ROME"), max_length=5, db_index=True)

    class Meta:
        verbose_name = _("métier préparé")
        verbose_name_plural = _("métiers préparés")
        constraints = [
            models.UniqueConstraint(fields=["training", "rome_code"], name="training_rome_unique")
        ]

    def __str__(self) -> str:
        return self.rome_code


class TrainingSession(models.Model):
    training = models.ForeignKey(TrainingOffer, on_delete=models.CASCADE, related_name="sessions")
    source_id = models.CharField(_("identifiant à la source"), max_length=200, blank=True)
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=F("end_date")),
                name="session_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.start_date} → {self.end_date}"


class TrainingListing(Listing):
    training = models.ForeignKey(
        TrainingOffer,
        on_delete=models.CASCADE,
        related_name="listings",
        verbose_name=_("formation"),
    )

    class Meta:
        verbose_name = _("publication d'une formation")
        verbose_name_plural = _("publications des formations")
        ordering = ["first_seen_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_name", "source_id"], name="traininglisting_unique_per_source"
            )
        ]

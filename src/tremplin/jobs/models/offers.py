"""Job offers and the listings they come from."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import Listing, PlacedOffer
from .choices import ROME_DOMAINS, ContractType, Remote, SalaryPeriod, WorkingTime


class JobOffer(PlacedOffer):
    description = models.TextField(
        _("description"), blank=True, help_text=_("HTML nettoyé (nh3) : seules des balises sûres.")
    )
    employer = models.ForeignKey(
        "jobs.Employer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("employeur"),
    )
    contract_type = models.CharField(
        _("type de contrat"), max_length=12, choices=ContractType.choices, blank=True
    )
    contract_label = models.CharField(_("précisions sur le contrat"), max_length=200, blank=True)
    working_time = models.CharField(
        _("temps de travail"), max_length=4, choices=WorkingTime.choices, blank=True
    )
    working_hours = models.CharField(_("horaires"), max_length=200, blank=True)
    salary_min = models.DecimalField(
        _("salaire minimum"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    salary_max = models.DecimalField(
        _("salaire maximum"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    salary_period = models.CharField(
        _("période du salaire"), max_length=5, choices=SalaryPeriod.choices, blank=True
    )
    salary_label = models.CharField(_("salaire indiqué par la source"), max_length=255, blank=True)
    rome_code = models.CharField(_("code ROME"), max_length=5, blank=True, db_index=True)
    job_title = models.CharField(
        _("métier"), max_length=255, blank=True, help_text=_("Appellation ROME, si connue.")
    )
    experience_months = models.PositiveSmallIntegerField(
        _("expérience demandée (mois)"),
        null=True,
        blank=True,
        help_text=_("0 : débutant accepté."),
    )
    experience_label = models.CharField(_("expérience"), max_length=200, blank=True)
    remote = models.CharField(_("télétravail"), max_length=8, choices=Remote.choices, blank=True)
    positions = models.PositiveSmallIntegerField(_("nombre de postes"), default=1)

    class Meta:
        verbose_name = _("offre d'emploi")
        verbose_name_plural = _("offres d'emploi")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "expired_at"], name="joboffer_status_expired"),
            models.Index(fields=["published_at"], name="joboffer_published"),
            models.Index(fields=["refreshed_at"], name="joboffer_refreshed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=F("salary_max")),
                name="joboffer_salary_range_ordered",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="joboffer_title_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "published", "hidden"]),
                name="joboffer_status_known",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("jobs:offer_detail", kwargs={"pk": self.pk, "slug": self.slug or "offre"})

    @property
    def rome_domain(self) -> str:
        return self.rome_code[:1]

    @property
    def rome_domain_label(self) -> str:
        return str(ROME_DOMAINS.get(self.rome_domain, ""))


class JobListing(Listing):
    offer = models.ForeignKey(
        JobOffer, on_delete=models.CASCADE, related_name="listings", verbose_name=_("offre")
    )

    class Meta:
        verbose_name = _("publication d'une offre d'emploi")
        verbose_name_plural = _("publications des offres d'emploi")
        ordering = ["first_seen_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_name", "source_id"], name="joblisting_unique_per_source"
            )
        ]

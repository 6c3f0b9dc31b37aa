"""The ROME, France Travail's répertoire des métiers: codes and the job titles under them.

Reference data loaded from France Travail's open-data files by ``tremplin rome load``; offers
and trainings keep the code as plain text so that reloading a new release never breaks them.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import ROME_DOMAINS


class RomeCode(models.Model):
    code = models.CharField(_("code ROME"), max_length=5, unique=True)
    label = models.CharField(_("intitulé"), max_length=255)
    parent_code = models.CharField(_("code parent"), max_length=5, blank=True)

    class Meta:
        verbose_name = _("fiche ROME")
        verbose_name_plural = _("fiches ROME")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.label}"

    @property
    def domain(self) -> str:
        return self.code[:1]

    @property
    def domain_label(self) -> str:
        return str(ROME_DOMAINS.get(self.domain, ""))


class RomeAppellation(models.Model):
    """A job title ("Vendeur / Vendeuse en boulangerie") and the code it belongs to."""

    ogr_code = models.PositiveIntegerField(_("code OGR"), unique=True)
    label = models.CharField(_("appellation"), max_length=255)
    short_label = models.CharField(_("appellation courte"), max_length=255, blank=True)
    rome = models.ForeignKey(
        RomeCode, on_delete=models.CASCADE, related_name="appellations", verbose_name=_("fiche")
    )
    search_label = models.CharField(max_length=255, editable=False, db_index=True)

    class Meta:
        verbose_name = _("appellation ROME")
        verbose_name_plural = _("appellations ROME")
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label

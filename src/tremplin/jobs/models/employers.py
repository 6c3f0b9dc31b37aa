"""Employers and training organisations as the offers name them.

An employer is identified by its SIRET when a source gives one, else by its folded name. It may
point to a business declared on Tremplin (``accounts.Business``): the jobs app only stores the
link and reads the business through the accounts selectors, never writes it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Employer(models.Model):
    name = models.CharField(_("nom"), max_length=200)
    name_key = models.CharField(
        _("nom normalisé"),
        max_length=200,
        editable=False,
        help_text=_("Le nom sans accents, casse ni forme juridique, pour reconnaître l'employeur."),
    )
    siret = models.CharField(_("SIRET"), max_length=14, null=True, blank=True, unique=True)
    business = models.ForeignKey(
        "accounts.Business",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entreprise déclarée sur Tremplin"),
    )
    website = models.URLField(_("site web"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("employeur")
        verbose_name_plural = _("employeurs")
        ordering = ["name"]
        indexes = [models.Index(fields=["name_key"])]
        constraints = [
            models.UniqueConstraint(
                fields=["name_key"],
                condition=Q(siret__isnull=True),
                name="employer_unique_name_without_siret",
            ),
            models.CheckConstraint(condition=~Q(name_key=""), name="employer_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

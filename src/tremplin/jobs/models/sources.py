"""Sources the territory's staff configure, and the record of every import."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import OfferKind, SourceFormat


class OfferSource(models.Model):
    """A feed refreshed on a schedule: a URL the staff trust, or a file on the server.

    The network is only ever reached for the URL written here, by the refresh task.
    """

    class Every(models.IntegerChoices):
        HOURLY = 3600, _("toutes les heures")
        SIX_HOURS = 6 * 3600, _("toutes les 6 heures")
        DAILY = 24 * 3600, _("tous les jours")
        WEEKLY = 7 * 24 * 3600, _("toutes les semaines")

    class RunStatus(models.TextChoices):
        NEVER = "", _("jamais lancée")
        OK = "ok", _("réussie")
        PARTIAL = "partial", _("réussie avec des lignes refusées")
        FAILED = "failed", _("échouée")

    key = models.SlugField(
        _("identifiant"),
        max_length=60,
        unique=True,
        help_text=_("Court et stable, par exemple « francetravail » ou « ville-de-lyon »."),
    )
    label = models.CharField(
        _("nom affiché"), max_length=120, help_text=_("Montré sur les offres : « Publiée par … ».")
    )
    format = models.CharField(_("format"), max_length=20, choices=SourceFormat.choices)
    kind = models.CharField(
        _("contenu"),
        max_length=10,
        choices=OfferKind.choices,
        default=OfferKind.JOB,
        help_text=_("Pour le CSV seulement : offres d'emploi ou de formation."),
    )
    url = models.URLField(_("adresse (URL)"), max_length=1000, blank=True)
    path = models.CharField(
        _("ou fichier sur le serveur"),
        max_length=500,
        blank=True,
        help_text=_("Chemin absolu d'un fichier déposé sur le serveur."),
    )
    every = models.PositiveIntegerField(_("fréquence"), choices=Every.choices, default=Every.DAILY)
    full_refresh = models.BooleanField(
        _("liste complète"),
        default=True,
        help_text=_(
            "Cochez si la source publie à chaque fois toutes ses offres en cours : celles "
            "qu'elle ne publie plus sont alors retirées."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    next_run_at = models.DateTimeField(_("prochaine actualisation"), null=True, blank=True)
    last_run_at = models.DateTimeField(_("dernière actualisation"), null=True, blank=True)
    last_status = models.CharField(
        _("résultat"), max_length=10, choices=RunStatus.choices, default="", blank=True
    )
    last_summary = models.TextField(_("résumé"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("source d'offres")
        verbose_name_plural = _("sources d'offres")
        ordering = ["label"]
        constraints = [
            models.CheckConstraint(
                condition=(~Q(url="") & Q(path="")) | (Q(url="") & ~Q(path="")),
                name="offersource_url_or_path",
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def interval(self) -> timedelta:
        return timedelta(seconds=self.every)

    @property
    def location(self) -> str:
        return self.url or self.path


class ImportRun(models.Model):
    """One import: what changed and every row or field that was refused, with where and why."""

    source = models.ForeignKey(
        OfferSource, on_delete=models.CASCADE, null=True, blank=True, related_name="runs"
    )
    source_name = models.CharField(_("source"), max_length=60)
    format = models.CharField(_("format"), max_length=20, choices=SourceFormat.choices)
    started_at = models.DateTimeField(_("début"))
    finished_at = models.DateTimeField(_("fin"), null=True, blank=True)
    failed = models.BooleanField(_("échec"), default=False)
    message = models.TextField(_("message"), blank=True)
    read = models.PositiveIntegerField(_("lues"), default=0)
    created = models.PositiveIntegerField(_("créées"), default=0)
    updated = models.PositiveIntegerField(_("mises à jour"), default=0)
    unchanged = models.PositiveIntegerField(_("inchangées"), default=0)
    merged = models.PositiveIntegerField(
        _("rattachées à une offre existante (doublons)"), default=0
    )
    withdrawn = models.PositiveIntegerField(_("retirées"), default=0)
    rejected = models.PositiveIntegerField(_("refusées"), default=0)
    skipped = models.PositiveIntegerField(_("hors territoire"), default=0)
    issues = models.JSONField(_("problèmes relevés"), default=list, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_name} {self.started_at:%Y-%m-%d %H:%M}"

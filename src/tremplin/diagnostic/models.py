"""Published questionnaire versions, and the diagnostics people answer on them.

A diagnostic belongs either to a business (the owners find it in « Mon espace ») or to whoever
holds its private link (only a hash of the link's token is stored). It points to the exact
version it was answered on; a version is stored whole in the database, so publishing a new one
never changes an old result.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class QuestionnaireVersion(models.Model):
    number = models.PositiveSmallIntegerField(_("version"), unique=True)
    sha256 = models.CharField(_("empreinte SHA-256 du fichier"), max_length=64, unique=True)
    title = models.CharField(_("titre"), max_length=200)
    published_on = models.DateField(_("publiée le"))
    definition = models.JSONField(_("questionnaire"))
    source = models.TextField(_("fichier publié"))
    loaded_at = models.DateTimeField(_("chargée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("version du questionnaire")
        verbose_name_plural = _("versions du questionnaire")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"{self.title} — v{self.number}"

    @cached_property
    def questionnaire(self):
        from tremplin.diagnostic.selectors import questionnaire_of

        return questionnaire_of(self)


class DiagnosticQuerySet(models.QuerySet):
    def completed(self) -> DiagnosticQuerySet:
        return self.filter(status=Diagnostic.Status.COMPLETED)

    def in_progress(self) -> DiagnosticQuerySet:
        return self.filter(status=Diagnostic.Status.IN_PROGRESS)


class Diagnostic(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("en cours")
        COMPLETED = "completed", _("terminé")

    version = models.ForeignKey(
        QuestionnaireVersion,
        on_delete=models.PROTECT,
        related_name="diagnostics",
        verbose_name=_("version du questionnaire"),
    )
    business = models.ForeignKey(
        "accounts.Business",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="diagnostics",
        verbose_name=_("entreprise"),
    )
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rempli par"),
    )
    is_assisted = models.BooleanField(_("assisté par un médiateur"), default=False)
    assisted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("médiateur"),
    )
    sector = models.CharField(_("secteur"), max_length=20)
    department_code = models.CharField(_("département"), max_length=3, blank=True)
    size_band = models.CharField(_("effectif"), max_length=6, blank=True)
    status = models.CharField(
        _("état"), max_length=12, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("commencé le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifié le"), default=timezone.now)
    completed_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    overall_score = models.PositiveSmallIntegerField(_("score global"), null=True, blank=True)
    level = models.CharField(_("niveau"), max_length=30, blank=True)
    sells_online = models.CharField(_("vend en ligne"), max_length=6, blank=True)
    shared_with_mediator = models.BooleanField(_("partagé avec le médiateur"), default=False)
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("résultat précédent"),
    )

    objects = DiagnosticQuerySet.as_manager()

    class Meta:
        verbose_name = _("diagnostic")
        verbose_name_plural = _("diagnostics")
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["status", "completed_at"]),
            # The statistics keep each business's latest result: found through this index.
            models.Index(fields=["business", "status", "completed_at"]),
        ]
        constraints = [
            # Reached either through a business (accounts) or through a private link: one of two.
            models.CheckConstraint(
                condition=Q(business__isnull=True, token_hash__isnull=False)
                | Q(business__isnull=False, token_hash__isnull=True),
                name="diagnostic_business_or_link",
            ),
            models.CheckConstraint(
                condition=Q(
                    status="completed",
                    completed_at__isnull=False,
                    overall_score__isnull=False,
                    overall_score__lte=100,
                )
                | Q(status="in_progress", completed_at__isnull=True, overall_score__isnull=True),
                name="diagnostic_completed_has_score",
            ),
            models.CheckConstraint(
                condition=Q(is_assisted=False) | Q(business__isnull=False),
                name="diagnostic_assisted_has_business",
            ),
            models.UniqueConstraint(
                fields=["business"],
                condition=Q(status="in_progress"),
                name="one_diagnostic_in_progress_per_business",
            ),
        ]

    def __str__(self) -> str:
        when = self.completed_at or self.started_at
        return _("Diagnostic du %(date)s") % {"date": timezone.localtime(when).strftime("%d/%m/%Y")}

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED


class Answer(models.Model):
    """The answer keys chosen for one question (one for ``single``, several for ``multiple``)."""

    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(_("question"), max_length=80)
    choices = models.JSONField(_("réponses choisies"))

    class Meta:
        verbose_name = _("réponse au diagnostic")
        verbose_name_plural = _("réponses au diagnostic")
        constraints = [
            models.UniqueConstraint(
                fields=["diagnostic", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question}: {', '.join(self.choices)}"


class DimensionScore(models.Model):
    """A completed diagnostic's score in one dimension: a row each, for the statistics."""

    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="scores")
    dimension = models.CharField(_("dimension"), max_length=40)
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score par dimension")
        verbose_name_plural = _("scores par dimension")
        constraints = [
            models.UniqueConstraint(
                fields=["diagnostic", "dimension"], name="one_score_per_dimension"
            ),
            models.CheckConstraint(condition=Q(score__lte=100), name="dimension_score_max_100"),
        ]

    def __str__(self) -> str:
        return f"{self.dimension}: {self.score}"

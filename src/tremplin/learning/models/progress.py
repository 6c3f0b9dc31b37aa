"""What a learner with an account has done: progress per module, quiz attempts, certificates.

Anonymous readers leave nothing behind but anonymous quiz attempts (no user, no session), which
feed the per-question success rates staff see.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .content import Module, Path, Question, Quiz


class Progress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_progress"
    )
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="progress")
    started_at = models.DateTimeField(_("commencé le"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("dernière visite"), auto_now_add=True)
    completed_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    best_score = models.PositiveSmallIntegerField(_("meilleur score au quiz (%)"), null=True)

    class Meta:
        verbose_name = _("progression")
        verbose_name_plural = _("progressions")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="learning_progress_once"),
            models.CheckConstraint(
                condition=Q(best_score__isnull=True) | Q(best_score__lte=100),
                name="learning_progress_score_percent",
            ),
        ]
        indexes = [models.Index(fields=["user", "last_seen_at"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.module}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class QuizAttempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    # Null for anonymous readers, and once a learner deletes their account (the attempt then
    # only counts in anonymous statistics).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quiz_attempts",
    )
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("réussi"))
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("tentative de quiz")
        verbose_name_plural = _("tentatives de quiz")
        constraints = [
            models.CheckConstraint(condition=Q(score__lte=100), name="learning_attempt_percent")
        ]

    def __str__(self) -> str:
        return f"{self.quiz} — {self.score} %"


class QuizAttemptAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    correct = models.BooleanField(_("bonne réponse"))
    chosen = models.CharField(_("réponses choisies"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("réponse à un quiz")
        verbose_name_plural = _("réponses aux quiz")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="learning_one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question} — {'✓' if self.correct else '✗'}"


class Certificate(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_certificates"
    )
    # The certificate keeps the path's title: it stays valid if staff later remove the path.
    path = models.ForeignKey(
        Path, on_delete=models.SET_NULL, null=True, blank=True, related_name="certificates"
    )
    code = models.CharField(_("code de vérification"), max_length=20, unique=True)
    full_name = models.CharField(_("nom inscrit sur l'attestation"), max_length=200)
    path_title = models.CharField(_("intitulé du parcours"), max_length=200)
    hours = models.DecimalField(_("durée du parcours (heures)"), max_digits=5, decimal_places=1)
    issued_at = models.DateTimeField(_("délivrée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("attestation")
        verbose_name_plural = _("attestations")
        constraints = [
            models.UniqueConstraint(fields=["user", "path"], name="learning_certificate_once")
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.path_title}"

    def get_absolute_url(self) -> str:
        return reverse("learning:certificate_verify", args=[self.code])

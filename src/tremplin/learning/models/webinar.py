"""Live sessions (webinaires) attached to a chapter, with seats booked through core.booking."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .content import Chapter, Module, PublishedQuerySet, Status


class WebinarQuerySet(PublishedQuerySet):
    def upcoming(self, now):
        return self.filter(starts_at__gte=now - timedelta(hours=2))


class Webinar(models.Model):
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="webinars")
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("présentation"), blank=True)
    starts_at = models.DateTimeField(_("date et heure"))
    duration_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"), default=45)
    capacity = models.PositiveIntegerField(_("nombre de places"), default=30)
    host_name = models.CharField(_("animé par"), max_length=200, blank=True)
    conference_url = models.URLField(
        _("lien de la visioconférence"),
        max_length=500,
        help_text=_("BigBlueButton, Jitsi… Montré seulement aux personnes inscrites."),
    )
    status = models.CharField(
        _("publication"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    replay = models.OneToOneField(
        Module,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="webinar",
        verbose_name=_("rediffusion"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WebinarQuerySet.as_manager()

    class Meta:
        verbose_name = _("webinaire")
        verbose_name_plural = _("webinaires")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="learning_webinar_capacity"),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5), name="learning_webinar_duration"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:webinar", args=[self.pk])

    @property
    def pool_key(self) -> str:
        return f"learning.webinar:{self.pk}"

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class WebinarRegistration(models.Model):
    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webinar_registrations"
    )
    booking = models.OneToOneField(
        "core.SeatBooking", on_delete=models.CASCADE, related_name="webinar_registration"
    )
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription à un webinaire")
        verbose_name_plural = _("inscriptions aux webinaires")
        constraints = [
            models.UniqueConstraint(fields=["webinar", "user"], name="learning_register_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.webinar}"

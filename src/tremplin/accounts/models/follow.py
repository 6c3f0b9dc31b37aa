"""A mediator's follow-up of a business, with the owner's consent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class FollowQuerySet(models.QuerySet):
    def active(self) -> FollowQuerySet:
        return self.filter(status=Follow.Status.ACTIVE)

    def visible_to(self, user) -> FollowQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        return self.filter(Q(mediator=user) | Q(business__memberships__user=user)).distinct()


class Follow(models.Model):
    """Requested by a mediator, accepted by an owner; either side can end it.

    Later apps (assisted diagnostic, mediation notes) act for a business only while an ACTIVE
    follow links the mediator to it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente de l'accord")
        ACTIVE = "active", _("en cours")
        REFUSED = "refused", _("refusé")
        ENDED = "ended", _("terminé")

    mediator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("médiateur"),
    )
    business = models.ForeignKey(
        "accounts.Business",
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("entreprise"),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    consented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accord donné par"),
    )
    consented_at = models.DateTimeField(_("accord donné le"), null=True, blank=True)
    started_on = models.DateField(_("début"), null=True, blank=True)
    ended_on = models.DateField(_("fin"), null=True, blank=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("accompagnement")
        verbose_name_plural = _("accompagnements")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mediator", "business"],
                condition=Q(status__in=["pending", "active"]),
                name="one_open_follow_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(status="active")
                | Q(consented_at__isnull=False, started_on__isnull=False),
                name="active_follow_has_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mediator} → {self.business} ({self.get_status_display()})"

"""What job and training offers share: a place, a moderation state and a life cycle.

An offer is *live* (searchable, in the sitemap) when it is published, not expired by the
expiry task and not past its own expiry date. ``expired_at`` is written by the task that also
takes the offer out of the search index, so the index and the pages agree.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Status


class OfferQuerySet(models.QuerySet):
    def live(self, now=None):
        now = now or timezone.now()
        return self.filter(status=Status.PUBLISHED, expired_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )

    def published(self):
        return self.filter(status=Status.PUBLISHED)


class PlacedOffer(models.Model):
    title = models.CharField(_("intitulé"), max_length=200)
    # Only checked after a lookup by id (``/emplois/<id>-<slug>/``): no index to keep up to
    # date on every import.
    slug = models.SlugField(_("adresse courte"), max_length=200, editable=False, db_index=False)
    commune = models.ForeignKey(
        "core.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    # Never looked up from the database (search filters by département in the index), and
    # départements are not deleted: no index to keep up to date on every import.
    department = models.ForeignKey(
        "core.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("département"),
        db_index=False,
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    location_label = models.CharField(_("lieu indiqué par la source"), max_length=200, blank=True)

    published_at = models.DateTimeField(_("publiée le"))
    source_updated_at = models.DateTimeField(
        _("mise à jour par la source le"), null=True, blank=True
    )
    expires_at = models.DateTimeField(
        _("date limite"), null=True, blank=True, help_text=_("Fournie par la source.")
    )
    refreshed_at = models.DateTimeField(
        _("vue pour la dernière fois le"),
        help_text=_("Dernière fois qu'une source a encore publié l'offre."),
    )
    expired_at = models.DateTimeField(_("expirée le"), null=True, blank=True)

    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    moderation_reason = models.TextField(_("motif de modération"), blank=True)
    moderated_at = models.DateTimeField(_("modérée le"), null=True, blank=True)
    # The LSH keys of the offer's MinHash signature (see tremplin.jobs.dedup), space-separated.
    # Stored here, looked up through the search index (the "dup" field of its document).
    dedup_keys = models.TextField(_("clés de détection des doublons"), blank=True, editable=False)

    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    def is_live(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.expired_at is None
            and (self.expires_at is None or self.expires_at > now)
        )

    def ended_at(self, now=None):
        """When the offer stopped being available (None while it is live)."""
        now = now or timezone.now()
        if self.expired_at:
            return self.expired_at
        if self.expires_at and self.expires_at <= now:
            return self.expires_at
        return None


class Listing(models.Model):
    """One publication of an offer by one source: several listings make one offer."""

    # Named "feed", not "source": a foreign key "source" would take the column source_id.
    feed = models.ForeignKey(
        "jobs.OfferSource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source configurée"),
    )
    source_name = models.CharField(_("source"), max_length=60)
    source_id = models.CharField(_("identifiant à la source"), max_length=200)
    url = models.URLField(_("adresse de l'offre d'origine"), max_length=1000, blank=True)
    content_hash = models.CharField(max_length=40, editable=False, blank=True)
    first_seen_at = models.DateTimeField(_("vue la première fois le"))
    last_seen_at = models.DateTimeField(_("vue la dernière fois le"))
    withdrawn_at = models.DateTimeField(
        _("retirée par la source le"),
        null=True,
        blank=True,
        help_text=_("La source ne la publie plus (actualisation complète)."),
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.source_name}:{self.source_id}"

    @property
    def source_label(self) -> str:
        from tremplin.jobs.sources.registry import source_label

        return source_label(self.source_name, self.feed)

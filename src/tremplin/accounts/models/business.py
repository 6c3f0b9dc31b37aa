"""Businesses the owners declare, shared by one or more owners."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.siret import validate_siret


class SizeBand(models.TextChoices):
    """INSEE's headcount bands (tranches d'effectif salarié), merged at the top."""

    NONE = "0", _("Aucun salarié")
    ONE_TWO = "1-2", _("1 ou 2 salariés")
    THREE_FIVE = "3-5", _("3 à 5 salariés")
    SIX_NINE = "6-9", _("6 à 9 salariés")
    TEN_NINETEEN = "10-19", _("10 à 19 salariés")
    TWENTY_FORTY_NINE = "20-49", _("20 à 49 salariés")
    FIFTY_249 = "50-249", _("50 à 249 salariés")
    BIG = "250+", _("250 salariés ou plus")


class SellsOnline(models.TextChoices):
    NO = "no", _("Non")
    PARTLY = "partly", _("En partie")
    YES = "yes", _("Oui")


class BusinessQuerySet(models.QuerySet):
    def visible_to(self, user) -> BusinessQuerySet:
        """What a person may see: their own businesses; those a mediator follows; all for staff."""
        from tremplin.accounts.models import Follow, Role

        if not user.is_authenticated:
            return self.none()
        if user.is_staff or user.role == Role.STAFF:
            return self
        if user.role == Role.MEDIATOR:
            return self.filter(
                follows__mediator=user, follows__status=Follow.Status.ACTIVE
            ).distinct()
        return self.filter(memberships__user=user)

    def owned_by(self, user) -> BusinessQuerySet:
        return self.filter(memberships__user=user)


class Business(models.Model):
    name = models.CharField(_("nom de l'entreprise"), max_length=200)
    siret = models.CharField(
        _("SIRET"),
        max_length=14,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_siret],
        help_text=_("14 chiffres, facultatif."),
    )
    naf_code = models.CharField(_("activité (code NAF)"), max_length=6)
    naf_section = models.CharField(_("secteur (section NAF)"), max_length=1, editable=False)
    is_artisan = models.BooleanField(_("artisan inscrit à la chambre de métiers"), default=False)
    commune = models.ForeignKey(
        "core.Commune",
        on_delete=models.PROTECT,
        related_name="businesses",
        verbose_name=_("commune"),
    )
    size_band = models.CharField(
        _("effectif"), max_length=6, choices=SizeBand.choices, default=SizeBand.NONE
    )
    website = models.URLField(_("site web"), blank=True)
    sells_online = models.CharField(
        _("vend en ligne"), max_length=6, choices=SellsOnline.choices, default=SellsOnline.NO
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="BusinessMembership", related_name="businesses"
    )
    is_demo = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(_("déclarée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True)

    objects = BusinessQuerySet.as_manager()

    class Meta:
        verbose_name = _("entreprise")
        verbose_name_plural = _("entreprises")
        ordering = ["name"]
        indexes = [models.Index(fields=["naf_section"])]

    def __str__(self) -> str:
        return self.name

    @property
    def activity(self):
        from tremplin.core.naf import get_activity

        return get_activity(self.naf_code)


class BusinessMembership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="memberships")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gérant")
        verbose_name_plural = _("gérants")
        constraints = [
            models.UniqueConstraint(fields=["user", "business"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.business}"


class BusinessLink(models.Model):
    class Kind(models.TextChoices):
        SHOP = "shop", _("Boutique en ligne")
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        LINKEDIN = "linkedin", "LinkedIn"
        MASTODON = "mastodon", "Mastodon"
        TIKTOK = "tiktok", "TikTok"
        YOUTUBE = "youtube", "YouTube"
        MARKETPLACE = "marketplace", _("Place de marché")
        OTHER = "other", _("Autre")

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    url = models.URLField(_("adresse"))

    class Meta:
        verbose_name = _("lien")
        verbose_name_plural = _("liens")
        ordering = ["kind", "url"]
        constraints = [
            models.UniqueConstraint(fields=["business", "url"], name="unique_business_link")
        ]

    def __str__(self) -> str:
        return self.url


class BusinessInvitation(models.Model):
    """An owner invites a co-owner by e-mail; only a hash of the link's token is stored."""

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("adresse invitée"))
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.business}"

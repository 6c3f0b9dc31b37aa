"""The territory's identity: name, logo, colours and the publisher's legal details.

One row, edited by staff in the back office. Colours that white text cannot be read on are
refused (WCAG AA, 4.5:1), because every button and link of the site is drawn with them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.colors import AA_TEXT, HEX_COLOR, WHITE, contrast_ratio


def validate_readable_on_white(value: str) -> None:
    if not HEX_COLOR.match(value or ""):
        raise ValidationError(
            _("Saisissez une couleur au format #rrggbb, par exemple #1d4f91."), code="format"
        )
    ratio = contrast_ratio(value, WHITE)
    if ratio < AA_TEXT:
        raise ValidationError(
            _(
                "Cette couleur n'est pas assez contrastée : le texte blanc dessus a un contraste "
                "de %(ratio).2f:1, il faut au moins 4,5:1 (RGAA, critère 3.2). Choisissez une "
                "teinte plus foncée."
            ),
            code="contrast",
            params={"ratio": ratio},
        )


class SiteBranding(models.Model):
    class Accessibility(models.TextChoices):
        FULL = "full", _("totalement conforme")
        PARTIAL = "partial", _("partiellement conforme")
        NONE = "none", _("non conforme")

    name = models.CharField(_("nom du service"), max_length=80, default="Tremplin")
    territory_name = models.CharField(_("nom du territoire"), max_length=120, blank=True)
    tagline = models.CharField(
        _("accroche"),
        max_length=200,
        blank=True,
        default=_(
            "Le numérique de votre territoire, pour les commerces, les entreprises et l'emploi."
        ),
    )
    logo_png = models.BinaryField(_("logo (PNG)"), blank=True, null=True, editable=False)
    logo_version = models.CharField(max_length=16, blank=True, editable=False)
    primary_color = models.CharField(
        _("couleur principale"),
        max_length=7,
        default="#1d4f91",
        validators=[validate_readable_on_white],
        help_text=_("Boutons, liens et bandeau. Le texte blanc doit rester lisible dessus."),
    )
    secondary_color = models.CharField(
        _("couleur secondaire"),
        max_length=7,
        default="#8a3b12",
        validators=[validate_readable_on_white],
        help_text=_("Accents et étiquettes. Le texte blanc doit rester lisible dessus."),
    )
    publisher_name = models.CharField(_("éditeur du site"), max_length=200, blank=True)
    publisher_address = models.TextField(_("adresse de l'éditeur"), blank=True)
    publication_director = models.CharField(
        _("directeur ou directrice de la publication"), max_length=200, blank=True
    )
    host_name = models.CharField(_("hébergeur"), max_length=200, blank=True)
    host_address = models.TextField(_("adresse de l'hébergeur"), blank=True)
    contact_email = models.EmailField(_("adresse de contact"), blank=True)
    dpo_email = models.EmailField(_("contact du délégué à la protection des données"), blank=True)
    accessibility_status = models.CharField(
        _("état de conformité RGAA"),
        max_length=10,
        choices=Accessibility.choices,
        default=Accessibility.PARTIAL,
    )
    accessibility_audit_date = models.DateField(_("date de l'audit RGAA"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("identité du territoire")
        verbose_name_plural = _("identité du territoire")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.name} {self.territory_name}".strip()

"""The vocabularies of offers, shared by models, importers, search filters and JSON-LD."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContractType(models.TextChoices):
    CDI = "cdi", _("CDI")
    CDD = "cdd", _("CDD")
    INTERIM = "interim", _("Intérim")
    ALTERNANCE = "alternance", _("Alternance")
    STAGE = "stage", _("Stage")
    SAISONNIER = "saisonnier", _("Saisonnier")
    INDEPENDANT = "independant", _("Indépendant")


class WorkingTime(models.TextChoices):
    FULL_TIME = "full", _("Temps plein")
    PART_TIME = "part", _("Temps partiel")


class Remote(models.TextChoices):
    NONE = "none", _("Sur place")
    PARTIAL = "partial", _("Télétravail possible en partie")
    FULL = "full", _("Télétravail complet")


class SalaryPeriod(models.TextChoices):
    HOUR = "hour", _("de l'heure")
    DAY = "day", _("par jour")
    WEEK = "week", _("par semaine")
    MONTH = "month", _("par mois")
    YEAR = "year", _("par an")


class Status(models.TextChoices):
    """Moderation state. Only published offers are searchable; hiding needs a reason."""

    PENDING = "pending", _("en attente de modération")
    PUBLISHED = "published", _("publiée")
    HIDDEN = "hidden", _("masquée")


class TeachingMode(models.TextChoices):
    """LHEO's ``modalites-enseignement`` (0, 1, 2)."""

    ON_SITE = "on_site", _("En présentiel")
    MIXED = "mixed", _("En partie à distance")
    DISTANCE = "distance", _("À distance")


class Funding(models.TextChoices):
    CPF = "cpf", _("Compte personnel de formation (CPF)")
    REGION = "region", _("Région")
    FRANCE_TRAVAIL = "france_travail", _("France Travail")
    EMPLOYER = "employer", _("Employeur ou OPCO")
    STATE = "state", _("État")
    AGEFIPH = "agefiph", _("Agefiph")
    TRANSITION = "transition", _("Transitions Pro")
    SELF = "self", _("Financement personnel")
    OTHER = "other", _("Autre financeur public")


class SourceFormat(models.TextChoices):
    JOBPOSTING = "jobposting", _("JSON-LD schema.org JobPosting (ou page HTML qui en contient)")
    FRANCETRAVAIL = "francetravail", _("France Travail, API Offres d'emploi v2 (JSON)")
    CSV = "csv", _("CSV (colonnes documentées)")
    LHEO = "lheo", _("LHEO 2.2 (XML, offres de formation)")


class OfferKind(models.TextChoices):
    JOB = "job", _("offres d'emploi")
    TRAINING = "training", _("offres de formation")


#: The 14 domains of the ROME (first letter of a code), as France Travail names them.
ROME_DOMAINS: dict[str, str] = {
    "A": _("Agriculture, pêche, espaces naturels et espaces verts, soins aux animaux"),
    "B": _("Arts et façonnage d'ouvrages d'art"),
    "C": _("Banque, assurance, immobilier"),
    "D": _("Commerce, vente et grande distribution"),
    "E": _("Communication, média et multimédia"),
    "F": _("Construction, bâtiment et travaux publics"),
    "G": _("Hôtellerie-restauration, tourisme, loisirs et animation"),
    "H": _("Industrie"),
    "I": _("Installation et maintenance"),
    "J": _("Santé"),
    "K": _("Services à la personne et à la collectivité"),
    "L": _("Spectacle"),
    "M": _("Support à l'entreprise"),
    "N": _("Transport et logistique"),
}

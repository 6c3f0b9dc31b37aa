"""Breadcrumbs of the publishing pages: (url, label) pairs, the last one without a link."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _


def myspace(*rest) -> list[tuple[str | None, str]]:
    return [(reverse("accounts:myspace"), _("Mon espace")), *rest]


def offer(offer, label: str) -> list[tuple[str | None, str]]:
    return [(offer.get_absolute_url(), offer.title), (None, label)]


def employer_offers(*rest):
    return myspace((reverse("jobs:employer_offers"), _("Mes offres d'emploi")), *rest)


def employer_applications(*rest):
    return myspace((reverse("jobs:employer_applications"), _("Candidatures reçues")), *rest)


def moderation(*rest):
    return myspace((reverse("jobs:moderation_queue"), _("Modération des offres")), *rest)

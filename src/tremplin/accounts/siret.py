"""SIRET validation: 14 digits with a Luhn checksum, except La Poste's establishments.

La Poste (SIREN 356 000 000) has more establishments than the Luhn key can number; INSEE gives
them SIRETs whose digits add up to a multiple of 5 instead.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LA_POSTE_SIREN = "356000000"


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalize_siret(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value or "")


def siret_is_valid(value: str) -> bool:
    siret = normalize_siret(value)
    if not re.fullmatch(r"\d{14}", siret):
        return False
    if siret.startswith(LA_POSTE_SIREN) and siret != LA_POSTE_SIREN + "00048":
        # La Poste's head office (…00048) follows Luhn; its other establishments use sum % 5.
        return sum(int(c) for c in siret) % 5 == 0
    return luhn_ok(siret)


def validate_siret(value: str) -> None:
    siret = normalize_siret(value)
    if not re.fullmatch(r"\d{14}", siret):
        raise ValidationError(
            _("Un numéro SIRET compte exactement 14 chiffres (vous en avez saisi %(count)s)."),
            code="length",
            params={"count": len(re.sub(r"\D", "", siret))},
        )
    if not siret_is_valid(siret):
        raise ValidationError(
            _(
                "Ce numéro SIRET n'existe pas : sa clé de contrôle est fausse. Vérifiez les "
                "chiffres sur votre avis de situation INSEE ou votre extrait Kbis."
            ),
            code="checksum",
        )

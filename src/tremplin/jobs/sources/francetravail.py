"""France Travail's "API Offres d'emploi v2" JSON, as saved from ``/offres/search``.

Real answers come as ``{"resultats": [...]}`` or as a bare list; offers may lack
``entreprise.nom``, carry empty ``contact``/``agence`` objects (never imported: they hold
people's names), competences without a code, and salary labels such as "Mensuel de 28000.0
Euros à 40000.0 Euros" (an annual figure labelled monthly, see :func:`.base.salary`).
"""

from __future__ import annotations

import hashlib
import io
import os
import re

from .base import (
    FeedError,
    Issue,
    JobRecord,
    Place,
    Reader,
    Rejected,
    clip,
    contract_type,
    months_of_experience,
    remote_from_text,
    rome_code,
    salary,
    when,
    working_time,
)
from .jsonstream import iter_array

#: Files up to this size are imported in one transaction (see ``open``).
WHOLE_FILE_BYTES = 64 * 1024 * 1024
OFFER_URL = "https://candidat.francetravail.fr/offres/recherche/detail/{id}"
_DEPARTMENT_LABEL = re.compile(r"^\s*(\d[\dAB]|97\d)\s*-")


class FranceTravailReader(Reader):
    kind = "job"

    def open(self) -> None:
        stream = self.stream
        if not stream.seekable():
            stream = self.stream = io.BytesIO(stream.read())
        try:
            size = os.fstat(stream.fileno()).st_size
        except (OSError, io.UnsupportedOperation, AttributeError):
            size = len(stream.getbuffer()) if isinstance(stream, io.BytesIO) else None
        # Up to this size the import is one transaction: a file broken half-way changes
        # nothing. Bigger files are imported as they are read, batch by batch.
        self.atomic = size is not None and size <= WHOLE_FILE_BYTES

    def records(self):
        for number, (line, item, raw) in enumerate(iter_array(self.stream, key="resultats"), 1):
            position = f"offre n° {number} (ligne {line})"
            if not isinstance(item, dict):
                yield Rejected(Issue(position, "ce n'est pas un objet JSON"))
                continue
            source_id = clip(item.get("id"), 200)
            if source_id:
                position = f"offre n° {number} (ligne {line}, identifiant {source_id})"
            if not source_id:
                yield Rejected(Issue(position, "identifiant (« id ») manquant"))
                continue
            title = clip(item.get("intitule"), 200)
            if not title:
                yield Rejected(Issue(position, "intitulé (« intitule ») manquant"))
                continue
            record = _record(item, position, source_id, title)
            record.fingerprint = hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()
            yield record


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _record(item: dict, position: str, source_id: str, title: str) -> JobRecord:
    record = JobRecord(position=position, source_id=source_id, title=title)
    description = item.get("description")
    record.description = description if isinstance(description, str) else ""
    place = _dict(item.get("lieuTravail"))
    label = clip(place.get("libelle"), 200)
    department = _DEPARTMENT_LABEL.match(label)
    record.place = Place(
        insee=clip(place.get("commune"), 5),
        postal_code=clip(place.get("codePostal"), 5),
        city=label.split("-", 1)[1].strip() if "-" in label else label,
        department=department.group(1) if department else "",
        latitude=_float(place.get("latitude")),
        longitude=_float(place.get("longitude")),
        label=label,
    )
    company = _dict(item.get("entreprise"))
    record.employer_name = clip(company.get("nom"), 200)
    record.employer_url = clip(company.get("url"), 500)
    record.rome_code = rome_code(item.get("romeCode"), record)
    record.job_title = clip(item.get("appellationlibelle") or item.get("romeLibelle"), 255)
    nature = str(item.get("natureContrat") or "")
    if item.get("alternance") is True or "apprenti" in nature.lower() or "profession" in nature:
        record.contract_type = "alternance"
    else:
        record.contract_type = contract_type(item.get("typeContrat"), record)
    record.contract_label = clip(item.get("typeContratLibelle"), 200)
    record.working_time = working_time(item.get("dureeTravailLibelleConverti"))
    record.working_hours = clip(item.get("dureeTravailLibelle"), 200)
    pay = _dict(item.get("salaire"))
    record.salary_label = clip(pay.get("libelle") or pay.get("commentaire"), 255)
    record.salary_min, record.salary_max, record.salary_period = salary(record.salary_label, record)
    record.experience_label = clip(item.get("experienceLibelle"), 200)
    if item.get("experienceExige") == "D":
        record.experience_months = 0
    else:
        record.experience_months = months_of_experience(record.experience_label)
    record.remote = remote_from_text(record.description)
    positions = item.get("nombrePostes")
    record.positions = positions if isinstance(positions, int) and 0 < positions < 1000 else 1
    record.published_at = when(item.get("dateCreation"), record, "date de création")
    record.updated_at = when(item.get("dateActualisation"), record, "date d'actualisation")
    origin = _dict(item.get("origineOffre"))
    partners = origin.get("partenaires") if isinstance(origin.get("partenaires"), list) else []
    partner_url = next((p.get("url") for p in partners if isinstance(p, dict) and p.get("url")), "")
    record.url = clip(origin.get("urlOrigine") or partner_url, 1000) or OFFER_URL.format(
        id=source_id
    )
    return record


def _float(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if -180 <= number <= 180 else None


__all__ = ["FeedError", "FranceTravailReader"]

"""schema.org ``JobPosting`` in JSON-LD: one object, a list, an ``@graph``, or embedded in the
``<script type="application/ld+json">`` blocks of an HTML page (employers' career pages).

The identifier of an offer at its source is its ``identifier`` (text or ``PropertyValue``),
else its ``url``, else a fingerprint of its title, employer and date: re-importing the same
page updates the same offers.
"""

from __future__ import annotations

import hashlib
import json
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
    rome_code,
    when,
    working_time,
)
from .jsonstream import json_message

MAX_BYTES = 32 * 1024 * 1024
_ROME_PREFIX = re.compile(r"^([A-N]\d{4})\b")
_UNITS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
_WORKING_TIMES = {"FULL_TIME", "PART_TIME"}


class JobPostingReader(Reader):
    kind = "job"

    def open(self) -> None:
        data = self.stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise FeedError("le fichier dépasse 32 Mo : découpez-le")
        text = data.decode("utf-8-sig", errors="replace").strip()
        if not text:
            raise FeedError("le fichier est vide")
        if text.startswith("<"):
            self.items = _from_html(text)
        else:
            try:
                self.items = [json.loads(text)]
            except json.JSONDecodeError as exc:
                raise FeedError(
                    f"JSON invalide ligne {exc.lineno} : {json_message(exc.msg)}"
                ) from exc
        self.postings = list(_postings(self.items))
        if not self.postings:
            raise FeedError("aucune offre JobPosting trouvée dans le fichier")
        self.total = len(self.postings)

    def records(self):
        for number, posting in enumerate(self.postings, 1):
            position = f"JobPosting n° {number}"
            title = clip(posting.get("title") or posting.get("name"), 200)
            if not title:
                yield Rejected(Issue(position, "intitulé (« title ») manquant"))
                continue
            yield _record(posting, position, title)


def _from_html(text: str) -> list:
    from extruct.jsonld import JsonLdExtractor

    try:
        return JsonLdExtractor().extract(text)
    except (ValueError, json.JSONDecodeError) as exc:
        raise FeedError(f"bloc JSON-LD illisible dans la page : {exc}") from exc


def _types(node: dict) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1] for k in kinds if k}


def _postings(node):
    """Every JobPosting object, wherever it sits (lists, @graph, ItemList…)."""
    if isinstance(node, list):
        for item in node:
            yield from _postings(item)
    elif isinstance(node, dict):
        if "JobPosting" in _types(node):
            yield node
            return
        for key in ("@graph", "itemListElement", "item", "mainEntity"):
            if key in node:
                yield from _postings(node[key])


def _first(value):
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _text(value) -> str:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("value") or value.get("name") or value.get("@id") or ""
    return str(value or "").strip()


def _record(posting: dict, position: str, title: str) -> JobRecord:
    organisation = _first(posting.get("hiringOrganization"))
    if isinstance(organisation, str):
        organisation = {"name": organisation}
    organisation = organisation if isinstance(organisation, dict) else {}
    name = clip(organisation.get("name"), 200)
    url = clip(_text(posting.get("url")) or _text(posting.get("sameAs")), 1000)
    source_id = clip(_text(posting.get("identifier")), 200) or url
    if not source_id:
        fingerprint = "|".join([title, name, _text(posting.get("datePosted"))])
        source_id = (
            "empreinte-"
            + hashlib.sha1(fingerprint.encode(), usedforsecurity=False).hexdigest()[:20]
        )
    record = JobRecord(position=f"{position} (« {title} »)", source_id=source_id, title=title)
    record.url = url
    record.description = str(posting.get("description") or "")
    record.employer_name = name
    record.employer_url = clip(_text(organisation.get("sameAs") or organisation.get("url")), 500)
    siret = "".join(ch for ch in _text(organisation.get("identifier")) if ch.isdigit())
    record.employer_siret = siret if len(siret) == 14 else ""
    _place(posting, record)
    if "TELECOMMUTE" in str(posting.get("jobLocationType") or "").upper():
        record.remote = "full"
    types = posting.get("employmentType") or []
    for value in types if isinstance(types, list) else [types]:
        upper = str(value).upper()
        if upper in _WORKING_TIMES:
            record.working_time = working_time(upper)
        elif not record.contract_type:
            record.contract_type = contract_type(value, record)
    record.contract_label = ", ".join(str(t) for t in types) if isinstance(types, list) else ""
    _salary(posting.get("baseSalary"), record)
    experience = posting.get("experienceRequirements")
    if isinstance(experience, dict):
        months = experience.get("monthsOfExperience")
        record.experience_months = int(float(months)) if _is_number(months) else None
        record.experience_label = clip(experience.get("description"), 200)
    elif experience:
        record.experience_label = clip(experience, 200)
        record.experience_months = months_of_experience(record.experience_label)
    # French boards often put the ROME code there ("K2204 Nettoyage de locaux").
    category = _ROME_PREFIX.match(_text(posting.get("occupationalCategory")).upper())
    if category:
        record.rome_code = rome_code(category.group(1), record)
    openings = posting.get("totalJobOpenings")
    record.positions = int(openings) if _is_number(openings) and 0 < int(openings) < 1000 else 1
    record.published_at = when(posting.get("datePosted"), record, "date de publication")
    record.expires_at = when(posting.get("validThrough"), record, "date limite", end_of_day=True)
    return record


def _is_number(value) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _place(posting: dict, record: JobRecord) -> None:
    locations = posting.get("jobLocation") or []
    locations = locations if isinstance(locations, list) else [locations]
    if len(locations) > 1:
        record.warn("plusieurs lieux de travail : seul le premier est retenu")
    location = locations[0] if locations and isinstance(locations[0], dict) else {}
    address = location.get("address") or {}
    if isinstance(address, list):
        address = address[0] if address else {}
    if isinstance(address, str):
        address = {"addressLocality": address}
    geo = location.get("geo") if isinstance(location.get("geo"), dict) else {}
    locality = clip(address.get("addressLocality"), 150)
    record.place = Place(
        postal_code=clip(address.get("postalCode"), 5),
        city=locality,
        latitude=_float(geo.get("latitude")),
        longitude=_float(geo.get("longitude")),
        label=", ".join(p for p in (locality, clip(address.get("postalCode"), 10)) if p),
    )


def _float(value) -> float | None:
    return float(value) if _is_number(value) else None


def _salary(value, record: JobRecord) -> None:
    from decimal import Decimal

    if value in (None, "", []):
        return
    if isinstance(value, int | float | str) and _is_number(value):
        value = {"value": {"value": value}}
    if not isinstance(value, dict):
        record.salary_label = clip(value, 255)
        return
    amount = value.get("value")
    amount = amount if isinstance(amount, dict) else {"value": amount}
    unit = str(amount.get("unitText") or value.get("unitText") or "").upper()
    low = amount.get("minValue", amount.get("value"))
    high = amount.get("maxValue", amount.get("value"))
    if not (_is_number(low) and _is_number(high)):
        record.salary_label = clip(_text(amount.get("value")) or value.get("description"), 255)
        if record.salary_label:
            record.warn(f"salaire « {record.salary_label} » sans montant : gardé tel quel")
        return
    low, high = Decimal(str(low)), Decimal(str(high))
    period = _UNITS.get(unit, "")
    if not period:
        record.warn(f"unité de salaire « {unit or 'absente'} » inconnue : salaire ignoré")
        return
    if low > high:
        low, high = high, low
    record.salary_min, record.salary_max, record.salary_period = low, high, period
    currency = str(value.get("currency") or "EUR")
    record.salary_label = f"{low:g} – {high:g} {currency}" if low != high else f"{low:g} {currency}"

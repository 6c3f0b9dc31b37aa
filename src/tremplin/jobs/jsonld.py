"""schema.org JobPosting for an offer page, with every property search engines require.

Required by Google for Jobs: ``title``, ``description``, ``datePosted``, ``hiringOrganization``
and ``jobLocation`` (or ``jobLocationType`` TELECOMMUTE with ``applicantLocationRequirements``);
recommended: ``validThrough``, ``employmentType``, ``baseSalary``, ``identifier``,
``directApply``. Expired offers carry none (their page says they are over).
"""

from __future__ import annotations

import json
from datetime import timedelta

from django.utils.safestring import mark_safe

from tremplin.core.links import absolute_url

from .conf import stale_days
from .models import JobOffer

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
_UNITS = {"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR"}
_TEMPORARY = {"cdd", "interim", "saisonnier"}


def employment_types(offer: JobOffer) -> list[str]:
    types = []
    if offer.working_time == "part":
        types.append("PART_TIME")
    elif offer.working_time == "full" or offer.contract_type in {"cdi", "alternance"}:
        types.append("FULL_TIME")
    if offer.contract_type in _TEMPORARY:
        types.append("TEMPORARY")
    elif offer.contract_type == "stage":
        types.append("INTERN")
    elif offer.contract_type == "independant":
        types.append("CONTRACTOR")
    elif offer.contract_type == "alternance":
        types.append("OTHER")
    return types or ["OTHER"]


def valid_through(offer: JobOffer):
    """The source's date, else the day the platform would expire it for want of refresh."""
    return offer.expires_at or offer.refreshed_at + timedelta(days=stale_days())


def offer_jsonld(offer: JobOffer, *, request=None, site_name: str = "") -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": offer.title,
        "description": offer.description or f"<p>{offer.title}</p>",
        "datePosted": offer.published_at.isoformat(),
        "validThrough": valid_through(offer).isoformat(),
        "employmentType": employment_types(offer),
        "hiringOrganization": {
            "@type": "Organization",
            "name": offer.employer.name if offer.employer_id else "Employeur non communiqué",
        },
        "identifier": {
            "@type": "PropertyValue",
            "name": site_name or "Tremplin",
            "value": str(offer.pk),
        },
        "url": absolute_url(offer.get_absolute_url(), request),
        "directApply": False,
        "totalJobOpenings": offer.positions,
    }
    if offer.employer_id and offer.employer.website:
        data["hiringOrganization"]["sameAs"] = offer.employer.website
    location = _location(offer)
    if location:
        data["jobLocation"] = location
    if offer.remote == "full" or not location:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "FR"}
    if offer.salary_min is not None and offer.salary_period:
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": float(offer.salary_min),
                "maxValue": float(
                    offer.salary_max if offer.salary_max is not None else offer.salary_min
                ),
                "unitText": _UNITS[offer.salary_period],
            },
        }
    if offer.experience_months is not None:
        data["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": offer.experience_months,
        }
    if offer.rome_code:
        data["occupationalCategory"] = offer.rome_code
    return data


def _location(offer: JobOffer) -> dict | None:
    commune = offer.commune
    department = commune.department if commune else offer.department
    if commune is None and department is None:
        return None
    address = {"@type": "PostalAddress", "addressCountry": "FR"}
    if commune is not None:
        address["addressLocality"] = commune.name
        postal = commune.main_postal_code
        if postal:
            address["postalCode"] = postal
    if department is not None:
        address["addressRegion"] = department.region.name
    place = {"@type": "Place", "address": address}
    if offer.latitude is not None and offer.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": round(offer.latitude, 5),
            "longitude": round(offer.longitude, 5),
        }
    return place


def as_script(data: dict) -> str:
    """JSON safe inside ``<script type="application/ld+json">`` (no "</script>" can close it)."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))

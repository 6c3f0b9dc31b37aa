"""Demo data of the publishing side: the documented owners post offers (approved by the
documented staff member), the documented job seekers apply and save searches.

Idempotent: an offer is found again by its business and title, an application by its offer
and candidate, a saved search by its criteria. Runs after the offers' own demo.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict

from tremplin.accounts.models import Business, User
from tremplin.core.demo_loaders import DemoContext, demo_loader
from tremplin.jobs.models import JobOffer, Status
from tremplin.jobs.models.publishing import Application, SavedSearch
from tremplin.jobs.publishing import services
from tremplin.jobs.publishing.offer_form import description_html, parse_amount
from tremplin.jobs.publishing.services.employer import OfferValues, employer_offer_create

DOMAIN = "demo.tremplin.invalid"
# The path each state is reached by, from "received".
PATHS = {
    "received": [],
    "in_review": ["in_review"],
    "hired": ["in_review", "hired"],
    "not_retained": ["in_review", "not_retained"],
}


def _data() -> dict:
    return yaml.safe_load((Path(__file__).parent / "data" / "demo.yaml").read_text("utf-8"))


def _user(local: str) -> User | None:
    return User.objects.filter(email=f"{local}@{DOMAIN}").first()


@cache
def _cv_pdf(name: str) -> bytes:
    import logging

    import weasyprint

    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # no step-by-step log
    return weasyprint.HTML(
        string=f"<h1>{name}</h1><p>CV de démonstration : expérience en vente et en accueil.</p>"
    ).write_pdf()


def _rome(label: str) -> tuple[str, str]:
    from tremplin.jobs.models import RomeAppellation

    found = RomeAppellation.objects.select_related("rome").filter(label=label).first()
    return (found.rome.code, found.label) if found else ("", label)


def _offers(data, staff) -> tuple[int, dict[str, JobOffer]]:
    created = 0
    by_title = {}
    for item in data["offers"]:
        owner = _user(item["owner"])
        business = Business.objects.owned_by(owner).first() if owner else None
        if business is None:
            continue
        offer = JobOffer.objects.filter(employer__business=business, title=item["title"]).first()
        if offer is None:
            rome_code, job_title = _rome(item.get("job_title", ""))
            offer = employer_offer_create(
                actor=owner,
                business=business,
                values=OfferValues(
                    title=item["title"],
                    description=description_html(item["description"]),
                    commune=business.commune,
                    contract_type=item["contract_type"],
                    working_time=item.get("working_time", ""),
                    working_hours=item.get("working_hours", ""),
                    salary_min=parse_amount(item.get("salary_min", "")),
                    salary_max=parse_amount(item.get("salary_max", "")),
                    salary_period=item.get("salary_period", ""),
                    rome_code=rome_code,
                    job_title=job_title if rome_code else "",
                    experience_months=item.get("experience_months"),
                ),
            )
            created += 1
        if offer.status == Status.PENDING and staff is not None:
            offer = services.offer_approve(actor=staff, offer=offer)
        by_title[item["title"]] = offer
    return created, by_title


def _applications(data, offers) -> int:
    created = 0
    for local, title, state, pool in data["applications"]:
        candidate, offer = _user(local), offers.get(title)
        if candidate is None or offer is None:
            continue
        if Application.objects.filter(offer=offer, candidate=candidate).exists():
            continue
        name = candidate.full_name or candidate.email
        application = services.application_submit(
            candidate=candidate,
            offer=offer,
            message=(
                f"Bonjour, je m'appelle {name}. Votre offre « {offer.title} » m'intéresse : "
                "je suis disponible rapidement et joignable par e-mail."
            ),
            cv=SimpleUploadedFile("CV.pdf", _cv_pdf(name), "application/pdf"),
            pool_consent=pool,
        )
        owner = User.objects.filter(memberships__business=application.business).first()
        for step in PATHS[state]:
            application = services.application_move(
                actor=owner,
                application=application,
                status=step,
                expected_version=application.version,
            )
        created += 1
    return created


@demo_loader(name="jobs.publishing", order=90)
def load_publishing(context: DemoContext) -> str:
    data = _data()
    staff = _user("equipe")
    created_offers, offers = _offers(data, staff)
    created_applications = _applications(data, offers)
    created_searches = 0
    for local, name, query in data["saved_searches"]:
        user = _user(local)
        if user is None or SavedSearch.objects.filter(user=user, name=name).exists():
            continue
        services.saved_search_create(user=user, params=QueryDict(query), name=name)
        created_searches += 1
    return (
        f"{len(offers)} offres d'employeurs ({created_offers} créées), "
        f"{Application.objects.count()} candidatures ({created_applications} créées), "
        f"{SavedSearch.objects.count()} alertes ({created_searches} créées)"
    )

"""The read-only JSON API of job and training offers (django-ninja), documented at /api/docs.

The list endpoints take the search page's parameters and answer what the page answers; only
live offers are ever returned. No account is needed; each address is rate-limited.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Schema
from ninja.openapi.docs import Swagger
from ninja.throttling import AnonRateThrottle
from pydantic import Field

from tremplin.core.links import absolute_url
from tremplin.jobs.models import JobOffer, TrainingOffer
from tremplin.jobs.publishing import conf, search

MAX_PER_PAGE = 100


class RateThrottle(AnonRateThrottle):
    """Per address; the rate is read from the settings at each call (JOBS_API_RATE)."""

    scope = "jobs-api"

    def __init__(self) -> None:
        super().__init__(rate=conf.value("JOBS_API_RATE"))

    def allow_request(self, request) -> bool:
        self.rate = conf.value("JOBS_API_RATE")
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


api = NinjaAPI(
    title="Tremplin — offres d'emploi et de formation",
    version="1",
    description=(
        "API publique en lecture seule des offres d'emploi et de formation du territoire. "
        "Les paramètres de recherche sont ceux de la page de recherche. Limite : "
        "voir l'en-tête de réponse 429 ; documentation : docs/jobs-publishing.md."
    ),
    urls_namespace="jobs:api",
    docs=Swagger(settings={"validatorUrl": None}),  # no badge fetched from elsewhere
    docs_url="/docs",
    throttle=[RateThrottle()],
)


class Place(Schema):
    commune: str | None = None
    insee: str | None = None
    department: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class OfferOut(Schema):
    id: int
    title: str
    url: str
    employer: str | None
    place: Place
    contract_type: str
    working_time: str
    salary_min: Decimal | None
    salary_max: Decimal | None
    salary_period: str
    rome_code: str
    remote: str
    published_at: datetime
    expires_at: datetime | None
    description_html: str


class OfferPage(Schema):
    total: int
    page: int
    pages: int
    per_page: int
    results: list[OfferOut]


class TrainingOut(Schema):
    id: int
    title: str
    url: str
    organisation: str
    place: Place
    teaching_mode: str
    start_date: date | None
    end_date: date | None
    duration_hours: int | None
    funding: list[str]
    certification: str
    published_at: datetime


class TrainingPage(Schema):
    total: int
    page: int
    pages: int
    per_page: int
    results: list[TrainingOut]


class OfferFilters(Schema):
    q: str = Field("", description="Mots recherchés (métier, compétence, employeur).")
    commune: str = Field("", description="Code INSEE de la commune autour de laquelle chercher.")
    rayon: int | None = Field(None, description="Rayon en km autour de la commune (5 à 100).")
    contrat: list[str] = Field([], description="cdi, cdd, interim, alternance, stage…")
    temps: list[str] = Field([], description="full (temps plein) ou part (temps partiel).")
    teletravail: list[str] = Field([], description="none, partial ou full.")
    domaine: list[str] = Field([], description="Domaine ROME : une lettre de A à N.")
    departement: list[str] = Field([], description="Code du département, par exemple 42.")
    depuis: int | None = Field(None, description="Publiées depuis 1, 3, 7 ou 30 jours.")
    tri: str = Field("relevance", description="relevance, date ou distance.")
    page: int = Field(1, ge=1)
    par_page: int = Field(20, ge=1, le=MAX_PER_PAGE)


class TrainingFilters(Schema):
    q: str = Field("", description="Mots recherchés.")
    commune: str = Field("", description="Code INSEE de la commune.")
    rayon: int | None = Field(None, description="Rayon en km (5 à 100).")
    domaine: list[str] = Field([], description="Domaine ROME : une lettre de A à N.")
    departement: list[str] = Field([], description="Code du département.")
    page: int = Field(1, ge=1)
    par_page: int = Field(20, ge=1, le=MAX_PER_PAGE)


def _place(offer) -> Place:
    commune = offer.commune
    return Place(
        commune=commune.name if commune else (offer.location_label or None),
        insee=commune.insee if commune else None,
        department=commune.department.code if commune else None,
        latitude=offer.latitude,
        longitude=offer.longitude,
    )


def _offer_out(offer: JobOffer) -> OfferOut:
    return OfferOut(
        id=offer.pk,
        title=offer.title,
        url=absolute_url(offer.get_absolute_url()),
        employer=offer.employer.name if offer.employer else None,
        place=_place(offer),
        contract_type=offer.contract_type,
        working_time=offer.working_time,
        salary_min=offer.salary_min,
        salary_max=offer.salary_max,
        salary_period=offer.salary_period,
        rome_code=offer.rome_code,
        remote=offer.remote,
        published_at=offer.published_at,
        expires_at=offer.expires_at,
        description_html=offer.description,
    )


def _training_out(training: TrainingOffer) -> TrainingOut:
    return TrainingOut(
        id=training.pk,
        title=training.title,
        url=absolute_url(training.get_absolute_url()),
        organisation=training.organisation,
        place=_place(training),
        teaching_mode=training.teaching_mode,
        start_date=training.start_date,
        end_date=training.end_date,
        duration_hours=training.duration_hours,
        funding=list(training.funding or []),
        certification=training.certification,
        published_at=training.published_at,
    )


def _querydict(filters: Schema, names) -> QueryDict:
    params = QueryDict(mutable=True)
    for name in names:
        value = getattr(filters, name, None)
        for item in value if isinstance(value, list) else [value]:
            if item not in (None, ""):
                params.appendlist(name, str(item))
    return params


@api.get("/offres", response=OfferPage, summary="Chercher des offres d'emploi")
def offers_list(request, filters: Query[OfferFilters]):
    params = _querydict(
        filters,
        ["q", "commune", "rayon", "contrat", "temps", "teletravail", "domaine", "departement"],
    )
    if filters.depuis:
        params["depuis"] = str(filters.depuis)
    found = search.results(params, sort=filters.tri, page=filters.page, per_page=filters.par_page)
    return OfferPage(
        total=found.total,
        page=found.page,
        pages=found.pages,
        per_page=found.per_page,
        results=[_offer_out(o) for o in found.offers],
    )


@api.get("/offres/{offer_id}", response=OfferOut, summary="Une offre d'emploi")
def offer_detail(request, offer_id: int):
    offer = get_object_or_404(
        JobOffer.objects.live().select_related("employer", "commune__department"), pk=offer_id
    )
    return _offer_out(offer)


@api.get("/formations", response=TrainingPage, summary="Chercher des offres de formation")
def trainings_list(request, filters: Query[TrainingFilters]):
    params = _querydict(filters, ["q", "commune", "rayon", "domaine", "departement"])
    found = search.training_results(params, page=filters.page, per_page=filters.par_page)
    return TrainingPage(
        total=found.total,
        page=found.page,
        pages=found.pages,
        per_page=found.per_page,
        results=[_training_out(t) for t in found.offers],
    )


@api.get("/formations/{training_id}", response=TrainingOut, summary="Une offre de formation")
def training_detail(request, training_id: int):
    training = (
        TrainingOffer.objects.live()
        .select_related("commune__department")
        .filter(pk=training_id)
        .first()
    )
    if training is None:
        raise Http404
    return _training_out(training)

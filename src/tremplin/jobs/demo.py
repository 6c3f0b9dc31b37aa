"""The demo territory's job and training offers (``tremplin demo``).

25,000 job offers generated from ``data/demo_jobs.yaml`` (real ROME codes, made-up employers
and texts, communes weighted by population) go through the France Travail importer; one in
twenty-five is also published by a second source as JSON-LD, re-cased and slightly reworded,
so that duplicate detection shows (the offer page lists both sources). About thirty training
offers go through the CSV importer. Deterministic for a seed; running it again on the same day
changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tremplin.core.demo_loaders import DemoContext, demo_loader

from .generator import OfferGenerator, Places, as_jobposting, data

JOB_OFFERS = getattr(settings, "JOBS_DEMO_OFFERS", 25_000)
DUPLICATE_EVERY = 25
CSV_COLUMNS = [
    "identifiant",
    "intitule",
    "organisme",
    "objectifs",
    "commune",
    "modalite",
    "date_debut",
    "date_fin",
    "duree_heures",
    "financements",
    "certification",
    "code_certification",
    "certifiante",
    "rome",
    "url_inscription",
]


def _today_noon():
    now = timezone.localtime()
    return now.replace(hour=12, minute=0, second=0, microsecond=0)


def _drain_after_commit() -> None:
    from tremplin.core.search import drain

    transaction.on_commit(lambda: drain(["jobs.offer", "jobs.training"]))


@demo_loader(name="jobs.offers", order=60)
def load_offers(context: DemoContext) -> str:
    from .importing.run import offers_import
    from .services.rome import rome_codes_ensure

    rome_codes_ensure(codes={job["code"]: job["title"] for job in data()["jobs"]})
    rng = context.rng("jobs.offers")
    places = Places.of_territory(context.territory.insee_codes)
    generator = OfferGenerator(rng, places, now=_today_noon())
    offers = [generator.offer(number) for number in range(1, JOB_OFFERS + 1)]
    main = offers_import(
        stream=io.BytesIO(json.dumps({"resultats": offers}, ensure_ascii=False).encode()),
        format="francetravail",
        source_name="demo-flux",
        index=False,
    )
    # Indexed once committed, before the partner's loader looks for duplicates in the index.
    _drain_after_commit()
    return (
        f"{main.read} offres d'emploi ({main.created} nouvelles, {main.updated} mises à jour, "
        f"{main.unchanged} inchangées)"
    )


@demo_loader(name="jobs.partner", order=61)
def load_partner(context: DemoContext) -> str:
    """One offer in 25 published again by a partner site, re-cased and slightly reworded."""
    from .importing.run import offers_import

    rng = context.rng("jobs.offers")
    places = Places.of_territory(context.territory.insee_codes)
    generator = OfferGenerator(rng, places, now=_today_noon())
    partner_rng = context.rng("jobs.partner")
    partner = []
    for number in range(1, JOB_OFFERS + 1):
        offer = generator.offer(number)  # the same offers as jobs.offers (same seed)
        if number % DUPLICATE_EVERY == 0:
            partner.append(
                as_jobposting(
                    offer,
                    partner_rng,
                    identifier=f"P{number:07d}",
                    url=f"https://partenaire.demo.tremplin.invalid/annonce/P{number:07d}",
                )
            )
    run = offers_import(
        stream=io.BytesIO(
            json.dumps({"@context": "https://schema.org", "@graph": partner}).encode()
        ),
        format="jobposting",
        source_name="demo-partenaire",
        index=False,
    )
    _drain_after_commit()
    return (
        f"{run.read} offres republiées par un site partenaire : {run.merged} reconnues comme "
        f"doublons et rattachées à l'offre existante, {run.created} nouvelles, "
        f"{run.unchanged} inchangées"
    )


@demo_loader(name="jobs.trainings", order=62)
def load_trainings(context: DemoContext) -> str:
    from .importing.run import offers_import

    rng = context.rng("jobs.trainings")
    places = Places.of_territory(context.territory.insee_codes)
    today = timezone.localdate()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for index, training in enumerate(data()["trainings"], 1):
        # Popular trainings run in two places.
        for copy in range(2 if index % 3 == 0 and training["mode"] != "distance" else 1):
            start = today + timedelta(days=rng.randint(10, 240))
            weeks = max(1, training["hours"] // 35)
            place = "" if training["mode"] == "distance" else places.pick(rng).insee
            writer.writerow(
                [
                    f"F{index:03d}-{copy + 1}",
                    training["title"],
                    training["organisation"],
                    training["objectives"],
                    place,
                    {"on_site": "presentiel", "mixed": "mixte"}.get(training["mode"], "distance"),
                    start.isoformat(),
                    (start + timedelta(weeks=weeks)).isoformat(),
                    training["hours"],
                    "|".join(training["funding"]),
                    training.get("certification", ""),
                    training.get("certification", ""),
                    "oui" if training.get("certification") else "non",
                    "|".join(training["rome"]),
                    f"https://formations.demo.tremplin.invalid/inscription/F{index:03d}",
                ]
            )
            count += 1
    run = offers_import(
        stream=io.BytesIO(out.getvalue().encode()),
        format="csv",
        kind="training",
        source_name="demo-formations",
        index=False,
    )
    _drain_after_commit()
    return (
        f"{count} offres de formation ({run.created} nouvelles, {run.updated} mises à jour, "
        f"{run.unchanged} inchangées)"
    )

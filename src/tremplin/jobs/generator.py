"""Realistic made-up job offers, deterministic for a seed: the demo and the benchmark use it.

Offers come out in France Travail's JSON shape (``resultats`` items), so that they go through
the real importer. Employers are small businesses named after a surname or their commune,
plus a few big employers that publish many offers; communes are drawn in proportion to their
population.
"""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "demo_jobs.yaml"
CONTRACT_CODES = {
    "cdi": "CDI",
    "cdd": "CDD",
    "interim": "MIS",
    "saisonnier": "SAI",
    "independant": "LIB",
    "alternance": "CDD",
    "stage": "CDD",
}


@lru_cache(maxsize=1)
def data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Place:
    insee: str
    name: str
    department: str
    latitude: float
    longitude: float


class Places:
    """Communes drawn in proportion to their population."""

    def __init__(self, places: list[Place], populations: list[int]):
        self.places = places
        self.cumulative = list(itertools.accumulate(max(1, p) for p in populations))

    def pick(self, rng: random.Random) -> Place:
        point = rng.random() * self.cumulative[-1]
        return self.places[bisect.bisect_right(self.cumulative, point)]

    @classmethod
    def of_territory(cls, insee_codes) -> Places:
        from tremplin.core.models import Commune

        rows = (
            Commune.objects.current()
            .filter(insee__in=insee_codes)
            .order_by("insee")
            .values_list("insee", "name", "department__code", "latitude", "longitude", "population")
        )
        places, populations = [], []
        for insee, name, department, lat, lon, population in rows:
            places.append(Place(insee, name, department, lat, lon))
            populations.append(population)
        return cls(places, populations)


@dataclass
class Employer:
    name: str
    family: str
    home: Place | None
    year: int
    staff: int
    contract: str = ""  # big employers: their usual contract


class OfferGenerator:
    def __init__(self, rng: random.Random, places: Places, *, now: datetime, prefix: str = "DEMO"):
        self.rng = rng
        self.places = places
        self.now = now
        self.prefix = prefix
        self.data = data()
        self.jobs = self.data["jobs"]
        self.by_family: dict[str, list[dict]] = {}
        for job in self.jobs:
            self.by_family.setdefault(job["family"], []).append(job)
        self.big = [
            Employer(b["name"], b["families"][0], None, 1990, 500, b["contract"])
            for b in self.data["big_employers"]
        ]
        self.big_families = {b["name"]: b["families"] for b in self.data["big_employers"]}
        self.big_cumulative = list(
            itertools.accumulate(b["share"] for b in self.data["big_employers"])
        )
        self.small: dict[str, list[Employer]] = {}

    def _small_employer(self, family: str) -> Employer:
        pool = self.small.setdefault(family, [])
        # About ten offers per small employer: reuse one, or found a new one.
        if pool and self.rng.random() < 0.9:
            return self.rng.choice(pool)
        home = self.places.pick(self.rng)
        template = self.rng.choice(self.data["families"][family]["employers"])
        name = template.format(surname=self.rng.choice(self.data["surnames"]), commune=home.name)
        employer = Employer(
            name, family, home, self.rng.randint(1950, 2022), self.rng.randint(2, 45)
        )
        pool.append(employer)
        return employer

    def _employer_and_job(self) -> tuple[Employer, dict]:
        draw = self.rng.random()
        index = bisect.bisect_right(self.big_cumulative, draw)
        if index < len(self.big):
            employer = self.big[index]
            family = self.rng.choice(self.big_families[employer.name])
            return employer, self.rng.choice(self.by_family[family])
        job = self.rng.choice(self.jobs)
        return self._small_employer(job["family"]), job

    def offer(self, number: int) -> dict:
        rng = self.rng
        employer, job = self._employer_and_job()
        place = employer.home or self.places.pick(rng)
        contracts = job["contracts"]
        contract = employer.contract if employer.contract in contracts else None
        contract = contract or rng.choices(list(contracts), weights=list(contracts.values()))[0]
        part = rng.random() < job.get("part", 0.1)
        remote = rng.random() < job.get("remote", 0.0)
        low, high = job["salary"]
        pay = rng.randrange(low, high + 1, 10)
        pay_text = self._salary(pay, high, part)
        published = self.now - timedelta(
            days=int(rng.expovariate(1 / 12)) % 55, hours=rng.randint(0, 23)
        )
        family = self.data["families"][job["family"]]
        intro = rng.choice(family["intro"]).format(
            employer=employer.name, commune=place.name, year=employer.year, staff=employer.staff
        )
        tasks = rng.sample(job["tasks"], k=min(len(job["tasks"]), rng.randint(2, 4)))
        profile = rng.sample(self.data["profile"], k=2)
        hours = rng.choice(self.data["part_hours"] if part else self.data["hours"])
        benefits = rng.sample(self.data["benefits"], k=rng.randint(0, 2))
        lines = [intro, "", "Vos missions :", *(f"- {t}" for t in tasks), "", "Votre profil :"]
        lines += [" ".join(profile), "", f"Horaires : {hours}."]
        if remote:
            lines.append("Télétravail possible deux jours par semaine.")
        lines += benefits
        experience_months = rng.choice([0, 0, 6, 12, 24])
        title = job["title"]
        return {
            "id": f"{self.prefix}{number:07d}",
            "intitule": f"{title} (H/F)" if rng.random() < 0.7 else title,
            "description": "\n".join(lines),
            "dateCreation": published.isoformat(),
            "dateActualisation": min(
                published + timedelta(days=rng.randint(0, 3)), self.now
            ).isoformat(),
            "lieuTravail": {
                "libelle": f"{place.department} - {place.name.upper()}",
                "commune": place.insee,
                "latitude": place.latitude,
                "longitude": place.longitude,
            },
            "romeCode": job["code"],
            "appellationlibelle": title,
            "entreprise": {"nom": employer.name},
            "typeContrat": CONTRACT_CODES[contract],
            "alternance": contract == "alternance",
            "typeContratLibelle": {"cdd": "Contrat à durée déterminée - 6 Mois"}.get(contract, ""),
            "dureeTravailLibelle": hours,
            "dureeTravailLibelleConverti": "Temps partiel" if part else "Temps plein",
            "salaire": {"libelle": pay_text} if pay_text else {},
            "experienceExige": "D" if experience_months == 0 else "E",
            "experienceLibelle": "Débutant accepté"
            if experience_months == 0
            else (f"{experience_months // 12} An(s)" if experience_months >= 12 else "6 Mois"),
            "nombrePostes": 1 if rng.random() < 0.9 else rng.randint(2, 5),
            "contact": {},
            "origineOffre": {
                "origine": "1",
                "urlOrigine": f"https://emploi.demo.tremplin.invalid/offres/{self.prefix}{number:07d}",
            },
        }

    def _salary(self, pay: int, high: int, part: bool) -> str:
        draw = self.rng.random()
        if draw < 0.06:
            return self.rng.choice(
                ["Selon profil", "Salaire à négocier", "Selon convention collective"]
            )
        if part:
            return f"Horaire de {pay / 151.67:.2f} Euros sur 151.67 heures"
        if draw < 0.3:
            return f"Mensuel de {pay}.0 Euros à {max(pay, high)}.0 Euros sur 12.0 mois"
        if draw < 0.35:
            # France Travail's quirk: an annual figure labelled monthly.
            return f"Mensuel de {pay * 12}.0 Euros à {max(pay, high) * 12}.0 Euros"
        return f"Mensuel de {pay}.0 Euros sur 12.0 mois"


def as_jobposting(offer: dict, rng: random.Random, *, identifier: str, url: str) -> dict:
    """The same offer as another source publishes it: re-cased title, slightly changed text."""
    title = offer["intitule"].replace(" (H/F)", "")
    title = title.upper() if rng.random() < 0.5 else title.capitalize() + " H/F"
    text = offer["description"].replace("Vos missions :", "Missions :")
    text += "\nPoste à pourvoir rapidement."
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n") if line)
    place = offer["lieuTravail"]
    return {
        "@type": "JobPosting",
        "identifier": identifier,
        "url": url,
        "title": title,
        "description": paragraphs,
        "datePosted": offer["dateCreation"][:10],
        "hiringOrganization": {"@type": "Organization", "name": offer["entreprise"]["nom"]},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": place["libelle"].split(" - ", 1)[1],
            },
            "geo": {"latitude": place["latitude"], "longitude": place["longitude"]},
        },
        "employmentType": "PART_TIME"
        if offer["dureeTravailLibelleConverti"] == "Temps partiel"
        else "FULL_TIME",
        "occupationalCategory": offer["romeCode"],
    }

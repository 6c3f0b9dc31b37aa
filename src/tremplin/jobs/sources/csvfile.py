"""CSV files of job or training offers, with the columns documented in docs/jobs.md.

Comma or semicolon separated (found from the header), UTF-8 (with or without BOM) or, as
spreadsheets often save it, Windows-1252. Required columns missing: the file is refused. An
unknown column is reported once and ignored. A file whose header has ``organisme`` holds
training offers, else job offers (``--kind`` may say it).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from tremplin.core.search.analysis import fold

from .base import (
    FeedError,
    Issue,
    JobRecord,
    Place,
    Reader,
    Rejected,
    Session,
    TrainingRecord,
    clip,
    contract_type,
    months_of_experience,
    rome_code,
    salary,
    when,
    working_time,
)

MAX_BYTES = 64 * 1024 * 1024

JOB_COLUMNS = {
    "identifiant": "identifiant unique de l'offre chez vous (obligatoire)",
    "intitule": "intitulé du poste (obligatoire)",
    "description": "texte ou HTML simple",
    "employeur": "nom de l'employeur",
    "siret": "SIRET de l'employeur (14 chiffres)",
    "commune": "code INSEE ou nom de la commune",
    "code_postal": "code postal (aide à trouver la commune)",
    "latitude": "degrés décimaux",
    "longitude": "degrés décimaux",
    "contrat": "CDI, CDD, intérim, alternance, stage, saisonnier, indépendant",
    "temps_travail": "plein ou partiel",
    "horaires": "texte libre",
    "salaire_min": "montant, par exemple 1850 ou 1850,50",
    "salaire_max": "montant",
    "salaire_periode": "heure, jour, semaine, mois ou an",
    "salaire": "salaire en texte (« 1 850 € brut par mois », « à négocier »)",
    "rome": "code ROME, par exemple D1106",
    "metier": "appellation du métier",
    "experience_mois": "nombre de mois d'expérience demandés (0 : débutant accepté)",
    "experience": "expérience en texte",
    "teletravail": "non, partiel ou complet",
    "postes": "nombre de postes",
    "date_publication": "AAAA-MM-JJ",
    "date_limite": "AAAA-MM-JJ : l'offre expire ce jour-là",
    "url": "adresse de l'offre sur votre site",
}
TRAINING_COLUMNS = {
    "identifiant": "identifiant unique de la formation chez vous (obligatoire)",
    "intitule": "intitulé de la formation (obligatoire)",
    "organisme": "organisme de formation (obligatoire)",
    "siret_organisme": "SIRET de l'organisme",
    "site_organisme": "adresse du site de l'organisme",
    "objectifs": "texte ou HTML simple",
    "programme": "texte ou HTML simple",
    "resultats": "résultats attendus",
    "commune": "code INSEE ou nom de la commune",
    "code_postal": "code postal",
    "latitude": "degrés décimaux",
    "longitude": "degrés décimaux",
    "modalite": "presentiel, mixte ou distance",
    "date_debut": "AAAA-MM-JJ",
    "date_fin": "AAAA-MM-JJ",
    "duree_heures": "nombre d'heures",
    "duree": "durée en texte",
    "financements": "cpf, region, france_travail, employer, state, agefiph, transition, "
    "self ou other, séparés par |",
    "certification": "intitulé de la certification",
    "code_certification": "RNCP… ou RS…",
    "certifiante": "oui ou non",
    "rome": "codes ROME préparés, séparés par |",
    "rythme": "texte libre",
    "url_inscription": "adresse pour s'inscrire",
    "url": "adresse de la formation sur votre site",
    "date_limite": "AAAA-MM-JJ",
}
REQUIRED = {
    "job": ("identifiant", "intitule"),
    "training": ("identifiant", "intitule", "organisme"),
}
_PERIODS = {"heure": "hour", "jour": "day", "semaine": "week", "mois": "month", "an": "year"}
_PERIODS |= {"annee": "year", "hour": "hour", "day": "day", "week": "week", "month": "month"}
_PERIODS |= {"year": "year", "mensuel": "month", "annuel": "year", "horaire": "hour"}
_REMOTE = {"non": "none", "partiel": "partial", "complet": "full", "oui": "partial"}
_MODES = {
    "presentiel": "on_site",
    "mixte": "mixed",
    "distance": "distance",
    "a distance": "distance",
}
_URL = URLValidator(schemes=["http", "https"])


def _decode(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "fichier lu en Windows-1252 (pas en UTF-8)"


class CsvReader(Reader):
    kind = ""

    def open(self) -> None:
        data = self.stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise FeedError("le fichier dépasse 64 Mo : découpez-le")
        text, note = _decode(data)
        if not text.strip():
            raise FeedError("le fichier est vide")
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        self.rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = next(self.rows)
        except csv.Error as exc:
            raise FeedError(f"en-tête illisible : {exc}") from exc
        self.columns = [fold(h).strip().replace(" ", "_").replace("-", "_") for h in header]
        if not self.kind:
            self.kind = "training" if "organisme" in self.columns else "job"
        known = TRAINING_COLUMNS if self.kind == "training" else JOB_COLUMNS
        missing = [c for c in REQUIRED[self.kind] if c not in self.columns]
        if missing:
            raise FeedError("colonnes obligatoires absentes de l'en-tête : " + ", ".join(missing))
        self.header_issues = [
            Issue("en-tête", f"colonne « {c} » inconnue : ignorée", "warning")
            for c in self.columns
            if c and c not in known
        ]
        if note:
            self.header_issues.append(Issue("fichier", note, "warning"))
        self.total = max(0, text.count("\n") - 1)

    def records(self):
        yield from self.header_issues
        build = _training if self.kind == "training" else _job
        while True:
            # A quoted value may span lines: a row is reported at the line it starts on.
            line = self.rows.line_num + 1
            try:
                row = next(self.rows)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Rejected(Issue(f"ligne {line}", f"ligne CSV illisible : {exc}"))
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(self.columns):
                yield Rejected(
                    Issue(
                        f"ligne {line}",
                        f"{len(row)} colonnes au lieu de {len(self.columns)} "
                        "(un séparateur ou un guillemet de trop ?)",
                    )
                )
                continue
            values = {c: v.strip() for c, v in zip(self.columns, row, strict=True) if c}
            position = f"ligne {line}"
            missing = [c for c in REQUIRED[self.kind] if not values.get(c)]
            if missing:
                yield Rejected(Issue(position, "valeur obligatoire vide : " + ", ".join(missing)))
                continue
            yield build(values, position)


def _place(values: dict, record) -> Place:
    commune = values.get("commune", "")
    is_code = len(commune) == 5 and (commune.isdigit() or commune[:2].upper() in {"2A", "2B"})
    return Place(
        insee=commune.upper() if is_code else "",
        city="" if is_code else clip(commune, 150),
        postal_code=clip(values.get("code_postal"), 5),
        latitude=_number(values.get("latitude"), record, "latitude", float),
        longitude=_number(values.get("longitude"), record, "longitude", float),
        label=clip(commune, 200),
    )


def _number(value, record, what: str, kind=Decimal):
    if not value:
        return None
    try:
        return kind(value.replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except (InvalidOperation, ValueError):
        record.warn(f"{what} « {value} » n'est pas un nombre : ignoré")
        return None


def _url(value, record, what: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        _URL(value)
    except ValidationError:
        record.warn(f"{what} « {value[:80]} » n'est pas une adresse web valide : ignorée")
        return ""
    return value[:1000]


def _job(values: dict, position: str) -> JobRecord:
    record = JobRecord(
        position=position,
        source_id=clip(values["identifiant"], 200),
        title=clip(values["intitule"], 200),
        description=values.get("description", ""),
        employer_name=clip(values.get("employeur"), 200),
        employer_siret="".join(c for c in values.get("siret", "") if c.isdigit()),
    )
    record.url = _url(values.get("url"), record, "url")
    record.place = _place(values, record)
    record.contract_type = contract_type(values.get("contrat"), record)
    record.contract_label = clip(values.get("contrat"), 200)
    record.working_time = working_time(values.get("temps_travail"))
    record.working_hours = clip(values.get("horaires"), 200)
    record.salary_label = clip(values.get("salaire"), 255)
    low = _number(values.get("salaire_min"), record, "salaire_min")
    high = _number(values.get("salaire_max"), record, "salaire_max")
    period = _PERIODS.get(fold(values.get("salaire_periode", "")).strip(), "")
    if low is not None or high is not None:
        if not period:
            record.warn("salaire_periode manquante ou inconnue : montants ignorés")
        else:
            low, high = low if low is not None else high, high if high is not None else low
            record.salary_min, record.salary_max = min(low, high), max(low, high)
            record.salary_period = period
    elif record.salary_label:
        record.salary_min, record.salary_max, record.salary_period = salary(
            record.salary_label, record
        )
    record.rome_code = rome_code(values.get("rome"), record)
    record.job_title = clip(values.get("metier"), 255)
    months = _number(values.get("experience_mois"), record, "experience_mois", int)
    record.experience_label = clip(values.get("experience"), 200)
    record.experience_months = (
        months if months is not None else months_of_experience(record.experience_label)
    )
    remote = fold(values.get("teletravail", "")).strip()
    record.remote = _REMOTE.get(remote, "")
    if remote and not record.remote:
        record.warn(f"teletravail « {values['teletravail']} » inconnu (non, partiel, complet)")
    positions = _number(values.get("postes"), record, "postes", int)
    record.positions = positions if positions and 0 < positions < 1000 else 1
    record.published_at = when(values.get("date_publication"), record, "date_publication")
    record.expires_at = when(values.get("date_limite"), record, "date_limite", end_of_day=True)
    return record


def _training(values: dict, position: str) -> TrainingRecord:
    record = TrainingRecord(
        position=position,
        source_id=clip(values["identifiant"], 200),
        title=clip(values["intitule"], 200),
        organisation=clip(values["organisme"], 200),
        organisation_siret="".join(c for c in values.get("siret_organisme", "") if c.isdigit()),
        objectives=values.get("objectifs", ""),
        content=values.get("programme", ""),
        expected_results=values.get("resultats", ""),
        duration_label=clip(values.get("duree"), 200),
        certification=clip(values.get("certification"), 255),
        certification_code=clip(values.get("code_certification"), 30).upper(),
        rhythm=clip(values.get("rythme"), 200),
    )
    record.organisation_url = _url(values.get("site_organisme"), record, "site_organisme")
    record.registration_url = _url(values.get("url_inscription"), record, "url_inscription")
    record.url = _url(values.get("url"), record, "url")
    record.place = _place(values, record)
    mode = fold(values.get("modalite", "")).strip()
    record.teaching_mode = _MODES.get(mode, "on_site")
    if mode and mode not in _MODES:
        record.warn(f"modalite « {values['modalite']} » inconnue (presentiel, mixte, distance)")
    start = when(values.get("date_debut"), record, "date_debut")
    end = when(values.get("date_fin"), record, "date_fin")
    if start or end:
        if start and end and start > end:
            record.warn("date_debut après date_fin : dates ignorées")
        else:
            record.sessions = [
                Session(start=start.date() if start else None, end=end.date() if end else None)
            ]
    record.duration_hours = _number(values.get("duree_heures"), record, "duree_heures", int)
    from tremplin.jobs.models import Funding

    for code in _split(values.get("financements", "")):
        code = fold(code).strip().replace(" ", "_")
        if code in Funding.values:
            record.funding.append(code)
        else:
            record.warn(f"financement « {code} » inconnu : ignoré")
    record.is_certifying = fold(values.get("certifiante", "")).strip() in {"oui", "1", "true"}
    record.rome_codes = [
        code for code in (rome_code(c, record) for c in _split(values.get("rome", ""))) if code
    ]
    record.expires_at = when(values.get("date_limite"), record, "date_limite", end_of_day=True)
    return record


def _split(value: str) -> list[str]:
    return [
        part.strip()
        for part in value.replace(",", "|").replace(";", "|").split("|")
        if part.strip()
    ]

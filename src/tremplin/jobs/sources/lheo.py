"""LHEO 2.2, the French standard for training offers (namespace ``http://www.lheo.org/2.2``).

One training offer per ``action`` of a ``formation`` (an action is a place with its sessions):
its identifier is ``<formation numero>/<action numero>``. The values read and how they map:

- ``intitule-formation``, ``objectif-formation``, ``contenu-formation``,
  ``resultats-attendus`` (escaped HTML, sanitised on import);
- ``domaine-formation/code-ROME``: the jobs it prepares for;
- ``certification/code-RNCP`` or ``code-RS``, ``certifiante``;
- ``action/modalites-enseignement``: 0 on site, 1 mixed, 2 at a distance;
- ``action/lieu-de-formation``: the commune (INSEE code, postal code, coordinates);
- ``action/session/periode``: dates as YYYYMMDD (00000000 and 99999999 mean unknown); the
  offer expires after the end of its last session;
- ``action/financeur/code-financeur``: LHEO's dictionary, mapped to our funding codes; a
  certification listed in the RNCP or the RS is eligible to the CPF (code du travail,
  article L6323-6), and so is one with a ``code-CPF``;
- ``organisme-formation-responsable``: name, SIRET, web site.

Contacts (people's names, telephone numbers, e-mail addresses) are never imported.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from .base import (
    FeedError,
    Issue,
    Place,
    Reader,
    Rejected,
    Session,
    TrainingRecord,
    clip,
    rome_code,
)

NAMESPACES = ("http://www.lheo.org/2.2", "http://www.lheo.org/2.1", "")
MAX_BYTES = 128 * 1024 * 1024
#: LHEO ``dict-financeurs`` → our funding codes.
FUNDERS = {
    "2": "region",
    "4": "france_travail",
    "5": "employer",
    "16": "employer",
    "11": "state",
    "12": "state",
    "13": "state",
    "19": "state",
    "7": "agefiph",
    "10": "self",
    "17": "transition",
}
MODES = {"0": "on_site", "1": "mixed", "2": "distance"}


class LheoReader(Reader):
    kind = "training"

    def open(self) -> None:
        from lxml import etree

        data = self.stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise FeedError("le fichier dépasse 128 Mo : découpez-le")
        # No DTD, no entities, no network: an XML file from elsewhere is not trusted.
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise FeedError(f"XML invalide ligne {exc.lineno} : {exc.msg}") from exc
        namespace = etree.QName(root).namespace or ""
        if etree.QName(root).localname != "lheo" or namespace not in NAMESPACES:
            raise FeedError(
                "ce n'est pas un fichier LHEO (élément racine <lheo> de l'espace "
                "http://www.lheo.org/2.2 attendu)"
            )
        self.ns = {"l": namespace} if namespace else {}
        self.prefix = "l:" if namespace else ""
        self.formations = root.findall(self._path("offres/formation"), self.ns)
        if not self.formations:
            raise FeedError("aucune formation (offres/formation) dans le fichier")
        self.total = len(self.formations)

    def _path(self, path: str) -> str:
        return "/".join(self.prefix + part for part in path.split("/"))

    def _text(self, node, path: str) -> str:
        found = node.find(self._path(path), self.ns)
        return " ".join((found.text or "").split()) if found is not None else ""

    def _raw(self, node, path: str) -> str:
        found = node.find(self._path(path), self.ns)
        return (found.text or "").strip() if found is not None else ""

    def _all(self, node, path: str) -> list[str]:
        return [(n.text or "").strip() for n in node.findall(self._path(path), self.ns)]

    def records(self):
        for formation in self.formations:
            number = formation.get("numero") or ""
            position = f"formation {number or '(sans numéro)'} (ligne {formation.sourceline})"
            title = clip(self._text(formation, "intitule-formation"), 200)
            if not number:
                yield Rejected(Issue(position, "attribut « numero » de la formation manquant"))
                continue
            if not title:
                yield Rejected(Issue(position, "« intitule-formation » manquant"))
                continue
            actions = formation.findall(self._path("action"), self.ns)
            if not actions:
                yield Rejected(Issue(position, "aucune « action » (lieu et sessions)"))
                continue
            for index, action in enumerate(actions, 1):
                action_number = action.get("numero") or str(index)
                yield self._record(formation, action, number, action_number, position, title)

    def _record(self, formation, action, number, action_number, position, title):
        record = TrainingRecord(
            position=f"{position}, action {action_number}",
            source_id=clip(f"{number}/{action_number}", 200),
            title=title,
        )
        record.objectives = self._raw(formation, "objectif-formation")
        record.content = self._raw(formation, "contenu-formation")
        record.expected_results = self._raw(formation, "resultats-attendus")
        record.rome_codes = [
            c
            for c in (
                rome_code(v, record) for v in self._all(formation, "domaine-formation/code-ROME")
            )
            if c
        ]
        rncp = self._text(formation, "certification/code-RNCP")
        rs = self._text(formation, "certification/code-RS")
        cpf = self._text(formation, "certification/code-CPF") or self._text(formation, "code-CPF")
        record.certification_code = f"RNCP{rncp}" if rncp else f"RS{rs}" if rs else cpf
        record.certification = record.certification_code
        record.is_certifying = self._text(formation, "certifiante") == "1"
        organisation = formation.find(self._path("organisme-formation-responsable"), self.ns)
        if organisation is not None:
            record.organisation = clip(
                self._text(organisation, "nom-organisme")
                or self._text(organisation, "raison-sociale"),
                200,
            )
            record.organisation_siret = self._text(organisation, "SIRET-organisme-formation/SIRET")
            site = self._text(organisation, "coordonnees-organisme/coordonnees/web/urlweb")
            if site:
                record.organisation_url = site if "://" in site else f"https://{site}"
        if not record.organisation:
            record.warn("organisme responsable sans nom")
            record.organisation = "Organisme non précisé"
        record.teaching_mode = MODES.get(self._text(action, "modalites-enseignement"), "on_site")
        record.rhythm = clip(self._text(action, "rythme-formation"), 200)
        address = action.find(self._path("lieu-de-formation/coordonnees/adresse"), self.ns)
        if address is not None:
            record.place = Place(
                insee=self._text(address, "code-INSEE-commune")[:5],
                postal_code=self._text(address, "codepostal")[:5],
                city=clip(self._text(address, "ville"), 150),
                department=self._text(address, "departement")[:3],
                latitude=_float(self._text(address, "geolocalisation/latitude")),
                longitude=_float(self._text(address, "geolocalisation/longitude")),
                label=clip(self._text(address, "ville"), 200),
            )
        for session in action.findall(self._path("session"), self.ns):
            start = self._date(self._text(session, "periode/debut"), record)
            end = self._date(self._text(session, "periode/fin"), record)
            if start and end and start > end:
                record.warn(f"session {session.get('numero', '')} : début après la fin, ignorée")
                continue
            record.sessions.append(
                Session(source_id=session.get("numero") or "", start=start, end=end)
            )
        centre = _int(self._text(action, "nombre-heures-centre"))
        company = _int(self._text(action, "nombre-heures-entreprise"))
        record.duration_hours = (centre or 0) + (company or 0) or None
        record.duration_label = clip(self._text(action, "duree-indicative"), 200)
        funders = {
            FUNDERS.get(code, "other")
            for code in self._all(action, "financeur/code-financeur")
            if code
        }
        if rncp or rs or cpf:
            funders.add("cpf")
        record.funding = sorted(funders)
        ends = [s.end for s in record.sessions if s.end]
        if ends:
            last = max(ends)
            record.expires_at = timezone.make_aware(datetime.combine(last, time(23, 59)))
        return record

    def _date(self, value: str, record) -> date | None:
        if not value or value in {"00000000", "99999999"}:
            return None
        try:
            return datetime.strptime(value, "%Y%m%d").date()
        except ValueError:
            record.warn(f"date « {value} » illisible (AAAAMMJJ attendu) : ignorée")
            return None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _int(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None

"""Loading the ROME (France Travail's open-data CSV files) into the referential tables."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from tremplin.core.errors import DomainError
from tremplin.core.normalize import fold_name
from tremplin.jobs.models import RomeAppellation, RomeCode

_CODE = re.compile(r"^[A-N]\d{4}$")
CODE_COLUMNS = {"code_rome", "libelle_rome"}
APPELLATION_COLUMNS = {"code_ogr", "libelle_appellation_long", "code_rome"}


@dataclass
class RomeLoadReport:
    codes: int = 0
    appellations: int = 0
    removed_codes: int = 0
    removed_appellations: int = 0
    issues: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.codes} fiches, {self.appellations} appellations"
            + (f", {self.removed_codes} fiches retirées" if self.removed_codes else "")
            + (f", {len(self.issues)} ligne(s) refusée(s)" if self.issues else "")
        )


def _rows(path: Path) -> tuple[list[str], csv.DictReader]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DomainError(_("Fichier introuvable : %(path)s") % {"path": path}) from exc
    except UnicodeDecodeError as exc:
        raise DomainError(_("%(path)s n'est pas en UTF-8.") % {"path": path.name}) from exc
    reader = csv.DictReader(io.StringIO(text))
    return [c.strip() for c in (reader.fieldnames or [])], reader


def rome_file_kind(path: Path) -> str:
    """ "codes" or "appellations", from the header of a ROME file."""
    columns = set(_rows(path)[0])
    if columns >= APPELLATION_COLUMNS:
        return "appellations"
    if columns >= CODE_COLUMNS:
        return "codes"
    raise DomainError(
        _(
            "%(path)s n'est pas un fichier du ROME : colonnes code_rome et libelle_rome "
            "(fiches) ou code_ogr, libelle_appellation_long et code_rome (appellations) "
            "attendues."
        )
        % {"path": path.name}
    )


@transaction.atomic
def rome_load(
    *, codes_path: Path | None = None, appellations_path: Path | None = None, progress=None
) -> RomeLoadReport:
    """Load (or update) the ROME from its open-data files; idempotent.

    Codes absent from a new release are removed with their appellations; offers keep their
    code as text, so nothing else breaks.
    """
    if codes_path is None and appellations_path is None:
        raise DomainError(_("Donnez le fichier des fiches ROME ou celui des appellations."))
    report = RomeLoadReport()
    if codes_path is not None:
        _load_codes(codes_path, report, progress)
    if appellations_path is not None:
        if not RomeCode.objects.exists():
            raise DomainError(
                _("Chargez d'abord le fichier des fiches ROME (codes), puis les appellations.")
            )
        _load_appellations(appellations_path, report, progress)
    return report


def _load_codes(path: Path, report: RomeLoadReport, progress) -> None:
    _, rows = _rows(path)
    wanted: dict[str, tuple[str, str]] = {}
    for row in rows:
        code = (row.get("code_rome") or "").strip().upper()
        label = " ".join((row.get("libelle_rome") or "").split())
        parent = (row.get("code_rome_parent") or "").strip().upper()
        if not _CODE.match(code) or not label:
            report.issues.append(f"{path.name}, ligne {rows.line_num} : code ou intitulé invalide")
            continue
        wanted[code] = (label[:255], parent if _CODE.match(parent) else "")
        if progress:
            progress(1)
    existing = {c.code: c for c in RomeCode.objects.all()}
    changed = []
    for code, (label, parent) in wanted.items():
        current = existing.get(code)
        if current and (current.label, current.parent_code) != (label, parent):
            current.label, current.parent_code = label, parent
            changed.append(current)
    RomeCode.objects.bulk_update(changed, ["label", "parent_code"], batch_size=500)
    RomeCode.objects.bulk_create(
        [
            RomeCode(code=c, label=lab, parent_code=par)
            for c, (lab, par) in wanted.items()
            if c not in existing
        ],
        batch_size=1000,
    )
    gone = set(existing) - set(wanted)
    if gone:
        _total, detail = RomeCode.objects.filter(code__in=gone).delete()
        report.removed_codes = detail.get("jobs.RomeCode", 0)
    report.codes = len(wanted)


def _load_appellations(path: Path, report: RomeLoadReport, progress) -> None:
    codes = dict(RomeCode.objects.values_list("code", "id"))
    _, rows = _rows(path)
    wanted: dict[int, tuple[str, str, int]] = {}
    for row in rows:
        ogr = (row.get("code_ogr") or "").strip()
        label = " ".join((row.get("libelle_appellation_long") or "").split())
        code = (row.get("code_rome") or "").strip().upper()
        where = f"{path.name}, ligne {rows.line_num}"
        if not ogr.isdigit() or not label:
            report.issues.append(f"{where} : code OGR ou appellation invalide")
            continue
        if code not in codes:
            report.issues.append(f"{where} : code ROME « {code} » inconnu")
            continue
        short = " ".join((row.get("libelle_appellation_court") or "").split())
        wanted[int(ogr)] = (label[:255], short[:255], codes[code])
        if progress:
            progress(1)
    existing = {a.ogr_code: a for a in RomeAppellation.objects.all()}
    changed, new = [], []
    for ogr, (label, short, rome_id) in wanted.items():
        current = existing.get(ogr)
        values = (label, short, rome_id, fold_name(label))
        if current is None:
            new.append(
                RomeAppellation(
                    ogr_code=ogr,
                    label=label,
                    short_label=short,
                    rome_id=rome_id,
                    search_label=values[3],
                )
            )
        elif (current.label, current.short_label, current.rome_id, current.search_label) != values:
            current.label, current.short_label, current.rome_id, current.search_label = values
            changed.append(current)
    RomeAppellation.objects.bulk_update(
        changed, ["label", "short_label", "rome", "search_label"], batch_size=500
    )
    RomeAppellation.objects.bulk_create(new, batch_size=2000)
    gone = set(existing) - set(wanted)
    if gone:
        _total, detail = RomeAppellation.objects.filter(ogr_code__in=gone).delete()
        report.removed_appellations = detail.get("jobs.RomeAppellation", 0)
    report.appellations = len(wanted)


@transaction.atomic
def rome_codes_ensure(*, codes: dict[str, str]) -> int:
    """Create the ROME codes given (code → label) that are missing; never overwrite.

    For the demo, before the official referential is loaded with ``tremplin rome load``.
    """
    existing = set(RomeCode.objects.filter(code__in=codes).values_list("code", flat=True))
    missing = [
        RomeCode(code=c, label=label[:255]) for c, label in codes.items() if c not in existing
    ]
    RomeCode.objects.bulk_create(missing)
    return len(missing)

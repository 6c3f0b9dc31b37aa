"""LHEO 2.2 training offers."""

from __future__ import annotations

from datetime import date

import pytest

from tremplin.jobs.models import TrainingOffer

from .conftest import LHEO, issues_text


def test_the_reference_file(import_file):
    run = import_file(LHEO.read_bytes(), format="lheo")
    assert (run.read, run.created, run.rejected) == (2, 2, 0)
    seller = TrainingOffer.objects.get(listings__source_id="F-2026-0001/A-2026-0001-LYON")
    assert seller.title == "Titre professionnel Vendeur conseil en magasin"
    assert seller.organisation == "Centre de formation Exemple"
    assert seller.commune.insee == "69383"
    assert seller.teaching_mode == "on_site" and seller.is_certifying
    assert seller.certification_code == "RNCP37098"
    assert set(seller.funding) == {"employer", "cpf"}
    assert seller.duration_hours == 910
    assert [(s.start_date, s.end_date) for s in seller.sessions.all()] == [
        (date(2026, 1, 5), date(2026, 6, 12)),
        (date(2026, 9, 7), date(2027, 2, 12)),
    ]
    assert seller.expires_at.date() == date(2027, 2, 12)
    assert sorted(seller.rome_links.values_list("rome_code", flat=True)) == ["D1106", "D1214"]
    assert seller.objectives.startswith("<p>Accueillir, conseiller")
    assert "formation@exemple-organisme.fr" not in str(TrainingOffer.objects.values())
    online = TrainingOffer.objects.get(listings__source_id="F-2026-0002/A-2026-0002-FOAD")
    assert online.is_distance and online.funding == ["self"]
    again = import_file(LHEO.read_bytes(), format="lheo")
    assert again.unchanged == 2


LHEO_HEAD = '<?xml version="1.0" encoding="UTF-8"?><lheo xmlns="http://www.lheo.org/2.2"><offres>'


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        ("<lheo><offres><formation>", "XML invalide ligne 1"),
        ('<catalogue xmlns="http://www.lheo.org/2.2"/>', "ce n'est pas un fichier LHEO"),
        # An external entity is never resolved (no file read, no network).
        ('<!DOCTYPE lheo [<!ENTITY x SYSTEM "file:///etc/passwd">]><lheo>&x;</lheo>', "aucune"),
    ],
)
def test_unreadable_files_change_nothing(import_file, xml, message):
    run = import_file(xml, format="lheo")
    assert run.failed and message in run.message
    assert not TrainingOffer.objects.exists()


def test_bad_formations_are_reported(import_file):
    xml = (
        LHEO_HEAD
        + '<formation numero="X1"><intitule-formation></intitule-formation></formation>'
        + '<formation numero="X2"><intitule-formation>Sans action</intitule-formation></formation>'
        + "</offres></lheo>"
    )
    run = import_file(xml, format="lheo")
    assert run.rejected == 2
    report = issues_text(run)
    assert "formation X1 (ligne 1) : « intitule-formation » manquant" in report
    assert "formation X2 (ligne 1) : aucune « action »" in report

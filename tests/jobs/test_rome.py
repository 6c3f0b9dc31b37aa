"""`tremplin rome load`: France Travail's ROME files, loaded and reloaded."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from tremplin.jobs.models import RomeAppellation, RomeCode

from .conftest import ROME_APPELLATIONS, ROME_CODES


def test_load_both_files_in_any_order_idempotent(db, capsys):
    call_command("rome", "load", str(ROME_APPELLATIONS), str(ROME_CODES), verbosity=0)
    assert "1584 fiches, 13120 appellations" in capsys.readouterr().out
    assert RomeCode.objects.count() == 1584
    assert RomeAppellation.objects.count() == 13120
    vendeur = RomeCode.objects.get(code="D1106")
    assert vendeur.domain == "D" and "Commerce" in vendeur.domain_label
    assert vendeur.appellations.filter(label__icontains="boulangerie").exists()
    call_command("rome", "load", str(ROME_CODES), str(ROME_APPELLATIONS), verbosity=0)
    assert RomeCode.objects.count() == 1584


def test_bad_rows_are_reported_and_the_good_ones_kept(db, tmp_path, capsys):
    codes = tmp_path / "codes.csv"
    codes.write_text(
        '"code_rome","libelle_rome","code_rome_parent"\n'
        '"D1106","Vendeur / Vendeuse en épicerie","D1106"\n'
        '"ZZ99","Code faux",""\n'
        '"D1102","","D1102"\n',
        encoding="utf-8",
    )
    call_command("rome", "load", str(codes), verbosity=0)
    captured = capsys.readouterr()
    assert "codes.csv, ligne 3 : code ou intitulé invalide" in captured.err
    assert "codes.csv, ligne 4" in captured.err
    assert list(RomeCode.objects.values_list("code", flat=True)) == ["D1106"]


def test_codes_removed_from_a_new_release_go(db, tmp_path):
    call_command("rome", "load", str(ROME_CODES), verbosity=0)
    smaller = tmp_path / "codes.csv"
    smaller.write_text('"code_rome","libelle_rome"\n"D1106","Vendeur"\n', encoding="utf-8")
    call_command("rome", "load", str(smaller), verbosity=0)
    assert list(RomeCode.objects.values_list("code", "label")) == [("D1106", "Vendeur")]


def test_clear_errors(db, tmp_path):
    with pytest.raises(CommandError, match="introuvable"):
        call_command("rome", "load", str(tmp_path / "absent.csv"))
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="n'est pas un fichier du ROME"):
        call_command("rome", "load", str(other))
    with pytest.raises(CommandError, match="Chargez d'abord"):
        call_command("rome", "load", str(ROME_APPELLATIONS), verbosity=0)

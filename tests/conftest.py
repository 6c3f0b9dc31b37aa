"""Shared fixtures: a slice of the real geography, people of each role, the task worker."""

from __future__ import annotations

import pytest
from django.core.management import call_command

# Two départements of the default territory: Loire (Saint-Étienne) and Rhône (Lyon).
TEST_DEPARTMENTS = ["42", "69"]


@pytest.fixture(autouse=True)
def _fresh_commune_cache():
    """Each test builds its own geography (new primary keys): forget the previous test's."""
    from tremplin.core.selectors import communes_cache_clear

    communes_cache_clear()
    yield
    communes_cache_clear()


@pytest.fixture
def communes(db):
    """The real communes of the Loire and the Rhône (parsed once per test session)."""
    from tremplin.core.geo_loader import geo_load

    geo_load(departments=TEST_DEPARTMENTS)


@pytest.fixture
def saint_etienne(communes):
    from tremplin.core.models import Commune

    return Commune.objects.get(insee="42218")


@pytest.fixture
def lyon(communes):
    from tremplin.core.models import Commune

    return Commune.objects.get(insee="69123")


@pytest.fixture
def run_tasks(db, monkeypatch):
    """Run every task waiting in the queue, as the worker would, and return how many ran.

    The real worker closes "old" connections between tasks, which would close the test's
    transaction: inside a test there is nothing old to close.
    """
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> int:
        before = DBTaskResult.objects.finished().count()
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        return DBTaskResult.objects.finished().count() - before

    return run


@pytest.fixture
def password():
    return "un marché couvert le samedi"


@pytest.fixture
def owner(db, password):
    from tests.factories import UserFactory

    return UserFactory(role="business_owner", password=password)


@pytest.fixture
def job_seeker(db, password):
    from tests.factories import UserFactory

    return UserFactory(role="job_seeker", password=password)


@pytest.fixture
def mediator(db, password):
    from tests.factories import UserFactory

    return UserFactory(role="mediator", password=password, totp=True)


@pytest.fixture
def staff(db, password):
    from tests.factories import UserFactory
    from tremplin.accounts.services import user_set_role

    return user_set_role(user=UserFactory(role="staff", password=password, totp=True), role="staff")


@pytest.fixture
def business(owner, saint_etienne):
    from tests.factories import BusinessFactory

    return BusinessFactory(owners=[owner], commune=saint_etienne)


@pytest.fixture
def login(client):
    """Log a person in through the session (second factor considered done)."""

    def do(user):
        client.force_login(user)
        return client

    return do

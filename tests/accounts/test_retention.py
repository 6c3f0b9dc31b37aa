"""Personal data leaves when its retention period ends (clock moved forward)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from tests.factories import FollowFactory, UserFactory
from tremplin.accounts.models import BusinessInvitation, Follow, User
from tremplin.accounts.tasks import (
    purge_ended_follows,
    purge_inactive_accounts,
    purge_invitations,
    purge_unconfirmed_accounts,
)


@pytest.mark.django_db
def test_unconfirmed_signups_go_after_seven_days():
    unconfirmed = UserFactory(verified=False, last_login=None)
    confirmed = UserFactory(last_login=None)
    assert purge_unconfirmed_accounts() == 0
    with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
        assert purge_unconfirmed_accounts() == 1
    assert not User.objects.filter(pk=unconfirmed.pk).exists()
    assert User.objects.filter(pk=confirmed.pk).exists()


@pytest.mark.django_db
def test_inactive_accounts_are_warned_then_deleted(settings):
    sleeper = UserFactory(last_login=timezone.now())
    staff_member = UserFactory(role="staff", last_login=timezone.now())
    three_years = timedelta(days=settings.TREMPLIN_RETENTION_DAYS["inactive_account"])
    with time_machine.travel(timezone.now() + three_years - timedelta(days=20), tick=False):
        assert purge_inactive_accounts() == (1, 0)
        assert mail.outbox[0].to == [sleeper.email]
        assert purge_inactive_accounts() == (0, 0)  # warned once
    with time_machine.travel(timezone.now() + three_years + timedelta(days=15), tick=False):
        assert purge_inactive_accounts() == (0, 1)
    assert not User.objects.filter(pk=sleeper.pk).exists()
    assert User.objects.filter(pk=staff_member.pk).exists()


@pytest.mark.django_db
def test_logging_in_again_after_the_warning_keeps_the_account(settings):
    person = UserFactory(last_login=timezone.now())
    three_years = timedelta(days=settings.TREMPLIN_RETENTION_DAYS["inactive_account"])
    with time_machine.travel(timezone.now() + three_years - timedelta(days=20), tick=False):
        purge_inactive_accounts()
        User.objects.filter(pk=person.pk).update(
            last_login=timezone.now(), inactivity_warned_at=None
        )
    with time_machine.travel(timezone.now() + three_years + timedelta(days=15), tick=False):
        assert purge_inactive_accounts() == (0, 0)
    assert User.objects.filter(pk=person.pk).exists()


@pytest.mark.django_db
def test_expired_invitations_and_old_follows_are_purged(owner, business, mediator):
    BusinessInvitation.objects.create(
        business=business,
        email="a@exemple.fr",
        token_hash="a",
        invited_by=owner,
        expires_at=timezone.now() + timedelta(days=14),
    )
    follow = FollowFactory(mediator=mediator, business=business, active=True)
    Follow.objects.filter(pk=follow.pk).update(status="ended", ended_on=timezone.localdate())
    assert purge_invitations() == 0 and purge_ended_follows() == 0
    with time_machine.travel(timezone.now() + timedelta(days=400), tick=False):
        assert purge_invitations() == 1
        assert purge_ended_follows() == 1


@pytest.mark.django_db
def test_the_daily_retention_task_runs(run_tasks):
    from tremplin.accounts.tasks import accounts_retention

    accounts_retention.enqueue()
    assert run_tasks() == 1

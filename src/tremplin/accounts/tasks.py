"""Retention purges of the accounts app: each personal datum goes when its period ends."""

from __future__ import annotations

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from tremplin.accounts.models import BusinessInvitation, Follow, Role, User
from tremplin.accounts.services import access_journal_purge, account_delete
from tremplin.core.errors import DomainError
from tremplin.core.links import absolute_url
from tremplin.core.scheduling import periodic

WARNING_BEFORE = timedelta(days=30)


def _days(key: str) -> timedelta:
    return timedelta(days=settings.TREMPLIN_RETENTION_DAYS[key])


def purge_unconfirmed_accounts(now=None) -> int:
    """Sign-ups never confirmed: the address may not even be theirs."""
    now = now or timezone.now()
    verified = EmailAddress.objects.filter(verified=True).values("user_id")
    stale = User.objects.filter(
        date_joined__lt=now - _days("unconfirmed_account"),
        last_login__isnull=True,
        is_staff=False,
        is_superuser=False,
    ).exclude(pk__in=verified)
    count = 0
    for user in stale:
        account_delete(user=user)
        count += 1
    return count


def purge_inactive_accounts(now=None) -> tuple[int, int]:
    """Warn people inactive for the retention period minus a month; delete them a month later.

    Returns (warned, deleted). Staff accounts are handled by the territory, not purged.
    """
    now = now or timezone.now()
    limit = _days("inactive_account")
    last_seen = Q(last_login__lt=now - limit + WARNING_BEFORE) | Q(
        last_login__isnull=True, date_joined__lt=now - limit + WARNING_BEFORE
    )
    candidates = User.objects.filter(last_seen, is_staff=False, is_superuser=False).exclude(
        role=Role.STAFF
    )
    warned = deleted = 0
    for user in candidates.filter(inactivity_warned_at__isnull=True):
        with translation.override(user.language or "fr"):
            send_mail(
                subject=_("Votre compte sera supprimé dans un mois"),
                message=render_to_string(
                    "accounts/email/inactivity_warning.txt",
                    {"user": user, "url": absolute_url(reverse("account_login"))},
                ),
                from_email=None,
                recipient_list=[user.email],
            )
        User.objects.filter(pk=user.pk).update(inactivity_warned_at=now)
        warned += 1
    for user in candidates.filter(inactivity_warned_at__lt=now - WARNING_BEFORE):
        try:
            account_delete(user=user)
            deleted += 1
        except DomainError:
            continue
    return warned, deleted


def purge_invitations(now=None) -> int:
    now = now or timezone.now()
    old = BusinessInvitation.objects.filter(
        Q(expires_at__lt=now) | Q(accepted_at__lt=now - _days("invitation"))
    )
    return old.delete()[0]


def purge_ended_follows(now=None) -> int:
    now = now or timezone.now()
    cutoff = timezone.localdate(now) - _days("ended_follow")
    return Follow.objects.filter(
        status__in=[Follow.Status.ENDED, Follow.Status.REFUSED], ended_on__lt=cutoff
    ).delete()[0]


@periodic(every=timedelta(days=1), at="02:30")
@task()
def accounts_retention() -> dict:
    return {
        "unconfirmed_deleted": purge_unconfirmed_accounts(),
        "inactive": purge_inactive_accounts(),
        "invitations_deleted": purge_invitations(),
        "follows_deleted": purge_ended_follows(),
        "journal_deleted": access_journal_purge(),
    }

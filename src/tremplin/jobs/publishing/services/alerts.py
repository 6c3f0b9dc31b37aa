"""Saved searches and their daily digest, with one-click unsubscribe.

The unsubscribe link carries a signed token (Django's signing, with its own salt), so it works
from the e-mail without signing in and cannot be forged to stop someone else's alerts.
"""

from __future__ import annotations

import logging

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import User
from tremplin.core.errors import DomainError
from tremplin.core.links import absolute_url
from tremplin.core.services import stat_increment
from tremplin.jobs.models.publishing import SavedSearch
from tremplin.jobs.publishing import conf, search

log = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "tremplin.jobs.saved-search.unsubscribe"


def unsubscribe_token(saved_search: SavedSearch) -> str:
    return signing.dumps(saved_search.pk, salt=UNSUBSCRIBE_SALT, compress=False)


def saved_search_from_token(token: str) -> SavedSearch | None:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return SavedSearch.objects.filter(pk=pk).select_related("user").first()


@transaction.atomic
def saved_search_create(*, user: User, params, name: str = "") -> SavedSearch:
    """Save the search page's criteria; the digest then sends offers published from now on."""
    query_string = search.canonical_query(params)
    if not query_string:
        raise DomainError(
            _(
                "Choisissez au moins un critère (des mots, un lieu ou un filtre) avant "
                "d'enregistrer."
            ),
            code="empty",
        )
    maximum = conf.value("JOBS_SAVED_SEARCHES_MAX")
    if SavedSearch.objects.filter(user=user).count() >= maximum:
        raise DomainError(
            _("Vous avez déjà %(max)s alertes : supprimez-en une pour en créer une autre.")
            % {"max": maximum},
            code="too_many",
        )
    name = (name or "").strip()[:120] or search.describe(query_string)[:120]
    try:
        with transaction.atomic():
            saved = SavedSearch.objects.create(
                user=user, name=name, query_string=query_string, checked_until=timezone.now()
            )
    except IntegrityError as exc:
        raise DomainError(
            _("Cette recherche est déjà dans vos alertes."), code="duplicate"
        ) from exc
    stat_increment("jobs.saved_search_created")
    return saved


def _owned(user: User, saved_search: SavedSearch) -> None:
    if saved_search.user_id != user.pk:
        raise DomainError(_("Cette alerte n'est pas la vôtre."), code="forbidden")


@transaction.atomic
def saved_search_delete(*, user: User, saved_search: SavedSearch) -> None:
    _owned(user, saved_search)
    saved_search.delete()


@transaction.atomic
def saved_search_set_active(*, user: User, saved_search: SavedSearch, active: bool) -> SavedSearch:
    _owned(user, saved_search)
    fields = {"is_active": active}
    if active:  # back on: only offers published from now on, not a backlog
        fields["checked_until"] = timezone.now()
    SavedSearch.objects.filter(pk=saved_search.pk).update(**fields)
    saved_search.refresh_from_db()
    return saved_search


@transaction.atomic
def saved_search_unsubscribe(*, token: str) -> SavedSearch:
    saved = saved_search_from_token(token)
    if saved is None:
        raise DomainError(
            _("Ce lien de désabonnement n'est pas valable ou l'alerte a été supprimée."),
            code="token",
        )
    SavedSearch.objects.filter(pk=saved.pk).update(is_active=False)
    saved.is_active = False
    return saved


def _digest_message(saved: SavedSearch, offers: list, total: int):
    user = saved.user
    token = unsubscribe_token(saved)
    unsubscribe = absolute_url(reverse("jobs:alert_unsubscribe", args=[token]))
    context = {
        "user": user,
        "saved": saved,
        "offers": [(offer, absolute_url(offer.get_absolute_url())) for offer in offers],
        "total": total,
        "more": max(0, total - len(offers)),
        "search_url": absolute_url(reverse("jobs:offer_list") + "?" + saved.query_string),
        "unsubscribe_url": unsubscribe,
        "alerts_url": absolute_url(reverse("accounts:myspace")) + "#section-jobs_alerts",
    }
    with translation.override(user.language or "fr"):
        subject = _("%(count)s nouvelle(s) offre(s) : %(name)s") % {
            "count": total,
            "name": saved.name,
        }
        body = render_to_string("jobs/publishing/email/digest.txt", context)
    return EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[user.email],
        headers={
            # RFC 2369 and RFC 8058: mail clients show their own "unsubscribe" button, which
            # POSTs to this address without opening a page.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def digest_send(*, now=None) -> dict:
    """Send each active saved search the offers published since its last check.

    Each search is handled on its own: one failure is logged and the others go on; a search
    with nothing new sends nothing but moves its mark forward.
    """
    now = now or timezone.now()
    sent = checked = 0
    limit = conf.value("JOBS_DIGEST_MAX_OFFERS")
    queryset = SavedSearch.objects.filter(
        is_active=True, user__is_active=True, checked_until__lt=now
    ).select_related("user")
    for saved in queryset.iterator(chunk_size=200):
        checked += 1
        try:
            offers, total = search.new_offers(
                saved.query_string, since=saved.checked_until, until=now, limit=limit
            )
            with transaction.atomic():
                fields = {"checked_until": now}
                if total:
                    _digest_message(saved, offers, total).send()
                    fields["last_sent_at"] = now
                    sent += 1
                SavedSearch.objects.filter(pk=saved.pk).update(**fields)
        except Exception:  # one broken search must not stop everyone's digest
            log.exception("digest of saved search %s failed", saved.pk)
    if sent:
        stat_increment("jobs.digest_sent", amount=sent)
    return {"checked": checked, "sent": sent}

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import (
    Business,
    BusinessInvitation,
    BusinessLink,
    BusinessMembership,
    Role,
    User,
)
from tremplin.accounts.siret import normalize_siret
from tremplin.core.errors import DomainError
from tremplin.core.links import absolute_url
from tremplin.core.naf import get_activity
from tremplin.core.services import stat_increment

EDITABLE_FIELDS = [
    "name",
    "siret",
    "naf_code",
    "is_artisan",
    "commune",
    "size_band",
    "website",
    "sells_online",
]


def _check_owner(user: User, business: Business) -> None:
    if not BusinessMembership.objects.filter(user=user, business=business).exists():
        raise DomainError(_("Vous ne gérez pas cette entreprise."), code="forbidden")


def _apply(business: Business, values: dict) -> None:
    activity = get_activity(values["naf_code"])
    if activity is None:
        raise DomainError(
            _("Ce code NAF n'existe pas dans la nomenclature NAF rév. 2."), code="naf"
        )
    siret = normalize_siret(values.get("siret") or "") or None
    if siret and Business.objects.filter(siret=siret).exclude(pk=business.pk).exists():
        raise DomainError(
            _(
                "Une entreprise avec ce SIRET est déjà déclarée. Demandez à son gérant de vous "
                "inviter comme co-gérant."
            ),
            code="siret_taken",
        )
    for name in EDITABLE_FIELDS:
        if name in values:
            setattr(business, name, values[name])
    business.siret = siret
    business.naf_code = activity.code
    business.naf_section = activity.section


def _save_links(business: Business, links: list[tuple[str, str]] | None) -> None:
    if links is None:
        return
    business.links.all().delete()
    seen = set()
    for kind, url in links:
        if url and url not in seen:
            BusinessLink.objects.create(business=business, kind=kind, url=url)
            seen.add(url)


@transaction.atomic
def business_create(
    *, owner: User, links: list[tuple[str, str]] | None = None, is_demo: bool = False, **values
) -> Business:
    if owner.role != Role.BUSINESS_OWNER:
        raise DomainError(
            _("Seul un compte « chef d'entreprise » peut déclarer une entreprise."), code="role"
        )
    business = Business(is_demo=is_demo)
    _apply(business, values)
    try:
        with transaction.atomic():
            business.save()
    except IntegrityError as exc:  # two owners declaring the same SIRET at the same instant
        raise DomainError(
            _("Une entreprise avec ce SIRET est déjà déclarée."), code="siret_taken"
        ) from exc
    BusinessMembership.objects.create(user=owner, business=business)
    _save_links(business, links)
    stat_increment("accounts.business_declared", business.commune.department.code)
    stat_increment("accounts.business_sells_online", business.sells_online)
    return business


@transaction.atomic
def business_update(
    *, actor: User, business: Business, links: list[tuple[str, str]] | None = None, **values
) -> Business:
    _check_owner(actor, business)
    business = Business.objects.select_for_update().get(pk=business.pk)
    _apply(business, values)
    try:
        with transaction.atomic():
            business.save()
    except IntegrityError as exc:
        raise DomainError(
            _("Une entreprise avec ce SIRET est déjà déclarée."), code="siret_taken"
        ) from exc
    _save_links(business, links)
    return business


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def business_invite(
    *, actor: User, business: Business, email: str, request=None
) -> BusinessInvitation:
    """Invite a co-owner. The link carries a random token; only its hash is stored."""
    _check_owner(actor, business)
    email = email.strip().lower()
    if business.members.filter(email__iexact=email).exists():
        raise DomainError(_("Cette personne gère déjà l'entreprise."), code="already_member")
    token = secrets.token_urlsafe(32)
    invitation = BusinessInvitation.objects.create(
        business=business,
        email=email,
        token_hash=_token_hash(token),
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.TREMPLIN_RETENTION_DAYS["invitation"]),
    )
    path = reverse("accounts:invitation_accept", args=[token])
    url = absolute_url(path, request)
    context = {
        "business": business,
        "inviter": actor,
        "url": url,
        "days": settings.TREMPLIN_RETENTION_DAYS["invitation"],
    }
    with translation.override(actor.language or "fr"):
        send_mail(
            subject=_("Invitation à gérer %(name)s sur Tremplin") % {"name": business.name},
            message=render_to_string("accounts/email/invitation.txt", context),
            from_email=None,
            recipient_list=[email],
        )
    return invitation


def invitation_from_token(token: str) -> BusinessInvitation | None:
    return (
        BusinessInvitation.objects.select_related("business", "invited_by")
        .filter(token_hash=_token_hash(token))
        .first()
    )


@transaction.atomic
def business_invitation_accept(*, user: User, token: str) -> Business:
    invitation = invitation_from_token(token)
    if invitation is None:
        raise DomainError(_("Ce lien d'invitation n'existe pas ou a déjà servi."), code="unknown")
    invitation = BusinessInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise DomainError(_("Ce lien d'invitation a déjà servi."), code="used")
    if invitation.expires_at < timezone.now():
        raise DomainError(
            _("Ce lien d'invitation a expiré. Demandez une nouvelle invitation."), code="expired"
        )
    if invitation.email.lower() != user.email.lower():
        raise DomainError(
            _(
                "Cette invitation a été envoyée à une autre adresse e-mail. Connectez-vous avec "
                "le compte de %(email)s."
            )
            % {"email": invitation.email},
            code="wrong_user",
        )
    if user.role != Role.BUSINESS_OWNER:
        raise DomainError(
            _("Seul un compte « chef d'entreprise » peut gérer une entreprise."), code="role"
        )
    BusinessMembership.objects.get_or_create(user=user, business=invitation.business)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return invitation.business


@transaction.atomic
def business_leave(*, user: User, business: Business) -> bool:
    """Stop managing a business. The last owner leaving deletes it (nobody could manage it).

    Returns True when the business was deleted.
    """
    _check_owner(user, business)
    BusinessMembership.objects.filter(user=user, business=business).delete()
    if not BusinessMembership.objects.filter(business=business).exists():
        business.delete()
        return True
    return False

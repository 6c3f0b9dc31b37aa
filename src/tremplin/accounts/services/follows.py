from __future__ import annotations

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Business, BusinessMembership, Follow, Role, User
from tremplin.core.errors import DomainError
from tremplin.core.links import absolute_url


@transaction.atomic
def follow_request(*, mediator: User, business: Business, request=None) -> Follow:
    """A mediator asks to follow a business; every owner is told and any of them can accept."""
    if mediator.role != Role.MEDIATOR:
        raise DomainError(
            _("Seul un médiateur numérique peut accompagner une entreprise."), code="role"
        )
    try:
        with transaction.atomic():
            follow = Follow.objects.create(mediator=mediator, business=business)
    except IntegrityError as exc:
        raise DomainError(
            _("Vous accompagnez déjà cette entreprise ou une demande est en cours."), code="exists"
        ) from exc
    path = reverse("accounts:myspace")
    url = absolute_url(path, request)
    for owner in business.members.all():
        with translation.override(owner.language or "fr"):
            send_mail(
                subject=_("%(mediator)s propose de vous accompagner")
                % {"mediator": mediator.full_name or mediator.email},
                message=render_to_string(
                    "accounts/email/follow_request.txt",
                    {"mediator": mediator, "business": business, "url": url},
                ),
                from_email=None,
                recipient_list=[owner.email],
            )
    return follow


def _locked(follow: Follow) -> Follow:
    return Follow.objects.select_for_update().select_related("business").get(pk=follow.pk)


def _check_owner(user: User, follow: Follow) -> None:
    if not BusinessMembership.objects.filter(user=user, business_id=follow.business_id).exists():
        raise DomainError(
            _("Seul un gérant de l'entreprise peut répondre à cette demande."), code="forbidden"
        )


@transaction.atomic
def follow_accept(*, owner: User, follow: Follow) -> Follow:
    follow = _locked(follow)
    _check_owner(owner, follow)
    if follow.status != Follow.Status.PENDING:
        raise DomainError(_("Cette demande n'est plus en attente."), code="state")
    now = timezone.now()
    follow.status = Follow.Status.ACTIVE
    follow.consented_by = owner
    follow.consented_at = now
    follow.started_on = timezone.localdate(now)
    follow.save(update_fields=["status", "consented_by", "consented_at", "started_on"])
    return follow


@transaction.atomic
def follow_refuse(*, owner: User, follow: Follow) -> Follow:
    follow = _locked(follow)
    _check_owner(owner, follow)
    if follow.status != Follow.Status.PENDING:
        raise DomainError(_("Cette demande n'est plus en attente."), code="state")
    follow.status = Follow.Status.REFUSED
    follow.ended_on = timezone.localdate()
    follow.save(update_fields=["status", "ended_on"])
    return follow


@transaction.atomic
def follow_end(*, actor: User, follow: Follow) -> Follow:
    """The mediator or an owner ends the follow-up (or withdraws a pending request)."""
    follow = _locked(follow)
    is_owner = BusinessMembership.objects.filter(
        user=actor, business_id=follow.business_id
    ).exists()
    if actor.pk != follow.mediator_id and not is_owner:
        raise DomainError(
            _("Vous ne pouvez pas mettre fin à cet accompagnement."), code="forbidden"
        )
    if follow.status not in {Follow.Status.PENDING, Follow.Status.ACTIVE}:
        raise DomainError(_("Cet accompagnement est déjà terminé."), code="state")
    follow.status = Follow.Status.ENDED
    follow.ended_on = timezone.localdate()
    follow.save(update_fields=["status", "ended_on"])
    return follow

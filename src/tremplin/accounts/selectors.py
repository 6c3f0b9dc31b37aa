"""Reads of the accounts app, scoped by who is asking. Other apps read accounts through these."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from tremplin.accounts.models import (
    AccessLogEntry,
    Business,
    BusinessMembership,
    Follow,
    Role,
    User,
)
from tremplin.accounts.siret import normalize_siret


def businesses_of(user: User) -> QuerySet[Business]:
    """The businesses a person manages, with what their pages show."""
    return (
        Business.objects.owned_by(user)
        .select_related("commune__department")
        .prefetch_related(
            "links",
            Prefetch("memberships", queryset=BusinessMembership.objects.select_related("user")),
            Prefetch(
                "follows",
                queryset=Follow.objects.filter(
                    status__in=[Follow.Status.PENDING, Follow.Status.ACTIVE]
                ).select_related("mediator"),
                to_attr="open_follows",
            ),
        )
        .order_by("name")
    )


def business_for_owner(user: User, pk: int) -> Business | None:
    return businesses_of(user).filter(pk=pk).first()


def business_visible(user: User, pk: int) -> Business | None:
    return (
        Business.objects.visible_to(user)
        .select_related("commune__department")
        .prefetch_related("links", "memberships__user")
        .filter(pk=pk)
        .first()
    )


def business_find_for_follow(query: str) -> list[Business]:
    """A mediator looks a business up by its exact SIRET or an owner's exact e-mail address."""
    query = (query or "").strip()
    if not query:
        return []
    siret = normalize_siret(query)
    if siret.isdigit() and len(siret) == 14:
        return list(Business.objects.filter(siret=siret))
    if "@" in query:
        return list(Business.objects.filter(memberships__user__email__iexact=query).distinct())
    return []


def follows_of_mediator(mediator: User) -> QuerySet[Follow]:
    return (
        Follow.objects.filter(mediator=mediator)
        .select_related("business__commune")
        .order_by("status", "business__name")
    )


def follow_is_active(*, mediator: User, business: Business) -> bool:
    """Whether a mediator may act for a business now (later apps rely on this)."""
    return Follow.objects.active().filter(mediator=mediator, business=business).exists()


def followed_businesses(mediator: User) -> QuerySet[Business]:
    if mediator.role != Role.MEDIATOR:
        return Business.objects.none()
    return Business.objects.filter(
        follows__mediator=mediator, follows__status=Follow.Status.ACTIVE
    ).distinct()


def pending_follows_for_owner(owner: User) -> QuerySet[Follow]:
    return Follow.objects.filter(
        business__memberships__user=owner, status=Follow.Status.PENDING
    ).select_related("mediator", "business")


def access_entries_about(user: User, *, limit: int = 100) -> list[AccessLogEntry]:
    return list(AccessLogEntry.objects.about(user).order_by("-at")[:limit])


def mediators() -> QuerySet[User]:
    return User.objects.filter(role=Role.MEDIATOR, is_active=True).order_by("last_name")

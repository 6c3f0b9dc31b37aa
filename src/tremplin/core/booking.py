"""Seat booking that cannot overbook, on SQLite and PostgreSQL alike (see models/booking.py).

Apps (learning webinars, events workshops) create a pool per session and call these services;
they never touch the counters themselves.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.core.errors import DomainError
from tremplin.core.models import SeatBooking, SeatPool


def seats_taken(keys: list[str]) -> dict[str, int]:
    """Seats taken per pool key (pools not created yet are absent)."""
    return dict(SeatPool.objects.filter(key__in=keys).values_list("key", "taken"))


def seats_remaining(keys: list[str]) -> dict[str, int]:
    """Seats left per pool key (pools not created yet are absent)."""
    return {p.key: p.remaining for p in SeatPool.objects.filter(key__in=keys)}


def seat_pool_ensure(*, key: str, capacity: int) -> SeatPool:
    """Create the pool, or change its capacity (never below the seats already taken)."""
    pool, created = SeatPool.objects.get_or_create(key=key, defaults={"capacity": capacity})
    if not created and pool.capacity != capacity:
        updated = SeatPool.objects.filter(pk=pool.pk, taken__lte=capacity).update(capacity=capacity)
        if not updated:
            raise DomainError(
                _(
                    "Impossible de réduire la jauge à %(capacity)s : des personnes sont déjà "
                    "inscrites au-delà."
                )
                % {"capacity": capacity},
                code="capacity",
            )
        pool.refresh_from_db()
    return pool


@transaction.atomic
def seat_book(*, pool: SeatPool, user) -> SeatBooking:
    """Take a seat for ``user``; raises DomainError when full or already booked."""
    if SeatBooking.objects.filter(pool=pool, user=user, status=SeatBooking.Status.BOOKED).exists():
        raise DomainError(_("Vous êtes déjà inscrit·e."), code="already")
    took = SeatPool.objects.filter(pk=pool.pk, taken__lt=F("capacity")).update(taken=F("taken") + 1)
    if not took:
        raise DomainError(_("Il n'y a plus de place."), code="full")
    try:
        with transaction.atomic():
            return SeatBooking.objects.create(pool=pool, user=user)
    except IntegrityError as exc:
        # The same person booking twice at the same instant: give the seat back.
        SeatPool.objects.filter(pk=pool.pk).update(taken=F("taken") - 1)
        raise DomainError(_("Vous êtes déjà inscrit·e."), code="already") from exc


@transaction.atomic
def seat_release(*, booking: SeatBooking) -> SeatBooking:
    updated = SeatBooking.objects.filter(pk=booking.pk, status=SeatBooking.Status.BOOKED).update(
        status=SeatBooking.Status.CANCELLED, cancelled_at=timezone.now()
    )
    if updated:
        SeatPool.objects.filter(pk=booking.pool_id, taken__gt=0).update(taken=F("taken") - 1)
    booking.refresh_from_db()
    return booking


@transaction.atomic
def seat_pool_drop(*, key: str) -> int:
    """Delete a pool and its bookings (retention: a session long past). Returns bookings removed."""
    pool = SeatPool.objects.filter(key=key).first()
    if pool is None:
        return 0
    removed = SeatBooking.objects.filter(pool=pool).delete()[0]
    pool.delete()
    return removed

"""Seats are never overbooked, even under many simultaneous sign-ups."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from tests.factories import UserFactory
from tremplin.core.booking import seat_book, seat_pool_ensure, seat_release
from tremplin.core.errors import DomainError
from tremplin.core.models import SeatBooking, SeatPool


@pytest.mark.django_db
def test_book_until_full_then_release():
    pool = seat_pool_ensure(key="webinaire:1", capacity=2)
    first, second, third = UserFactory.create_batch(3)
    booking = seat_book(pool=pool, user=first)
    seat_book(pool=pool, user=second)
    with pytest.raises(DomainError, match="plus de place"):
        seat_book(pool=pool, user=third)
    seat_release(booking=booking)
    seat_book(pool=pool, user=third)
    pool.refresh_from_db()
    assert pool.taken == 2


@pytest.mark.django_db
def test_one_seat_per_person():
    pool = seat_pool_ensure(key="webinaire:2", capacity=5)
    person = UserFactory()
    seat_book(pool=pool, user=person)
    with pytest.raises(DomainError, match="déjà inscrit"):
        seat_book(pool=pool, user=person)
    pool.refresh_from_db()
    assert pool.taken == 1


@pytest.mark.django_db
def test_capacity_cannot_drop_below_bookings():
    pool = seat_pool_ensure(key="webinaire:3", capacity=3)
    for person in UserFactory.create_batch(2):
        seat_book(pool=pool, user=person)
    with pytest.raises(DomainError, match="jauge"):
        seat_pool_ensure(key="webinaire:3", capacity=1)
    assert seat_pool_ensure(key="webinaire:3", capacity=10).capacity == 10


@pytest.mark.django_db(transaction=True)
def test_no_overbooking_under_concurrent_sign_ups():
    capacity, people = 10, 40
    pool = seat_pool_ensure(key="webinaire:rush", capacity=capacity)
    users = UserFactory.create_batch(people)
    barrier = threading.Barrier(people)
    outcomes: list[str] = []

    def sign_up(user):
        try:
            barrier.wait()
            seat_book(pool=pool, user=user)
            outcomes.append("booked")
        except DomainError as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    pool = SeatPool.objects.get(pk=pool.pk)
    booked = SeatBooking.objects.filter(pool=pool, status="booked").count()
    assert outcomes.count("booked") == capacity
    assert booked == capacity
    assert pool.taken == capacity
    assert set(outcomes) == {"booked", "full"}


@pytest.mark.django_db
def test_dropping_a_pool_removes_its_bookings():
    from tremplin.core.booking import seat_pool_drop

    pool = seat_pool_ensure(key="webinaire:passé", capacity=3)
    seat_book(pool=pool, user=UserFactory())
    assert seat_pool_drop(key="webinaire:passé") == 1
    assert not SeatPool.objects.filter(key="webinaire:passé").exists()
    assert seat_pool_drop(key="webinaire:inconnu") == 0

"""Webinars: registration without overbooking, invitation, link for registrants, reminders,
replays kept as drafts until captioned."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from icalendar import Calendar

from tests.factories import UserFactory
from tests.helpers import text
from tests.learning.factories import WebinarFactory
from tremplin.core.errors import DomainError
from tremplin.core.models import SeatBooking, SeatPool
from tremplin.learning.models import Module, WebinarRegistration
from tremplin.learning.services import content
from tremplin.learning.services.webinars import (
    webinar_attach_replay,
    webinar_register,
    webinar_registrations_purge,
    webinar_reminders_send,
    webinar_unregister,
)


@pytest.mark.django_db
def test_registration_sends_the_invitation_with_the_link_and_an_icalendar_file():
    webinar = WebinarFactory(title="Vendre en ligne")
    user = UserFactory(first_name="Karim")
    webinar_register(webinar=webinar, user=user)
    message = mail.outbox[-1]
    assert message.to == [user.email] and "Vendre en ligne" in message.subject
    assert webinar.conference_url in message.body
    name, data, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Vendre en ligne"
    assert event.decoded("DTSTART") == webinar.starts_at.replace(microsecond=0)
    assert webinar.conference_url in str(event["DESCRIPTION"])


@pytest.mark.django_db
def test_link_is_shown_to_registrants_only(client):
    webinar = WebinarFactory()
    page = text(client.get(f"/apprendre/webinaires/{webinar.pk}/"))
    assert webinar.conference_url not in page and "Se connecter pour s'inscrire" in page
    ics = client.get(f"/apprendre/webinaires/{webinar.pk}/invitation.ics").content
    assert webinar.conference_url.encode() not in ics
    user = UserFactory()
    client.force_login(user)
    assert webinar.conference_url not in text(client.get(f"/apprendre/webinaires/{webinar.pk}/"))
    response = client.post(f"/apprendre/webinaires/{webinar.pk}/inscription/", follow=True)
    body = text(response)
    assert "Vous êtes inscrit·e" in body and webinar.conference_url in body
    ics = client.get(f"/apprendre/webinaires/{webinar.pk}/invitation.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert webinar.conference_url.encode() in ics.content.replace(b"\r\n ", b"")
    listing = text(client.get("/apprendre/webinaires/"))
    assert webinar.title in listing and "vous êtes inscrit·e" in listing
    assert webinar.title in text(client.get("/mon-espace/"))

    client.post(f"/apprendre/webinaires/{webinar.pk}/desinscription/")
    assert not WebinarRegistration.objects.exists()
    assert SeatPool.objects.get(key=webinar.pool_key).taken == 0


@pytest.mark.django_db
def test_full_past_and_draft_sessions_refuse_registration(client):
    full = WebinarFactory(capacity=1)
    webinar_register(webinar=full, user=UserFactory())
    with pytest.raises(DomainError, match="plus de place"):
        webinar_register(webinar=full, user=UserFactory())
    past = WebinarFactory(starts_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(DomainError, match="déjà commencé"):
        webinar_register(webinar=past, user=UserFactory())
    draft = WebinarFactory(status="draft")
    with pytest.raises(DomainError, match="pas ouvert"):
        webinar_register(webinar=draft, user=UserFactory())
    assert client.get(f"/apprendre/webinaires/{draft.pk}/").status_code == 404
    person = UserFactory()
    client.force_login(person)
    response = client.post(f"/apprendre/webinaires/{full.pk}/inscription/", follow=True)
    assert "Il n'y a plus de place" in text(response)
    assert not WebinarRegistration.objects.filter(user=person).exists()


@pytest.mark.django_db
def test_same_person_twice_is_refused():
    webinar = WebinarFactory()
    user = UserFactory()
    webinar_register(webinar=webinar, user=user)
    with pytest.raises(DomainError, match="déjà inscrit"):
        webinar_register(webinar=webinar, user=user)
    registration = WebinarRegistration.objects.get()
    webinar_unregister(registration=registration)
    webinar_register(webinar=webinar, user=user)  # may come back after cancelling
    assert SeatPool.objects.get(key=webinar.pool_key).taken == 1


@pytest.mark.django_db(transaction=True)
def test_no_overbooking_when_many_register_at_once():
    capacity, people = 8, 30
    webinar = WebinarFactory(capacity=capacity)
    users = UserFactory.create_batch(people)
    barrier = threading.Barrier(people)
    outcomes: list[str] = []

    def register(user):
        try:
            barrier.wait()
            webinar_register(webinar=webinar, user=user)
            outcomes.append("ok")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == capacity
    assert set(outcomes) == {"ok", "full"}
    assert WebinarRegistration.objects.filter(webinar=webinar).count() == capacity
    assert SeatBooking.objects.filter(status="booked").count() == capacity
    assert SeatPool.objects.get(key=webinar.pool_key).taken == capacity


@pytest.mark.django_db
def test_reminder_the_day_before_is_sent_once(run_tasks):
    now = timezone.make_aware(datetime(2026, 11, 23, 10, 0))
    tomorrow = WebinarFactory(starts_at=now + timedelta(days=1, hours=4))
    later = WebinarFactory(starts_at=now + timedelta(days=3))
    first, second = UserFactory.create_batch(2)
    webinar_register(webinar=tomorrow, user=first, now=now - timedelta(days=2))
    webinar_register(webinar=tomorrow, user=second, now=now - timedelta(days=2))
    webinar_register(webinar=later, user=first, now=now - timedelta(days=2))
    mail.outbox.clear()
    assert webinar_reminders_send(now=now) == 2
    assert webinar_reminders_send(now=now) == 0
    assert webinar_reminders_send(now=now + timedelta(hours=1)) == 0
    assert len(mail.outbox) == 2
    assert all("demain" in m.subject and tomorrow.conference_url in m.body for m in mail.outbox)


@pytest.mark.django_db
def test_reminder_task_is_periodic(run_tasks):
    from tremplin.core.scheduling import periodic_jobs
    from tremplin.learning import tasks

    names = {job.task for job in periodic_jobs().values()}
    assert tasks.webinar_reminders in names and tasks.learning_retention in names
    tasks.webinar_reminders.enqueue()
    assert run_tasks() == 1


@pytest.mark.django_db
def test_replay_is_a_draft_video_until_captions_are_added(video_file, captions_file):
    webinar = WebinarFactory(starts_at=timezone.now() - timedelta(days=1))
    module = webinar_attach_replay(webinar=webinar, video=video_file, transcript="Bonjour.")
    assert module.kind == "video" and module.status == "draft"
    assert module.chapter == webinar.chapter
    webinar.refresh_from_db()
    assert webinar.replay == module
    with pytest.raises(DomainError, match="sous-titres"):
        content.module_publish(module=module)
    content.module_set_media(module=module, captions=captions_file)
    content.module_publish(module=Module.objects.get(pk=module.pk))
    assert Module.objects.get(pk=module.pk).status == "published"
    with pytest.raises(DomainError, match="déjà sa rediffusion"):
        webinar_attach_replay(webinar=webinar, video=video_file)


@pytest.mark.django_db
def test_replay_that_is_not_a_video_changes_nothing():
    from django.core.files.uploadedfile import SimpleUploadedFile

    webinar = WebinarFactory()
    with pytest.raises(DomainError, match="n'est pas une vidéo"):
        webinar_attach_replay(
            webinar=webinar, video=SimpleUploadedFile("replay.mp4", b"not a video at all")
        )
    assert not Module.objects.exists()
    webinar.refresh_from_db()
    assert webinar.replay is None


@pytest.mark.django_db
def test_registrations_are_purged_after_the_retention_period():
    old = WebinarFactory(starts_at=timezone.now() + timedelta(days=1))
    webinar_register(webinar=old, user=UserFactory())
    later = timezone.now() + timedelta(days=400)
    assert webinar_registrations_purge(now=later) == 1
    assert not WebinarRegistration.objects.exists()
    assert not SeatBooking.objects.exists() and not SeatPool.objects.exists()

"""Webinars: registration that never overbooks (core.booking), invitations, reminders, replays.

The seat is taken by ``core.booking.seat_book`` — a single conditional UPDATE on the pool's
counter — so simultaneous sign-ups cannot exceed the capacity on SQLite or PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.core.booking import seat_book, seat_pool_ensure, seat_release
from tremplin.core.errors import DomainError
from tremplin.core.links import absolute_url
from tremplin.learning import conf
from tremplin.learning.models import Module, Status, Webinar, WebinarRegistration


def webinar_ics(webinar: Webinar, *, with_link: bool) -> bytes:
    """An iCalendar (RFC 5545) event; the conference link only goes to registrants."""
    from icalendar import Calendar, Event

    page = absolute_url(reverse("learning:webinar", args=[webinar.pk]))
    calendar = Calendar()
    calendar.add("prodid", "-//Tremplin//Webinaires//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"webinaire-{webinar.pk}@tremplin")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", webinar.starts_at)
    event.add("dtend", webinar.ends_at)
    event.add("summary", webinar.title)
    description = webinar.description
    if with_link:
        description += "\n\n" + _("Lien de la visioconférence : %(url)s") % {
            "url": webinar.conference_url
        }
        event.add("location", webinar.conference_url)
    event.add("description", (description + "\n\n" + page).strip())
    event.add("url", page)
    calendar.add_component(event)
    return calendar.to_ical()


def _send(registration: WebinarRegistration, *, template: str, subject: str) -> None:
    user, webinar = registration.user, registration.webinar
    with translation.override(user.language or "fr"):
        message = EmailMessage(
            subject=subject % {"title": webinar.title},
            body=render_to_string(
                template,
                {
                    "user": user,
                    "webinar": webinar,
                    "page": absolute_url(reverse("learning:webinar", args=[webinar.pk])),
                },
            ),
            to=[user.email],
        )
        message.attach(
            f"webinaire-{webinar.pk}.ics",
            webinar_ics(webinar, with_link=True),
            "text/calendar; charset=utf-8; method=PUBLISH",
        )
        message.send()


@transaction.atomic
def webinar_register(*, webinar: Webinar, user, now=None) -> WebinarRegistration:
    now = now or timezone.now()
    if webinar.status != Status.PUBLISHED:
        raise DomainError(_("Ce webinaire n'est pas ouvert aux inscriptions."), code="closed")
    if webinar.starts_at <= now:
        raise DomainError(
            _("Ce webinaire a déjà commencé : les inscriptions sont closes."), code="past"
        )
    pool = seat_pool_ensure(key=webinar.pool_key, capacity=webinar.capacity)
    booking = seat_book(pool=pool, user=user)
    registration = WebinarRegistration.objects.create(webinar=webinar, user=user, booking=booking)
    _send(registration, template="learning/email/webinar_invitation.txt",
          subject=_("Inscription confirmée : %(title)s"))  # fmt: skip
    return registration


@transaction.atomic
def webinar_unregister(*, registration: WebinarRegistration) -> None:
    seat_release(booking=registration.booking)
    registration.delete()


@transaction.atomic
def webinar_capacity_set(*, webinar: Webinar, capacity: int) -> Webinar:
    """Change the capacity; never below the seats already taken (core refuses)."""
    seat_pool_ensure(key=webinar.pool_key, capacity=capacity)
    webinar.capacity = capacity
    webinar.save(update_fields=["capacity"])
    return webinar


def webinar_reminders_send(*, now=None) -> int:
    """Remind registrants of tomorrow's webinars, once: the conditional UPDATE that marks a
    registration as reminded is what sends the e-mail, so a second run sends nothing."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    due = WebinarRegistration.objects.filter(
        reminded_at__isnull=True,
        webinar__status=Status.PUBLISHED,
        webinar__starts_at__date=tomorrow,
        webinar__starts_at__gt=now,
    ).select_related("webinar", "user")
    sent = 0
    for registration in due:
        with transaction.atomic():
            marked = WebinarRegistration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not marked:
                continue
            _send(registration, template="learning/email/webinar_reminder.txt",
                  subject=_("Rappel : %(title)s, demain"))  # fmt: skip
            sent += 1
    return sent


@transaction.atomic
def webinar_attach_replay(
    *, webinar: Webinar, video, captions=None, transcript: str = "", duration_minutes: int = 0
) -> Module:
    """The recording becomes a video module of the webinar's chapter, kept as a draft: staff
    publish it once its captions are there (publishing refuses a video without captions)."""
    from tremplin.learning.services.content import module_set_media

    if webinar.replay_id:
        raise DomainError(_("Ce webinaire a déjà sa rediffusion."), code="replay_exists")
    chapter = webinar.chapter
    last = chapter.modules.order_by("-position").values_list("position", flat=True).first() or 0
    base = f"rediffusion-{webinar.pk}-{webinar.starts_at:%Y%m%d}"
    module = Module.objects.create(
        chapter=chapter,
        title=_("Rediffusion : %(title)s") % {"title": webinar.title},
        slug=base,
        kind=Module.Kind.VIDEO,
        position=last + 1,
        objectives=[_("Revoir le webinaire « %(title)s »") % {"title": webinar.title}],
        body=webinar.description,
        duration_minutes=duration_minutes or webinar.duration_minutes,
        status=Status.DRAFT,
    )
    module_set_media(module=module, video=video, captions=captions, transcript=transcript)
    webinar.replay = module
    webinar.save(update_fields=["replay"])
    return module


def webinar_registrations_purge(*, now=None) -> int:
    """Registrations go a set time after the session (see privacy.py); so do the seat bookings
    of that session, which only existed for it."""
    from tremplin.core.models import SeatPool

    now = now or timezone.now()
    cutoff = now - timedelta(days=conf.WEBINAR_REGISTRATION_DAYS)
    old = Webinar.objects.filter(starts_at__lt=cutoff)
    count = WebinarRegistration.objects.filter(webinar__in=old).delete()[0]
    SeatPool.objects.filter(key__in=[w.pool_key for w in old]).delete()
    return count

"""Webinars: the list, a session's page, sign-up and cancellation, the calendar file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tremplin.core.errors import DomainError
from tremplin.core.models import SeatPool
from tremplin.learning.models import Status, Webinar, WebinarRegistration
from tremplin.learning.services import webinars as services


def _visible(request):
    webinars = Webinar.objects.select_related("chapter__path", "replay")
    if request.user.is_staff:
        return webinars
    return webinars.filter(status=Status.PUBLISHED)


def _remaining(webinars) -> dict[int, int]:
    pools = {
        p.key: p.remaining for p in SeatPool.objects.filter(key__in=[w.pool_key for w in webinars])
    }
    return {w.pk: pools.get(w.pool_key, w.capacity) for w in webinars}


@require_GET
def webinar_list(request):
    now = timezone.now()
    upcoming = list(_visible(request).filter(starts_at__gte=now).order_by("starts_at"))
    past = list(
        _visible(request)
        .filter(starts_at__lt=now)
        .filter(Q(replay__status=Status.PUBLISHED))
        .order_by("-starts_at")[:20]
    )
    mine = set()
    if request.user.is_authenticated:
        mine = set(
            WebinarRegistration.objects.filter(user=request.user).values_list("webinar", flat=True)
        )
    return render(
        request,
        "learning/webinar_list.html",
        {
            "upcoming": upcoming,
            "past": past,
            "remaining": _remaining(upcoming),
            "mine": mine,
            "crumbs": [(reverse("learning:path_list"), _("Apprendre")), ("", _("Webinaires"))],
        },
    )


def _registration(request, webinar):
    if not request.user.is_authenticated:
        return None
    return WebinarRegistration.objects.filter(webinar=webinar, user=request.user).first()


@require_GET
def webinar_detail(request, pk):
    webinar = get_object_or_404(_visible(request), pk=pk)
    return render(
        request,
        "learning/webinar_detail.html",
        {
            "webinar": webinar,
            "registration": _registration(request, webinar),
            "remaining": _remaining([webinar])[webinar.pk],
            "is_past": webinar.starts_at <= timezone.now(),
            "crumbs": [
                (reverse("learning:path_list"), _("Apprendre")),
                (reverse("learning:webinar_list"), _("Webinaires")),
                ("", webinar.title),
            ],
        },
    )


@login_required
@require_POST
def webinar_register(request, pk):
    webinar = get_object_or_404(_visible(request), pk=pk)
    try:
        services.webinar_register(webinar=webinar, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Vous êtes inscrit·e. L'invitation, avec le lien de la visioconférence, vient de "
              "vous être envoyée par e-mail."),
        )  # fmt: skip
    return redirect("learning:webinar", webinar.pk)


@login_required
@require_POST
def webinar_unregister(request, pk):
    webinar = get_object_or_404(_visible(request), pk=pk)
    registration = _registration(request, webinar)
    if registration is not None:
        services.webinar_unregister(registration=registration)
        messages.success(request, _("Votre inscription est annulée : la place est libérée."))
    return redirect("learning:webinar", webinar.pk)


@require_GET
def webinar_ics(request, pk):
    webinar = get_object_or_404(_visible(request), pk=pk)
    if webinar.status != Status.PUBLISHED:
        raise Http404
    registered = _registration(request, webinar) is not None
    response = HttpResponse(
        services.webinar_ics(webinar, with_link=registered),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="webinaire-{webinar.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response

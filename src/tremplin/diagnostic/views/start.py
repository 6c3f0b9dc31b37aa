"""The start page: what the diagnostic is, and starting (or resuming) one."""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from tremplin.accounts import selectors as accounts
from tremplin.accounts.models import Role
from tremplin.core.errors import DomainError
from tremplin.core.models import Department
from tremplin.core.territory import current_territory
from tremplin.diagnostic import selectors, services
from tremplin.diagnostic.forms import AUTO_SECTOR, StartForm
from tremplin.diagnostic.models import Diagnostic
from tremplin.diagnostic.sectors import sector_for_business

START_RATE = "30/h"  # diagnostics started without an account, per address


def _client_ip(group, request) -> str:
    """The address the login throttling uses too (allauth knows the trusted proxies)."""
    return get_adapter(request).get_client_ip(request)


def _businesses(user) -> list:
    """The businesses this person may fill a diagnostic for: theirs, or those they follow."""
    if not user.is_authenticated:
        return []
    if user.role == Role.MEDIATOR:
        return list(accounts.followed_businesses(user).select_related("commune__department"))
    return list(accounts.businesses_of(user))


def _first_step_url(diagnostic: Diagnostic, token: str | None = None) -> str:
    answers = selectors.answers_of(diagnostic)
    steps = selectors.steps_of(diagnostic, answers)
    number = next((s.number for s in steps if not s.complete), len(steps))
    if token:
        return reverse("diagnostic:link_step", kwargs={"token": token, "number": number})
    return reverse("diagnostic:step", kwargs={"pk": diagnostic.pk, "number": number})


@require_http_methods(["GET", "POST"])
def start(request):
    version = selectors.version_current()
    questionnaire = version.questionnaire
    businesses = _businesses(request.user)
    by_link = (
        not businesses
        or request.GET.get("sans-entreprise")
        or (request.method == "POST" and request.POST.get("mode") == "link")
    )
    departments = Department.objects.filter(code__in=current_territory().department_codes)
    choices = []
    for business in businesses:
        sector = questionnaire.sector(sector_for_business(business))
        label = business.name
        if sector:
            label = _("%(name)s (secteur d'après son activité : %(sector)s)") % {
                "name": business.name,
                "sector": sector.label,
            }
        choices.append((business.pk, label))
    form = StartForm(
        request.POST or None,
        questionnaire=questionnaire,
        businesses=None if by_link else choices,
        departments=departments,
    )
    if request.method == "POST" and form.is_valid():
        if by_link and is_ratelimited(
            request, group="diagnostic.start", key=_client_ip, rate=START_RATE, increment=True
        ):
            form.add_error(
                None,
                _(
                    "Trop de diagnostics commencés depuis cette connexion : "
                    "réessayez dans une heure."
                ),
            )
        else:
            try:
                return _start(request, form, version, businesses, by_link)
            except DomainError as exc:
                form.add_error(None, exc.message)
    in_progress = list(
        Diagnostic.objects.in_progress().filter(business__in=businesses).select_related("business")
    )
    return render(
        request,
        "diagnostic/start.html",
        {
            "form": form,
            "version": version,
            "questionnaire": questionnaire,
            "question_count": len(questionnaire.questions_for(questionnaire.sectors[0].key)),
            "businesses": businesses,
            "by_link": bool(by_link),
            "is_mediator": request.user.is_authenticated and request.user.role == Role.MEDIATOR,
            "in_progress": in_progress,
        },
    )


def _start(request, form, version, businesses, by_link):
    data = form.cleaned_data
    if by_link:
        diagnostic, token = services.diagnostic_start(
            actor=request.user,
            version=version,
            sector=data["sector"],
            department_code=data.get("department", ""),
            size_band=data.get("size_band", ""),
        )
        messages.success(
            request,
            _(
                "Votre diagnostic est commencé. Gardez le lien de cette page : il vous permet "
                "de reprendre plus tard et de retrouver votre résultat."
            ),
        )
        return redirect(_first_step_url(diagnostic, token))
    business = next(b for b in businesses if b.pk == data["business"])
    sector = data["sector"]
    if sector == AUTO_SECTOR:
        sector = sector_for_business(business)
        if version.questionnaire.sector(sector) is None:
            sector = version.questionnaire.sectors[0].key
    diagnostic, _token = services.diagnostic_start(
        actor=request.user, version=version, sector=sector, business=business
    )
    return redirect(_first_step_url(diagnostic))

"""Employers: their offers (post with a preview, edit, withdraw) and the applications received."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tremplin.accounts.models import Role
from tremplin.accounts.services import access_record
from tremplin.core.errors import DomainError
from tremplin.jobs.models import JobOffer
from tremplin.jobs.models.publishing import ApplicationStatus
from tremplin.jobs.publishing import selectors, services
from tremplin.jobs.publishing.forms import ApplicationMoveForm
from tremplin.jobs.publishing.offer_form import EmployerOfferForm
from tremplin.jobs.publishing.services.employer import (
    employer_offer_close,
    employer_offer_create,
    employer_offer_update,
    offer_of,
)
from tremplin.jobs.publishing.views import crumbs


def _businesses_or_redirect(request):
    businesses = selectors.employer_businesses(request.user)
    if not businesses:
        if request.user.role == Role.BUSINESS_OWNER:
            messages.info(request, _("Déclarez d'abord votre entreprise pour publier une offre."))
            return None, redirect("accounts:business_create")
        messages.error(
            request, _("Seul un compte « chef d'entreprise » peut publier une offre d'emploi.")
        )
        return None, redirect("accounts:myspace")
    return businesses, None


@login_required
def employer_offers(request):
    _businesses, response = _businesses_or_redirect(request)
    if response:
        return response
    return render(
        request,
        "jobs/publishing/employer_offers.html",
        {
            "offers": list(selectors.employer_offers(request.user)),
            "crumbs": crumbs.myspace((None, _("Mes offres d'emploi"))),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def employer_offer_form(request, pk: int | None = None):
    """One page for posting and editing: fill in, see the preview, then submit."""
    businesses, response = _businesses_or_redirect(request)
    if response:
        return response
    offer = None
    if pk is not None:
        offer = offer_of(request.user, pk)
        if offer is None:
            raise Http404
    initial = EmployerOfferForm.initial_from(offer) if offer else {}
    form = EmployerOfferForm(request.POST or None, initial=initial, businesses=businesses)
    preview = None
    if request.method == "POST" and form.is_valid():
        values = form.values()
        if "preview" in request.POST:
            preview = _preview(values, form.business_obj)
        else:
            try:
                if offer is None:
                    offer = employer_offer_create(
                        actor=request.user, business=form.business_obj, values=values
                    )
                else:
                    offer = employer_offer_update(actor=request.user, offer=offer, values=values)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _(
                        "Votre offre « %(title)s » est envoyée. L'équipe du territoire la relit "
                        "avant de la publier ; vous recevrez un e-mail."
                    )
                    % {"title": offer.title},
                )
                return redirect("jobs:employer_offers")
    return render(
        request,
        "jobs/publishing/employer_offer_form.html",
        {
            "form": form,
            "offer": offer,
            "preview": preview,
            "crumbs": crumbs.employer_offers(
                (None, offer.title if offer else _("Publier une offre"))
            ),
        },
    )


def _preview(values, business):
    """An unsaved offer, to show the employer what job seekers will read."""
    offer = JobOffer(
        title=values.title,
        description=values.description,
        commune=values.commune,
        contract_type=values.contract_type,
        working_time=values.working_time,
        working_hours=values.working_hours,
        salary_min=values.salary_min,
        salary_max=values.salary_max,
        salary_period=values.salary_period,
        job_title=values.job_title,
        rome_code=values.rome_code,
        experience_months=values.experience_months,
        remote=values.remote,
        positions=values.positions,
        expires_at=values.expires_at,
    )
    offer.preview_business = business
    return offer


@login_required
@require_POST
def employer_offer_withdraw(request, pk: int):
    offer = offer_of(request.user, pk)
    if offer is None:
        raise Http404
    try:
        employer_offer_close(actor=request.user, offer=offer)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("L'offre est retirée du site."))
    return redirect("jobs:employer_offers")


@login_required
def employer_applications(request):
    offer_id = request.GET.get("offre", "")
    status = request.GET.get("etat", "")
    qs = selectors.applications_for_employer(
        request.user, offer_id=int(offer_id) if offer_id.isdigit() else None, status=status
    )
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    if request.user.is_staff:
        access_record(
            actor=request.user,
            action="list",
            object_type="jobs.Application",
            reason=_("liste des candidatures"),
        )
    return render(
        request,
        "jobs/publishing/employer_applications.html",
        {
            "page_obj": page,
            "applications": page.object_list,
            "statuses": ApplicationStatus.choices,
            "status": status,
            "offer_id": offer_id,
            "offers": list(selectors.employer_offers(request.user).values_list("pk", "title")),
            "crumbs": crumbs.myspace((None, _("Candidatures reçues"))),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def employer_application(request, pk: int):
    application = selectors.application_for_manager(request.user, pk)
    if application is None:
        raise Http404
    form = ApplicationMoveForm(request.POST or None, application=application)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_move(
                actor=request.user,
                application=application,
                status=form.cleaned_data["status"],
                expected_version=form.cleaned_data["version"],
                request=request,
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("La candidature est maintenant « %(status)s ». La personne est prévenue.")
                % {"status": application.get_status_display()},
            )
        return redirect("jobs:employer_application", pk=application.pk)
    if request.method == "GET":
        access_record(
            actor=request.user,
            subject=application.candidate,
            obj=application,
            reason=_("candidature lue par l'employeur")
            if not request.user.is_staff
            else _("candidature lue par l'équipe du territoire"),
        )
    return render(
        request,
        "jobs/publishing/employer_application.html",
        {
            "application": application,
            "form": form,
            "crumbs": crumbs.employer_applications(
                (None, application.candidate.full_name or application.candidate.email)
            ),
        },
    )

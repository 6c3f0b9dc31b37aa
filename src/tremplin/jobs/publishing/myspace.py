"""The sections the jobs app adds to « Mon espace » (registered by ``tremplin.jobs.myspace``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Role
from tremplin.accounts.spaces import Section, section_register
from tremplin.jobs.publishing import selectors


def _applications(request):
    applications = list(selectors.applications_of_candidate(request.user))
    if not applications and request.user.role != Role.JOB_SEEKER:
        return None
    return {"applications": applications}


def _alerts(request):
    saved = list(selectors.saved_searches_of(request.user))
    if not saved and request.user.role != Role.JOB_SEEKER:
        return None
    return {"saved_searches": saved}


def _employer(request):
    if request.user.role != Role.BUSINESS_OWNER:
        return None
    offers = list(selectors.employer_offers(request.user))
    return {
        "offers": offers[:5],
        "more": max(0, len(offers) - 5),
        "new_applications": sum(o.new_application_count for o in offers),
        "has_business": bool(selectors.employer_businesses(request.user)),
    }


def _staff(request):
    if not request.user.is_staff:
        return None
    return {"counts": selectors.moderation_counts()}


def register() -> None:
    section_register(
        Section(
            key="jobs_staff",
            title=_("Offres d'emploi : modération et diffusion"),
            template="jobs/publishing/sections/staff.html",
            context=_staff,
            order=6,
        )
    )
    section_register(
        Section(
            key="jobs_employer",
            title=_("Mes offres d'emploi"),
            template="jobs/publishing/sections/employer.html",
            context=_employer,
            order=25,
        )
    )
    section_register(
        Section(
            key="jobs_applications",
            title=_("Mes candidatures"),
            template="jobs/publishing/sections/applications.html",
            context=_applications,
            order=30,
        )
    )
    section_register(
        Section(
            key="jobs_alerts",
            title=_("Mes alertes emploi"),
            template="jobs/publishing/sections/alerts.html",
            context=_alerts,
            order=31,
        )
    )

"""Reads of the publishing side, scoped by who is asking."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from tremplin.accounts.models import Business, User
from tremplin.jobs.models import JobOffer, Status
from tremplin.jobs.models.publishing import (
    Application,
    ApplicationStatus,
    ModerationDecision,
    OfferReport,
    ReportStatus,
    SavedSearch,
)


def applications_of_candidate(user: User) -> QuerySet[Application]:
    return (
        Application.objects.filter(candidate=user)
        .select_related("offer__commune", "business")
        .order_by("-created_at")
    )


def applications_for_employer(
    user: User, *, offer_id: int | None = None, status: str = ""
) -> QuerySet[Application]:
    """Applications sent to the businesses the person manages (staff: to every business)."""
    qs = Application.objects.all() if user.is_staff else Application.objects.for_employer(user)
    if offer_id:
        qs = qs.filter(offer_id=offer_id)
    if status in ApplicationStatus.values:
        qs = qs.filter(status=status)
    return qs.select_related("offer", "candidate", "business").order_by("-created_at")


def application_for_manager(user: User, pk: int) -> Application | None:
    return applications_for_employer(user).filter(pk=pk).first()


def application_for_download(user: User, pk: int) -> Application | None:
    """Who may download a CV: the candidate, the employer's owners, staff."""
    return (
        Application.objects.visible_to(user)
        .select_related("candidate", "offer", "business")
        .filter(pk=pk)
        .first()
    )


def employer_businesses(user: User) -> list[Business]:
    return list(Business.objects.owned_by(user).select_related("commune").order_by("name"))


def employer_offers(user: User) -> QuerySet[JobOffer]:
    """The offers of the person's businesses, with counts and the last moderation decision."""
    return (
        JobOffer.objects.filter(employer__business__memberships__user=user)
        .select_related("employer__business", "commune")
        .annotate(
            application_count=Count("applications", distinct=True),
            new_application_count=Count(
                "applications",
                filter=Q(applications__status=ApplicationStatus.RECEIVED),
                distinct=True,
            ),
        )
        .prefetch_related(
            Prefetch(
                "moderation_decisions",
                queryset=ModerationDecision.objects.order_by("-at", "-id"),
                to_attr="decisions",
            )
        )
        .order_by("-created_at")
    )


def saved_searches_of(user: User) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user=user).order_by("name")


def moderation_queue(*, tab: str = "pending") -> QuerySet[JobOffer]:
    """Offers waiting for staff: submitted by employers, or reported by visitors."""
    qs = JobOffer.objects.select_related("employer__business", "commune").annotate(
        open_reports=Count("reports", filter=Q(reports__status=ReportStatus.OPEN), distinct=True)
    )
    if tab == "reported":
        qs = qs.filter(open_reports__gt=0).order_by("-open_reports", "-published_at")
    elif tab == "hidden":
        qs = qs.filter(status=Status.HIDDEN).order_by("-moderated_at")
    else:
        qs = qs.filter(status=Status.PENDING).order_by("created_at")
    return qs


def moderation_counts() -> dict[str, int]:
    return {
        "pending": JobOffer.objects.filter(status=Status.PENDING).count(),
        "reported": OfferReport.objects.filter(status=ReportStatus.OPEN)
        .values("offer")
        .distinct()
        .count(),
    }


def moderation_offer(pk: int) -> JobOffer | None:
    return (
        JobOffer.objects.select_related("employer__business", "commune")
        .prefetch_related(
            "listings",
            Prefetch("reports", queryset=OfferReport.objects.order_by("-created_at")),
            Prefetch(
                "moderation_decisions",
                queryset=ModerationDecision.objects.select_related("actor").order_by("-at", "-id"),
            ),
        )
        .filter(pk=pk)
        .first()
    )

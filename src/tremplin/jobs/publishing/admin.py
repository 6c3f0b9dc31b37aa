"""Back office of the publishing side: moderation of offers, reports, the moderation journal,
and applications (read-only, every opening journaled)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.admin import JournaledAdminMixin
from tremplin.accounts.services.users import staff_permissions_add
from tremplin.core.admin import ReadOnlyAdmin
from tremplin.core.errors import DomainError
from tremplin.jobs.models.publishing import (
    Application,
    ModeratedOffer,
    ModerationDecision,
    OfferReport,
    ReportStatus,
)
from tremplin.jobs.publishing import services

staff_permissions_add(
    [
        ("jobs", "view_moderatedoffer"),
        ("jobs", "change_moderatedoffer"),
        ("jobs", "view_offerreport"),
        ("jobs", "view_moderationdecision"),
        ("jobs", "view_application"),
    ]
)


class ModerationActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Motif (obligatoire pour masquer)"), required=False, max_length=300
    )


class SourceFilter(admin.SimpleListFilter):
    """Imported offers by source, next to those posted on Tremplin."""

    title = _("source")
    parameter_name = "source"

    def lookups(self, request, model_admin):
        from tremplin.jobs.models import JobListing

        names = JobListing.objects.values_list("source_name", flat=True).distinct()
        return [(name, name) for name in sorted(names)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(listings__source_name=self.value()).distinct()
        return queryset


class ReportedFilter(admin.SimpleListFilter):
    title = _("signalements")
    parameter_name = "signalee"

    def lookups(self, request, model_admin):
        return [("oui", _("avec des signalements à examiner"))]

    def queryset(self, request, queryset):
        if self.value() == "oui":
            return queryset.filter(open_reports__gt=0)
        return queryset


@admin.register(ModeratedOffer)
class ModeratedOfferAdmin(admin.ModelAdmin):
    """Imported and employer-posted offers alike: publish, hide with a reason, restore."""

    action_form = ModerationActionForm
    actions = ["approve", "hide", "restore"]
    list_display = ["title", "employer", "commune", "status", "open_reports", "published_at"]
    list_filter = ["status", ReportedFilter, SourceFilter, "contract_type"]
    search_fields = ["title", "employer__name"]
    list_select_related = ["employer", "commune"]
    fields = ["title", "employer", "commune", "status", "moderation_reason", "moderated_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                open_reports=Count(
                    "reports", filter=Q(reports__status=ReportStatus.OPEN), distinct=True
                )
            )
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("signalements ouverts"), ordering="open_reports")
    def open_reports(self, obj):
        if not obj.open_reports:
            return 0
        return format_html(
            '<a href="{}">{}</a>', reverse("jobs:moderation_offer", args=[obj.pk]), obj.open_reports
        )

    def _each(self, request, queryset, function, done_message):
        done = 0
        for offer in queryset:
            try:
                function(offer)
                done += 1
            except DomainError as exc:
                self.message_user(request, f"{offer.title} : {exc.message}", messages.WARNING)
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Publier les offres en attente"))
    def approve(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda offer: services.offer_approve(actor=request.user, offer=offer),
            _("%(count)s offre(s) publiée(s)."),
        )

    @admin.action(description=_("Masquer (avec le motif indiqué)"))
    def hide(self, request, queryset):
        reason = request.POST.get("reason", "")
        self._each(
            request,
            queryset,
            lambda offer: services.offer_hide(actor=request.user, offer=offer, reason=reason),
            _("%(count)s offre(s) masquée(s)."),
        )

    @admin.action(description=_("Rétablir les offres masquées"))
    def restore(self, request, queryset):
        reason = request.POST.get("reason", "")
        self._each(
            request,
            queryset,
            lambda offer: services.offer_restore(actor=request.user, offer=offer, reason=reason),
            _("%(count)s offre(s) rétablie(s)."),
        )


@admin.register(OfferReport)
class OfferReportAdmin(ReadOnlyAdmin):
    list_display = ["offer", "reason", "status", "created_at", "handled_at"]
    list_filter = ["status", "reason"]
    list_select_related = ["offer"]
    date_hierarchy = "created_at"


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyAdmin):
    list_display = ["at", "offer", "action", "reason", "actor"]
    list_filter = ["action"]
    list_select_related = ["offer", "actor"]
    date_hierarchy = "at"


@admin.register(Application)
class ApplicationAdmin(JournaledAdminMixin, ReadOnlyAdmin):
    """Staff look at applications to help (a dispute, a question); the employer handles them."""

    journal_reason = _("candidature consultée dans l'administration")
    list_display = ["offer", "business", "status", "created_at", "recruitment_ended_at"]
    list_filter = ["status", "pool_consent"]
    list_select_related = ["offer", "business"]
    fields = [
        "offer",
        "business",
        "candidate",
        "status",
        "pool_consent",
        "created_at",
        "status_changed_at",
        "last_contact_at",
        "recruitment_ended_at",
        "cv_filename",
        "cv_size",
    ]
    readonly_fields = fields

    def journal_subjects(self, obj):
        return [obj.candidate]

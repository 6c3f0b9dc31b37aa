"""The back office of the jobs app: sources of offers and their imports, the referential,
employers and training offers. Moderation of job offers is in ``publishing``."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.services.users import staff_permissions_add
from tremplin.core.admin import ReadOnlyAdmin

from .conf import sources_dir
from .models import Employer, ImportRun, OfferSource, RomeAppellation, RomeCode, TrainingOffer
from .services import offer_status_set, source_refresh_soon
from .services.sources import source_path_allowed

# The territory's staff configure sources, read imports and the referential, moderate trainings.
staff_permissions_add(
    [("jobs", f"{action}_offersource") for action in ("view", "add", "change", "delete")]
    + [
        ("jobs", f"view_{name}")
        for name in ("importrun", "employer", "romecode", "romeappellation")
    ]
    + [("jobs", "view_trainingoffer"), ("jobs", "change_trainingoffer")]
)


class OfferSourceForm(forms.ModelForm):
    url = forms.URLField(
        label=_("adresse (URL)"), required=False, max_length=1000, assume_scheme="https"
    )

    class Meta:
        model = OfferSource
        fields = [
            "label",
            "key",
            "format",
            "kind",
            "url",
            "path",
            "every",
            "full_refresh",
            "active",
        ]

    def clean(self):
        data = super().clean()
        url, path = data.get("url"), data.get("path")
        if bool(url) == bool(path):
            raise forms.ValidationError(
                _("Indiquez soit une adresse (URL), soit un fichier sur le serveur, pas les deux.")
            )
        if path and not source_path_allowed(path):
            self.add_error(
                "path",
                _("Le fichier doit se trouver dans le dossier %(folder)s.")
                % {"folder": sources_dir()},
            )
        return data


@admin.register(OfferSource)
class OfferSourceAdmin(admin.ModelAdmin):
    form = OfferSourceForm
    list_display = ["label", "key", "format", "every", "active", "last_run_at", "last_status"]
    list_filter = ["format", "active", "last_status"]
    search_fields = ["label", "key", "url"]
    readonly_fields = ["last_run_at", "last_status", "last_summary", "next_run_at"]
    actions = ["refresh_now"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.active and (
            not change or "active" in form.changed_data or "url" in form.changed_data
        ):
            source_refresh_soon(source=obj)

    @admin.action(description=_("Actualiser maintenant"))
    def refresh_now(self, request, queryset):
        for source in queryset.filter(active=True):
            source_refresh_soon(source=source)
        self.message_user(
            request, _("Actualisation demandée : elle se fait en arrière-plan."), messages.SUCCESS
        )


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = [
        "started_at",
        "source_name",
        "format",
        "read",
        "created",
        "updated",
        "merged",
        "withdrawn",
        "rejected",
        "failed",
    ]
    list_filter = ["failed", "format", "source_name"]
    fields = [
        "source_name",
        "format",
        "started_at",
        "finished_at",
        "failed",
        "message",
        "read",
        "created",
        "updated",
        "unchanged",
        "merged",
        "withdrawn",
        "rejected",
        "skipped",
        "issues_table",
    ]
    readonly_fields = fields

    @admin.display(description=_("problèmes relevés"))
    def issues_table(self, obj):
        if not obj.issues:
            return "—"
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            ((i["level"], i["position"], i["reason"]) for i in obj.issues),
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            _("type"),
            _("où"),
            _("pourquoi"),
            rows,
        )


@admin.register(RomeCode)
class RomeCodeAdmin(ReadOnlyAdmin):
    list_display = ["code", "label", "parent_code"]
    search_fields = ["code", "label"]


@admin.register(RomeAppellation)
class RomeAppellationAdmin(ReadOnlyAdmin):
    list_display = ["label", "rome"]
    search_fields = ["label", "rome__code"]
    list_select_related = ["rome"]


@admin.register(Employer)
class EmployerAdmin(ReadOnlyAdmin):
    list_display = ["name", "siret", "business", "created_at"]
    search_fields = ["name", "siret"]
    list_select_related = ["business"]


@admin.register(TrainingOffer)
class TrainingOfferAdmin(admin.ModelAdmin):
    """Trainings come from sources; staff may hide one (with a reason) or restore it."""

    list_display = ["title", "organisation", "commune", "teaching_mode", "start_date", "status"]
    list_filter = ["status", "teaching_mode"]
    search_fields = ["title", "organisation"]
    list_select_related = ["commune"]
    readonly_fields = [f.name for f in TrainingOffer._meta.fields if f.name != "moderation_reason"]
    actions = ["hide", "restore"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Masquer (le motif saisi dans la fiche est conservé)"))
    def hide(self, request, queryset):
        for training in queryset:
            offer_status_set(
                offer=training,
                status="hidden",
                reason=training.moderation_reason or str(_("Masquée par l'équipe du territoire")),
            )

    @admin.action(description=_("Rétablir"))
    def restore(self, request, queryset):
        for training in queryset:
            offer_status_set(offer=training, status="published")

"""Back office for the shared kernel: the territory's identity, and read-only reference data."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import Commune, DailyStat, Department, PeriodicRun, Region, SiteBranding
from tremplin.core.services import branding_set_logo, logo_prepare


class ReadOnlyAdmin(admin.ModelAdmin):
    """Reference and journal data: staff look, nobody edits by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# The back office shows the identity in this order; the form takes its fields from here.
BRANDING_FIELDSETS = [
    (_("Identité"), {"fields": ["name", "territory_name", "tagline"]}),
    (_("Logo"), {"fields": ["logo_preview", "logo_upload", "logo_remove"]}),
    (_("Couleurs"), {"fields": ["primary_color", "secondary_color"]}),
    (
        _("Mentions légales"),
        {
            "fields": [
                "publisher_name",
                "publisher_address",
                "publication_director",
                "host_name",
                "host_address",
                "contact_email",
                "dpo_email",
            ]
        },
    ),
    (_("Accessibilité"), {"fields": ["accessibility_status", "accessibility_audit_date"]}),
]
_FORM_ONLY = {"logo_preview", "logo_upload", "logo_remove"}


class BrandingForm(forms.ModelForm):
    logo_upload = forms.FileField(
        label=_("Nouveau logo"),
        required=False,
        help_text=_("PNG, JPEG ou WebP, 2 Mo au plus ; il sera réduit à 512 px."),
    )
    logo_remove = forms.BooleanField(label=_("Retirer le logo"), required=False)

    class Meta:
        model = SiteBranding
        fields = [
            name
            for _title, options in BRANDING_FIELDSETS
            for name in options["fields"]
            if name not in _FORM_ONLY
        ]

    def clean_logo_upload(self):
        upload = self.cleaned_data.get("logo_upload")
        if upload:
            data = upload.read()
            try:
                logo_prepare(data)
            except ValidationError as exc:
                raise ValidationError(exc.messages) from exc
            return data
        return None


@admin.register(SiteBranding)
class SiteBrandingAdmin(admin.ModelAdmin):
    form = BrandingForm
    readonly_fields = ["logo_preview"]
    fieldsets = BRANDING_FIELDSETS

    def has_add_permission(self, request):
        return not SiteBranding.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Logo actuel"))
    def logo_preview(self, obj):
        if not obj or not obj.logo_version:
            return _("aucun")
        from django.urls import reverse

        return format_html(
            '<img src="{}" alt="{}" height="64">',
            reverse("core:logo", args=[obj.logo_version]),
            obj.display_name,
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.cleaned_data.get("logo_remove"):
            branding_set_logo(branding=obj, data=None)
        elif form.cleaned_data.get("logo_upload"):
            branding_set_logo(branding=obj, data=form.cleaned_data["logo_upload"])


class PostalCodeInline(admin.TabularInline):
    from tremplin.core.models import PostalCode

    model = PostalCode
    extra = 0
    can_delete = False
    readonly_fields = ["code"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Commune)
class CommuneAdmin(ReadOnlyAdmin):
    list_display = ["name", "insee", "department", "population", "kind"]
    list_filter = ["kind", "department__region", "department"]
    search_fields = ["name", "insee", "postal_codes__code"]
    list_select_related = ["department"]
    inlines = [PostalCodeInline]


@admin.register(Department)
class DepartmentAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code"]


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ["code", "name"]
    search_fields = ["name", "code"]


@admin.register(PeriodicRun)
class PeriodicRunAdmin(ReadOnlyAdmin):
    list_display = ["job", "slot", "enqueued_at", "task_result_id"]
    list_filter = ["job"]
    date_hierarchy = "slot"


@admin.register(DailyStat)
class DailyStatAdmin(ReadOnlyAdmin):
    list_display = ["date", "metric", "dimension", "value"]
    list_filter = ["metric"]
    date_hierarchy = "date"

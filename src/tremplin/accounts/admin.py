"""The territory's back office for people and businesses.

Opening a person's or a business's page is a read of personal data: it is journaled. Lists are
journaled once per view, with the filters used.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import (
    AccessLogEntry,
    Business,
    BusinessLink,
    BusinessMembership,
    Follow,
    User,
)
from tremplin.accounts.models.journal import AccessLogEntry as Entry
from tremplin.accounts.services import access_record, user_set_role
from tremplin.core.admin import ReadOnlyAdmin
from tremplin.core.naf import sections

URL_FIELD = {models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}}


class JournaledAdminMixin:
    """Journal every opening of a record and every list of records."""

    journal_reason = _("consultation dans l'administration")

    def journal_subjects(self, obj):
        return [obj]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and request.method == "GET":
            for subject in self.journal_subjects(obj):
                access_record(
                    actor=request.user, subject=subject, obj=obj, reason=str(self.journal_reason)
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        filters = "&".join(f"{k}={v}" for k, v in request.GET.items())[:120]
        access_record(
            actor=request.user,
            action=Entry.Action.LIST,
            object_type=self.model._meta.label,
            reason=f"{self.journal_reason} — liste {filters}".strip(),
        )
        return super().changelist_view(request, extra_context)


class UserChangeForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "role", "language", "is_active"]


class UserCreationForm(forms.ModelForm):
    password1 = forms.CharField(
        label=_("Mot de passe"), widget=forms.PasswordInput, help_text=_("Au moins 12 caractères.")
    )

    class Meta:
        model = User
        fields = ["email", "role"]

    def clean_password1(self):
        from django.contrib.auth.password_validation import validate_password

        password = self.cleaned_data["password1"]
        validate_password(password)
        return password

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        user.is_staff = user.role == "staff"
        if commit:
            user.save()
        return user


@admin.register(User)
class UserAdmin(JournaledAdminMixin, DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    list_display = [
        "email",
        "first_name",
        "last_name",
        "role",
        "is_active",
        "date_joined",
        "last_login",
    ]
    list_filter = ["role", "is_active", "is_staff", "is_demo", "language", "date_joined"]
    search_fields = ["email", "first_name", "last_name"]
    ordering = ["email"]
    readonly_fields = ["date_joined", "last_login"]
    fieldsets = [
        (None, {"fields": ["email", "first_name", "last_name", "language"]}),
        (_("Rôle et accès"), {"fields": ["role", "is_active"]}),
        (_("Dates"), {"fields": ["date_joined", "last_login"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "role", "password1"]})]
    filter_horizontal = []

    def journal_subjects(self, obj):
        return [obj]

    def save_model(self, request, obj, form, change):
        # Back-office access follows the role (a database constraint checks it).
        obj.is_staff = obj.role == "staff" or obj.is_superuser
        super().save_model(request, obj, form, change)
        user_set_role(user=obj, role=obj.role)

    def has_delete_permission(self, request, obj=None):
        # People delete their own accounts; purges handle the rest. Superusers keep the power.
        return request.user.is_superuser


class NafSectionFilter(admin.SimpleListFilter):
    title = _("secteur (section NAF)")
    parameter_name = "section"

    def lookups(self, request, model_admin):
        return [(code, f"{code} — {label}") for code, label in sections().items()]

    def queryset(self, request, queryset):
        return queryset.filter(naf_section=self.value()) if self.value() else queryset


class MembershipInline(admin.TabularInline):
    model = BusinessMembership
    extra = 0
    autocomplete_fields = ["user"]
    verbose_name = _("gérant")
    verbose_name_plural = _("gérants")


class LinkInline(admin.TabularInline):
    model = BusinessLink
    extra = 0
    formfield_overrides = URL_FIELD


@admin.register(Business)
class BusinessAdmin(JournaledAdminMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "commune",
        "naf_code",
        "size_band",
        "sells_online",
        "is_artisan",
        "created_at",
    ]
    list_filter = [
        NafSectionFilter,
        "size_band",
        "sells_online",
        "is_artisan",
        ("commune__department", admin.RelatedOnlyFieldListFilter),
        "is_demo",
    ]
    search_fields = ["name", "siret", "naf_code", "commune__name", "commune__postal_codes__code"]
    list_select_related = ["commune"]
    autocomplete_fields = ["commune"]
    readonly_fields = ["naf_section", "created_at", "updated_at"]
    inlines = [MembershipInline, LinkInline]
    formfield_overrides = URL_FIELD
    date_hierarchy = "created_at"

    def journal_subjects(self, obj):
        return [m.user for m in obj.memberships.select_related("user")]


@admin.register(Follow)
class FollowAdmin(JournaledAdminMixin, admin.ModelAdmin):
    list_display = ["business", "mediator", "status", "requested_at", "started_on", "ended_on"]
    list_filter = ["status", "started_on"]
    search_fields = ["business__name", "mediator__email", "mediator__last_name"]
    list_select_related = ["business", "mediator"]
    readonly_fields = [f.name for f in Follow._meta.fields]

    def journal_subjects(self, obj):
        return [m.user for m in obj.business.memberships.select_related("user")]

    def has_add_permission(self, request):
        return False  # a follow-up starts with a request and the owner's consent, not here

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin):
    list_display = [
        "at",
        "actor_label",
        "actor_role",
        "action",
        "object_type",
        "object_label",
        "reason",
    ]
    list_filter = ["action", "actor_role", "object_type"]
    search_fields = ["actor_label", "object_label", "reason"]
    date_hierarchy = "at"

"""How allauth fits Tremplin: roles at sign-up, branded e-mails, our redirects."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from tremplin.accounts.models import Role
from tremplin.core.selectors import branding_get
from tremplin.core.services import stat_increment


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        role = form.cleaned_data.get("role")
        user.role = role if role in {Role.BUSINESS_OWNER, Role.JOB_SEEKER} else Role.BUSINESS_OWNER
        user.language = (translation.get_language() or "fr")[:2]
        if commit:
            user.save()
            stat_increment("accounts.signup", user.role)
        return user

    def send_mail(self, template_prefix, email, context):
        context = {**context, "branding": branding_get()}
        super().send_mail(template_prefix, email, context)

"""Mediators and staff read other people's data: they must set up a second factor first."""

from __future__ import annotations

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

ALLOWED_PREFIXES = ("/compte/", "/static/", "/i18n/", "/theme.css", "/logo-", "/sante/")


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.needs_second_factor
            and not request.path.startswith(ALLOWED_PREFIXES)
            and not is_mfa_enabled(user)
        ):
            messages.warning(
                request,
                _(
                    "Votre rôle donne accès aux données d'autres personnes : activez la validation "
                    "en deux étapes avec une application d'authentification pour continuer."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

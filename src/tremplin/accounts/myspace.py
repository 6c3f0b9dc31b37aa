"""The accounts app's sections of « Mon espace »."""

from django.utils.translation import gettext_lazy as _

from tremplin.accounts import selectors
from tremplin.accounts.models import Role
from tremplin.accounts.spaces import Section, section_register


def _account(request):
    from allauth.mfa.utils import is_mfa_enabled

    return {"mfa_enabled": is_mfa_enabled(request.user)}


def _businesses(request):
    if request.user.role != Role.BUSINESS_OWNER:
        return None
    return {
        "businesses": list(selectors.businesses_of(request.user)),
        "pending_follows": list(selectors.pending_follows_for_owner(request.user)),
    }


def _mediation(request):
    if request.user.role != Role.MEDIATOR:
        return None
    follows = list(selectors.follows_of_mediator(request.user))
    return {
        "active": [f for f in follows if f.status == "active"],
        "pending": [f for f in follows if f.status == "pending"],
    }


def _staff(request):
    return {} if request.user.is_staff else None


section_register(
    Section(
        key="staff",
        title=_("Administration du territoire"),
        template="accounts/sections/staff.html",
        context=_staff,
        order=5,
    )
)
section_register(
    Section(
        key="businesses",
        title=_("Mes entreprises"),
        template="accounts/sections/businesses.html",
        context=_businesses,
        order=20,
    )
)
section_register(
    Section(
        key="mediation",
        title=_("Mes accompagnements"),
        template="accounts/sections/mediation.html",
        context=_mediation,
        order=20,
    )
)
section_register(
    Section(
        key="account",
        title=_("Mon compte"),
        template="accounts/sections/account.html",
        context=_account,
        order=900,
    )
)

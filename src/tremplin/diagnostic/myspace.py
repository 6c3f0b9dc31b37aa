"""The diagnostic's sections of « Mon espace »: history for owners, assisted diagnostics for
mediators, statistics for the territory's staff."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Role
from tremplin.accounts.selectors import followed_businesses
from tremplin.accounts.spaces import Section, section_register
from tremplin.diagnostic import selectors


def _history_rows(diagnostics) -> list[dict]:
    rows = []
    completed = [d for d in diagnostics if d.is_completed]
    for diagnostic in diagnostics:
        row = {"diagnostic": diagnostic, "url": reverse("diagnostic:result", args=[diagnostic.pk])}
        if diagnostic.is_completed:
            questionnaire = diagnostic.version.questionnaire
            level = next((v for v in questionnaire.levels if v.key == diagnostic.level), None)
            row["level"] = level.label if level else diagnostic.level
            index = completed.index(diagnostic)
            older = completed[index + 1] if index + 1 < len(completed) else None
            row["delta"] = diagnostic.overall_score - older.overall_score if older else None
        rows.append(row)
    return rows


def _owner(request):
    if request.user.role != Role.BUSINESS_OWNER:
        return None
    return {
        "businesses": [
            {"business": business, "rows": _history_rows(diagnostics)}
            for business, diagnostics in selectors.owner_histories(request.user)
        ]
    }


def _mediator(request):
    if request.user.role != Role.MEDIATOR:
        return None
    businesses = list(followed_businesses(request.user).order_by("name"))
    visible = selectors.visible_to_mediator(request.user, businesses)
    return {
        "businesses": [
            {
                "business": b,
                "diagnostics": [
                    {"diagnostic": d, "url": reverse("diagnostic:result", args=[d.pk])}
                    for d in visible.get(b.pk, [])
                ],
            }
            for b in businesses
        ]
    }


def _staff(request):
    return {} if request.user.is_staff else None


section_register(
    Section(
        key="diagnostic",
        title=_("Mon diagnostic numérique"),
        template="diagnostic/sections/owner.html",
        context=_owner,
        order=30,
    )
)
section_register(
    Section(
        key="diagnostic_assisted",
        title=_("Diagnostics assistés"),
        template="diagnostic/sections/mediator.html",
        context=_mediator,
        order=25,
    )
)
section_register(
    Section(
        key="diagnostic_territory",
        title=_("Diagnostic numérique du territoire"),
        template="diagnostic/sections/staff.html",
        context=_staff,
        order=6,
    )
)

"""Small display helpers of offer and training pages (formatting only, no queries)."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from tremplin.jobs.models import SalaryPeriod

register = template.Library()


def _amount(value: Decimal) -> str:
    number = formats.number_format(
        value, decimal_pos=0 if value == int(value) else 2, use_l10n=True, force_grouping=True
    )
    return f"{number} €"


@register.filter
def salary(offer) -> str:
    """ "1 850 € par mois", "32 000 – 38 000 € par an", or the source's own words."""
    if offer.salary_min is None:
        return offer.salary_label
    period = dict(SalaryPeriod.choices).get(offer.salary_period, "")
    low, high = (
        offer.salary_min,
        offer.salary_max if offer.salary_max is not None else offer.salary_min,
    )
    if low == high:
        return f"{_amount(low)} {period}".strip()
    return _("de %(low)s à %(high)s %(period)s") % {
        "low": _amount(low),
        "high": _amount(high),
        "period": period,
    }


@register.filter
def experience(offer) -> str:
    months = offer.experience_months
    if months is None:
        return offer.experience_label
    if months == 0:
        return _("Débutant accepté")
    if months % 12 == 0:
        years = months // 12
        return (
            _("%(n)s an d'expérience") % {"n": years}
            if years == 1
            else _("%(n)s ans d'expérience") % {"n": years}
        )
    return _("%(n)s mois d'expérience") % {"n": months}


@register.filter
def place(offer) -> str:
    if offer.commune_id:
        return offer.commune.name
    if offer.department_id:
        return str(offer.department)
    return offer.location_label


@register.filter
def km(value) -> str:
    if value is None:
        return ""
    if value < 1:
        return _("sur place")
    return _("à %(km)s km") % {"km": formats.number_format(value, decimal_pos=0)}

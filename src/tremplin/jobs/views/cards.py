"""Result cards and filters of the search pages, rendered in Python.

A results page shows twenty cards and some fifty filter options; through Django templates
(an include per card and per count, translations and formats looked up again for each) that
was most of the time of the page, and ``format_html`` itself costs a lazy-string check per
value. Here the labels are looked up once per language, and every value from the database or
a label goes through ``e()`` (the standard library's HTML escaping): the output is as safe as a
template's. Highlighted titles and snippets arrive already escaped (SafeString).
"""

from __future__ import annotations

from functools import lru_cache

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dates import MONTHS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from tremplin.core.markup import e

from ..models import ContractType, Funding, Remote, SalaryPeriod, TeachingMode, WorkingTime


@lru_cache(maxsize=8)
def _labels(language: str) -> dict:
    return {
        "contract": {k: str(v) for k, v in ContractType.choices},
        "time": {k: str(v) for k, v in WorkingTime.choices},
        "remote": {k: str(v) for k, v in Remote.choices},
        "period": {k: str(v) for k, v in SalaryPeriod.choices},
        "mode": {k: str(v) for k, v in TeachingMode.choices},
        "funding": {k: str(v) for k, v in Funding.choices},
        "months": {k: str(v) for k, v in MONTHS.items()},
        "thousands": formats.get_format("THOUSAND_SEPARATOR"),
        "decimal": formats.get_format("DECIMAL_SEPARATOR"),
        "published": _("Publiée le %(date)s"),
        "next": _("Prochaine session : %(date)s"),
        "anytime": _("Entrée possible toute l'année ou dates à demander"),
        "between": _("de %(low)s à %(high)s %(period)s"),
        "here": _("sur place"),
        "km": _("à %(km)s km"),
        "distance": _("à distance"),
        "certifying": _("Certifiante"),
        "results": _("résultats"),
    }


def labels() -> dict:
    return _labels(get_language() or "fr")


def day(value, names: dict, tz) -> str:
    """A date as "3 mars 2026"; ``tz``: the current time zone, looked up once per page."""
    local = value.astimezone(tz) if hasattr(value, "hour") else value
    return f"{local.day} {names['months'][local.month]} {local.year}"


def amount(value, names: dict) -> str:
    whole = int(value)
    text = f"{whole:,}".replace(",", names["thousands"])
    if value != whole:
        text += names["decimal"] + f"{value:.2f}".split(".")[1]
    return f"{text} €"


def salary(row: dict, names: dict) -> str:
    low, high = row["salary_min"], row["salary_max"]
    if low is None:
        return row["salary_label"]
    period = names["period"].get(row["salary_period"], "")
    high = low if high is None else high
    if low == high:
        return f"{amount(low, names)} {period}".strip()
    return names["between"] % {
        "low": amount(low, names),
        "high": amount(high, names),
        "period": period,
    }


def _distance(km, names: dict) -> str:
    if km is None:
        return ""
    return f" ({names['here'] if km < 1 else names['km'] % {'km': round(km)}})"


def _tags(tags) -> str:
    return " ".join(
        f'<span class="tag{" tag--plain" if plain else ""}">{e(text)}</span>'
        for text, plain in tags
        if text
    )


@lru_cache(maxsize=16)
def _url_pattern(name: str, prefix: str) -> str:
    """ "/emplois/{pk}-{slug}/" from one ``reverse`` (per page: twenty cards)."""
    sample = reverse(name, kwargs={"pk": 123456789, "slug": "slug-modele"})
    return sample.replace("123456789", "{pk}").replace("slug-modele", "{slug}")


def detail_pattern(name: str) -> str:
    """The address of a detail page with ``{pk}`` and ``{slug}`` to fill (once per page)."""
    from django.urls import get_script_prefix

    return _url_pattern(name, get_script_prefix())


def _card(url: str, item: dict, meta: str, tags: list, footer: str) -> str:
    snippet = f'<p class="result__snippet">{e(item["snippet"])}</p>' if item["snippet"] else ""
    return (
        f'<li class="card result"><h3><a class="card__link" href="{e(url)}">{e(item["title"])}'
        f'</a></h3><p class="card__meta">{e(meta)}</p><p class="result__tags">{_tags(tags)}</p>'
        f'{snippet}<p class="card__meta">{e(footer)}</p></li>'
    )


def offer_cards(items: list[dict]) -> SafeString:
    names = labels()
    tz = timezone.get_current_timezone()
    detail = detail_pattern("jobs:offer_detail")
    cards = []
    for item in items:
        row = item["object"]
        place = row["commune__name"] or row["department__name"] or row["location_label"]
        meta = f"{row['employer__name']} — {place}" if row["employer__name"] else place
        tags = [
            (names["contract"].get(row["contract_type"], ""), False),
            (names["time"].get(row["working_time"], ""), True),
            (names["remote"].get(row["remote"], "") if row["remote"] != "none" else "", True),
            (salary(row, names), True),
        ]
        footer = names["published"] % {"date": day(row["published_at"], names, tz)}
        if row["sources"] > 1:
            footer += " · " + ngettext(
                "%(count)s source", "publiée par %(count)s sources", row["sources"]
            ) % {"count": row["sources"]}
        url = detail.format(pk=row["pk"], slug=row["slug"])
        cards.append(_card(url, item, meta + _distance(item["distance"], names), tags, footer))
    return mark_safe("".join(cards))  # every value escaped by e()


def training_cards(items: list[dict]) -> SafeString:
    names = labels()
    tz = timezone.get_current_timezone()
    detail = detail_pattern("jobs:training_detail")
    cards = []
    for item in items:
        row = item["object"]
        if row["teaching_mode"] == "distance":
            place = names["distance"]
        else:
            place = row["commune__name"] or row["department__name"] or row["location_label"]
            place += _distance(item["distance"], names)
        tags = [(names["mode"].get(row["teaching_mode"], ""), True)]
        if row["is_certifying"]:
            tags.append((names["certifying"], False))
        tags += [(names["funding"].get(code, ""), True) for code in row["funding"]]
        if row["start_date"]:
            footer = names["next"] % {"date": day(row["start_date"], names, tz)}
        else:
            footer = names["anytime"]
        if row["duration_hours"]:
            footer += " · " + ngettext(
                "%(count)s heure", "%(count)s heures", row["duration_hours"]
            ) % {"count": row["duration_hours"]}
        url = detail.format(pk=row["pk"], slug=row["slug"])
        cards.append(_card(url, item, f"{row['organisation']} — {place}", tags, footer))
    return mark_safe("".join(cards))  # every value escaped by e()


_choice_labels: dict = {}


def choices(field) -> list[tuple[str, str]]:
    """A field's choices with their labels translated, once per set of choices and language.

    Two fields may have the same values with other labels (the offers' and the trainings'
    sorts): the key holds the labels themselves, by identity (translating them to compare
    them is the work this saves), and the entry keeps them alive so that no other object can
    take their identity.
    """
    pairs = field.choices
    key = (tuple((str(v), id(label)) for v, label in pairs), get_language())
    entry = _choice_labels.get(key)
    if entry is None:
        if len(_choice_labels) > 100:
            _choice_labels.clear()
        entry = _choice_labels[key] = ([(str(v), str(label)) for v, label in pairs], list(pairs))
    return entry[0]


def select_options(field, selected) -> SafeString:
    """A select's ``<option>`` list, labels translated once per language (the template loop
    cost a lazy translation and three lookups per option on every results page)."""
    chosen = str(selected)
    options = []
    for value, label in choices(field):
        mark = " selected" if value == chosen else ""
        options.append(f'<option value="{e(value)}"{mark}>{e(label)}</option>')
    return mark_safe("".join(options))  # every value escaped by e()


def _count(option, names: dict, *, oob: bool = False) -> str:
    zero = "" if option.count else " facet__count--zero"
    swap = ' hx-swap-oob="true"' if oob else ""
    return (
        f'<span class="facet__count{zero}" id="count-{e(option.id)}"{swap}>{int(option.count)}'
        f'<span class="visually-hidden"> {e(names["results"])}</span></span>'
    )


def facet_filters(groups) -> SafeString:
    names = labels()
    parts = []
    for group in groups:
        options = []
        for o in group.options:
            count = f" {_count(o, names)}" if o.count is not None else ""
            checked = " checked" if o.checked else ""
            options.append(
                f'<li class="choice"><label for="{e(o.id)}"><input type="{group.kind}" '
                f'name="{e(group.name)}" value="{e(o.value)}" id="{e(o.id)}"{checked}> '
                f"<span>{e(o.label)}{count}</span></label></li>"
            )
        parts.append(
            f'<fieldset class="facet"><legend>{e(group.legend)}</legend>'
            f'<ul class="choices">{"".join(options)}</ul></fieldset>'
        )
    return mark_safe("".join(parts))  # every value escaped by e()


def facet_counts_oob(groups) -> SafeString:
    """The counts alone, for htmx to put in place next to the filters (out of band)."""
    names = labels()
    return mark_safe(  # every value escaped by e()
        "".join(
            _count(o, names, oob=True)
            for group in groups
            for o in group.options
            if o.count is not None
        )
    )

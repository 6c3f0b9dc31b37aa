"""The search forms of /emplois/ and /formations/: they read the query string, never write.

Parameter names are French and short, as they appear in addresses people share:
``q``, ``commune``, ``rayon``, ``contrat``, ``temps``, ``teletravail``, ``domaine``,
``departement``, ``depuis``, ``tri``, ``page`` (and for trainings ``modalite``,
``financement``, ``certifiante``, ``debut``).
"""

from __future__ import annotations

import re
import time
from functools import lru_cache

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from tremplin.core import forms as shared
from tremplin.core.forms import CommuneField
from tremplin.core.i18n import lazy_percent
from tremplin.core.models import Department
from tremplin.core.selectors import commune_by_insee
from tremplin.core.territory import current_territory

from .models import ROME_DOMAINS, ContractType, Funding, Remote, TeachingMode, WorkingTime
from .search.params import (
    DEFAULT_RADIUS,
    MAX_PAGE,
    RADIUS_CHOICES,
    SINCE_CHOICES,
    STARTS_CHOICES,
    OfferSearch,
    TrainingSearch,
)

RADIUS = [(r, lazy_percent(_("%(km)s km"), {"km": r})) for r in RADIUS_CHOICES]


_territory_codes: tuple[float, tuple[str, ...]] = (0.0, ())


def _departments():
    """The territory's départements, looked up at most once a minute (finding the territory
    counts the communes, a query we need not pay on every search)."""
    global _territory_codes
    stamp, codes = _territory_codes
    if time.monotonic() - stamp > 60:
        codes = current_territory().department_codes
        _territory_codes = (time.monotonic(), codes)
    return _departments_of(codes)


@lru_cache(maxsize=4)
def _departments_of(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    """The territory's départements (cached: the geography changes with `geo load` only)."""
    return [(d.code, f"{d.name} ({d.code})") for d in Department.objects.filter(code__in=codes)]


_INSEE = re.compile(r"^(\d[\dAB]\d{3})$")


def _commune_by_code(data) -> None:
    """Shared links (alerts, feeds, "similar offers") name the commune by its INSEE code:
    take it as the chosen commune, without a text search among all communes."""
    text = (data.get("commune") or "").strip()
    if data.get("commune_code") or not _INSEE.match(text):
        return
    commune = commune_by_insee(text)
    if commune is not None:
        data["commune"] = commune.label
        data["commune_code"] = commune.insee


class _SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Quoi ?"),
        required=False,
        max_length=200,
        help_text=_("Un métier, un mot-clé, une entreprise"),
    )
    commune = CommuneField(
        label=_("Où ?"),
        required=False,
        help_text=_("Commune ou code postal"),
    )
    rayon = shared.TypedChoiceField(
        label=_("Dans un rayon de"),
        choices=RADIUS,
        coerce=int,
        required=False,
        empty_value=DEFAULT_RADIUS,
    )
    domaine = shared.MultipleChoiceField(
        label=_("Domaine"),
        required=False,
        choices=[(k, v) for k, v in ROME_DOMAINS.items()],
        widget=forms.CheckboxSelectMultiple,
    )
    departement = shared.MultipleChoiceField(
        label=_("Département"), required=False, widget=forms.CheckboxSelectMultiple
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data, **kwargs):
        # Always bound (a search page with no parameters is a valid, empty search), with the
        # defaults the page shows. A shallow copy: QueryDict.copy() is a deep one.
        data = (
            MultiValueDict({key: list(values) for key, values in data.lists()})
            if hasattr(data, "lists")
            else dict(data)
        )
        if not data.get("rayon"):
            data["rayon"] = str(DEFAULT_RADIUS)
        if not data.get("tri"):
            data["tri"] = "relevance"
        _commune_by_code(data)
        super().__init__(data, **kwargs)
        self.fields["departement"].choices = _departments()

    def common_params(self) -> dict:
        """The parameters both searches share: words, place, domain, département, sort, page."""
        self.is_valid()
        return {
            "q": (self.value("q", "") or "").strip(),
            "commune": self.value("commune"),
            "radius": self.value("rayon", DEFAULT_RADIUS),
            "domain": tuple(self.value("domaine", ())),
            "department": tuple(self.value("departement", ())),
            "sort": self.value("tri", "relevance"),
            "page": self.value("page", 1),
        }

    def value(self, name, default=None):
        """A cleaned value, or ``default`` when that field was invalid (the rest still works)."""
        if name in self.errors or not hasattr(self, "cleaned_data"):
            return default
        return self.cleaned_data.get(name, default) or default


class OfferSearchForm(_SearchForm):
    contrat = shared.MultipleChoiceField(
        label=_("Type de contrat"),
        required=False,
        choices=ContractType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    temps = shared.MultipleChoiceField(
        label=_("Temps de travail"),
        required=False,
        choices=WorkingTime.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    teletravail = shared.MultipleChoiceField(
        label=_("Télétravail"),
        required=False,
        choices=Remote.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    depuis = shared.TypedChoiceField(
        label=_("Publiée depuis"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Peu importe"))]
        + [
            (d, _("%(days)s jours") % {"days": d} if d > 1 else _("24 heures"))
            for d in SINCE_CHOICES
        ],
        widget=forms.RadioSelect,
    )
    tri = shared.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[
            ("relevance", _("Pertinence")),
            ("date", _("Date de publication")),
            ("distance", _("Distance")),
        ],
    )

    def params(self) -> OfferSearch:
        return OfferSearch(
            **self.common_params(),
            contract=tuple(self.value("contrat", ())),
            time=tuple(self.value("temps", ())),
            remote=tuple(self.value("teletravail", ())),
            since=self.value("depuis"),
        )


class TrainingSearchForm(_SearchForm):
    modalite = shared.MultipleChoiceField(
        label=_("Modalité"),
        required=False,
        choices=TeachingMode.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    financement = shared.MultipleChoiceField(
        label=_("Financement"),
        required=False,
        choices=Funding.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    certifiante = shared.MultipleChoiceField(
        label=_("Certification"),
        required=False,
        choices=[("1", _("Certifiante")), ("0", _("Non certifiante"))],
        widget=forms.CheckboxSelectMultiple,
    )
    debut = shared.TypedChoiceField(
        label=_("Prochaine session"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Peu importe"))]
        + [(d, lazy_percent(_("dans les %(days)s jours"), {"days": d})) for d in STARTS_CHOICES],
        widget=forms.RadioSelect,
    )
    tri = shared.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[
            ("relevance", _("Pertinence")),
            ("date", _("Prochaine session")),
            ("distance", _("Distance")),
        ],
    )

    def params(self) -> TrainingSearch:
        return TrainingSearch(
            **self.common_params(),
            mode=tuple(self.value("modalite", ())),
            funding=tuple(self.value("financement", ())),
            certifying=tuple(self.value("certifiante", ())),
            starts_within=self.value("debut"),
        )

"""The embeddable widget: which offers it shows, and the <iframe> code staff hand out.

A région or a city puts the widget on its own site with an <iframe>. The widget page is the
only page of the platform that may be framed, and only by the origins the territory lists in
FRAME_ANCESTORS (plus the platform itself, for the preview).
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from csp.constants import SELF
from csp.decorators import csp_replace
from django import forms
from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_exempt

from tremplin.core.forms import CommuneField
from tremplin.core.models import Department, Region
from tremplin.jobs.models import ContractType
from tremplin.jobs.publishing import conf

RADIUS_CHOICES = (5, 10, 20, 30, 50, 100)


def framable(view):
    """Let the territory's partner sites frame this view, and nothing else.

    The policy is read from the settings at each request (django-csp's per-view decorator,
    applied late), so a change of FRAME_ANCESTORS needs no code change.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        ancestors = [SELF, *settings.FRAME_ANCESTORS]
        decorated = xframe_options_exempt(csp_replace({"frame-ancestors": ancestors})(view))
        return decorated(request, *args, **kwargs)

    return wrapped


def widget_search_params(params) -> tuple[QueryDict, int, str]:
    """The search parameters of a widget address, its number of offers and its title.

    ``region`` becomes the list of its départements; everything else is the search page's own
    parameters.
    """
    search = QueryDict(mutable=True)
    for key in ("q", "commune", "rayon", "contrat", "temps", "teletravail", "domaine"):
        for value in params.getlist(key):
            search.appendlist(key, value)
    departments = list(params.getlist("departement"))
    region = params.get("region", "")
    if region:
        departments += list(
            Department.objects.filter(region__code=region).values_list("code", flat=True)
        )
    for code in sorted(set(departments)):
        search.appendlist("departement", code)
    count = params.get("n", "")
    maximum = conf.value("JOBS_WIDGET_MAX_ITEMS")
    count = min(int(count), maximum) if count.isdigit() and int(count) > 0 else 5
    title = (params.get("titre") or "").strip()[:80] or _("Offres d'emploi")
    return search, count, title


class SnippetForm(forms.Form):
    PLACE_CHOICES = [
        ("region", gettext_lazy("Une région")),
        ("departement", gettext_lazy("Un département")),
        ("commune", gettext_lazy("Autour d'une commune")),
    ]
    title = forms.CharField(
        label=gettext_lazy("Titre affiché"),
        max_length=80,
        initial=gettext_lazy("Offres d'emploi près de chez vous"),
    )
    place = forms.ChoiceField(
        label=gettext_lazy("Offres de"),
        choices=PLACE_CHOICES,
        widget=forms.RadioSelect,
        initial="region",
    )
    region = forms.ChoiceField(label=gettext_lazy("Région"), required=False, choices=())
    department = forms.ChoiceField(label=gettext_lazy("Département"), required=False, choices=())
    commune = CommuneField(required=False)
    radius = forms.TypedChoiceField(
        label=gettext_lazy("Rayon autour de la commune"),
        coerce=int,
        choices=[(r, f"{r} km") for r in RADIUS_CHOICES],
        initial=20,
    )
    q = forms.CharField(
        label=gettext_lazy("Mots-clés (facultatif)"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("Par exemple « vente » ou « aide à domicile »."),
    )
    contract = forms.MultipleChoiceField(
        label=gettext_lazy("Contrats (facultatif)"),
        required=False,
        choices=ContractType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    count = forms.IntegerField(
        label=gettext_lazy("Nombre d'offres"), min_value=1, max_value=20, initial=5
    )
    height = forms.IntegerField(
        label=gettext_lazy("Hauteur du cadre (pixels)"), min_value=200, max_value=2000, initial=600
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", "—")] + [
            (r.code, r.name) for r in Region.objects.order_by("name")
        ]
        self.fields["department"].choices = [("", "—")] + [
            (d.code, f"{d.code} — {d.name}") for d in Department.objects.order_by("code")
        ]

    def clean(self):
        data = super().clean()
        place = data.get("place")
        needed = {"region": "region", "departement": "department", "commune": "commune"}.get(place)
        if needed and not data.get(needed):
            self.add_error(needed, _("Choisissez-la pour ce type de widget."))
        return data

    def query(self) -> str:
        data = self.cleaned_data
        pairs: list[tuple[str, str]] = [("titre", data["title"]), ("n", str(data["count"]))]
        if data["place"] == "region":
            pairs.append(("region", data["region"]))
        elif data["place"] == "departement":
            pairs.append(("departement", data["department"]))
        else:
            pairs += [("commune", data["commune"].insee), ("rayon", str(data["radius"]))]
        if data.get("q"):
            pairs.append(("q", data["q"]))
        pairs += [("contrat", c) for c in data.get("contract") or []]
        return urlencode(pairs)


def snippet(*, src: str, title: str, height: int) -> str:
    """The HTML a partner pastes: an <iframe> with a title (for screen readers), lazy-loaded,
    sending no more than the origin as referrer."""
    return format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" loading="lazy" '
        'referrerpolicy="strict-origin-when-cross-origin"></iframe>',
        src,
        title,
        height,
    )


def widget_url(query: str) -> str:
    return settings.SITE_URL + reverse("jobs:widget") + "?" + query

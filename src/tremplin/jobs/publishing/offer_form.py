"""The form employers fill in to post an offer, and the text-to-HTML of its description.

Employers write plain text (blank lines between paragraphs, "- " for lists, **bold**): it is
rendered with markdown-it (raw HTML off) and cleaned with nh3, so what reaches the page is a
handful of safe tags whatever was typed.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, time
from decimal import Decimal, InvalidOperation

import nh3
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

from tremplin.core.forms import CommuneField
from tremplin.core.normalize import fold
from tremplin.jobs.models import ContractType, Remote, RomeAppellation, SalaryPeriod, WorkingTime
from tremplin.jobs.publishing.services.employer import OfferValues

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em"}
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(
    ["image", "link", "heading", "code", "fence", "html_block", "html_inline", "table"],
    ignoreInvalid=True,
)
EXPERIENCE_CHOICES = [
    ("", _("Non précisée")),
    ("0", _("Débutant·e accepté·e")),
    ("12", _("1 an")),
    ("24", _("2 ans")),
    ("36", _("3 ans")),
    ("60", _("5 ans ou plus")),
]
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_AMOUNT = re.compile(r"^\d+(?:\.\d{1,2})?$")


def description_html(text: str) -> str:
    return nh3.clean(_markdown.render(text or ""), tags=ALLOWED_TAGS, attributes={}).strip()


def description_text(markup: str) -> str:
    """Back from the stored HTML to the text the employer edits."""
    text = re.sub(r"<li>\s*", "- ", markup or "")
    text = re.sub(r"</?strong>", "**", text)
    text = re.sub(r"</?em>", "*", text)
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"</(p|li|ul|ol)>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return html.unescape(text).strip()


def parse_amount(value: str) -> Decimal | None:
    """ "1 900", "1900,50 €", "1.900" → Decimal; empty → None; words → a clear refusal."""
    text = _SPACES.sub("", (value or "").lower())
    for unit in ("€", "euros", "euro", "eur", "brut", "net"):
        text = text.replace(unit, "")
    if not text:
        return None
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):  # 1.900: a thousands separator
        text = text.replace(".", "")
    text = text.replace(",", ".")
    if not _AMOUNT.match(text):
        raise forms.ValidationError(
            _(
                "« %(value)s » n'est pas un montant. Écrivez un nombre en euros, par exemple "
                "« 1 900 », ou laissez la case vide si le salaire est à négocier."
            ),
            code="amount",
            params={"value": value.strip()},
        )
    try:
        amount = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern above prevents it
        raise forms.ValidationError(_("Montant illisible."), code="amount") from exc
    if amount <= 0 or amount >= Decimal("100000000"):
        raise forms.ValidationError(_("Ce montant n'est pas plausible."), code="amount")
    return amount


class EmployerOfferForm(forms.Form):
    business = forms.ChoiceField(label=_("Entreprise qui recrute"), choices=())
    title = forms.CharField(
        label=_("Intitulé du poste"),
        max_length=200,
        help_text=_("Par exemple « Vendeur ou vendeuse en boulangerie »."),
        error_messages={"required": _("Une offre doit avoir un intitulé.")},
    )
    job_title = forms.CharField(
        label=_("Métier dans le répertoire ROME (facultatif)"),
        required=False,
        max_length=255,
        help_text=_(
            "L'intitulé officiel du métier, pour que l'offre apparaisse dans les bonnes "
            "recherches et formations. Par exemple « Vendeur / Vendeuse en boulangerie »."
        ),
    )
    description = forms.CharField(
        label=_("Description du poste"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=8000,
        help_text=_(
            "Missions, horaires, qualités attendues. Laissez une ligne vide entre deux "
            "paragraphes ; commencez une ligne par « - » pour une liste."
        ),
    )
    commune = CommuneField(territory_only=True, label=_("Commune du poste"))
    contract_type = forms.ChoiceField(
        label=_("Type de contrat"), choices=[("", "—"), *ContractType.choices]
    )
    working_time = forms.ChoiceField(
        label=_("Temps de travail"), choices=[("", "—"), *WorkingTime.choices], required=False
    )
    working_hours = forms.CharField(
        label=_("Horaires (facultatif)"), required=False, max_length=200
    )
    salary_min = forms.CharField(
        label=_("Salaire minimum (€)"),
        required=False,
        max_length=30,
        help_text=_(
            "En chiffres, par exemple « 1 900 ». Laissez vide si le salaire est à négocier."
        ),
    )
    salary_max = forms.CharField(label=_("Salaire maximum (€)"), required=False, max_length=30)
    salary_period = forms.ChoiceField(
        label=_("Le salaire est"), choices=[("", "—"), *SalaryPeriod.choices], required=False
    )
    experience_months = forms.ChoiceField(
        label=_("Expérience demandée"), choices=EXPERIENCE_CHOICES, required=False
    )
    remote = forms.ChoiceField(
        label=_("Télétravail"), choices=[("", "—"), *Remote.choices], required=False
    )
    positions = forms.IntegerField(
        label=_("Nombre de postes"), min_value=1, max_value=99, initial=1
    )
    expires_on = forms.DateField(
        label=_("Date limite pour postuler (facultatif)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, businesses, **kwargs):
        super().__init__(*args, **kwargs)
        self.businesses = {str(b.pk): b for b in businesses}
        self.fields["business"].choices = [(str(b.pk), b.name) for b in businesses]
        if len(businesses) == 1:
            self.fields["business"].initial = str(businesses[0].pk)
            self.fields["business"].widget = forms.HiddenInput()

    def clean_salary_min(self):
        return parse_amount(self.cleaned_data.get("salary_min", ""))

    def clean_salary_max(self):
        return parse_amount(self.cleaned_data.get("salary_max", ""))

    def clean_job_title(self):
        text = (self.cleaned_data.get("job_title") or "").strip()
        if not text:
            return None
        folded = fold(text)
        found = RomeAppellation.objects.select_related("rome").filter(search_label=folded).first()
        if found is None:
            found = (
                RomeAppellation.objects.select_related("rome")
                .filter(search_label__startswith=folded)
                .order_by("label")
                .first()
            )
        if found is None:
            raise forms.ValidationError(
                _(
                    "« %(text)s » ne figure pas dans le répertoire des métiers. Essayez un autre "
                    "intitulé ou laissez la case vide."
                ),
                params={"text": text},
                code="rome",
            )
        return found

    def clean_description(self):
        rendered = description_html(self.cleaned_data.get("description", ""))
        if not rendered:
            raise forms.ValidationError(_("Décrivez le poste en quelques lignes."))
        return rendered

    def clean_expires_on(self):
        day = self.cleaned_data.get("expires_on")
        if day and day <= timezone.localdate():
            raise forms.ValidationError(_("La date limite doit être dans le futur."))
        return day

    def clean(self):
        data = super().clean()
        low, high = data.get("salary_min"), data.get("salary_max")
        if (low or high) and not data.get("salary_period"):
            self.add_error(
                "salary_period", _("Précisez si le salaire est de l'heure, par mois ou par an.")
            )
        if low and high and low > high:
            self.add_error("salary_max", _("Le maximum doit être supérieur au minimum."))
        return data

    @property
    def business_obj(self):
        return self.businesses.get(self.cleaned_data.get("business"))

    def values(self) -> OfferValues:
        data = self.cleaned_data
        appellation = data.get("job_title")
        expires = data.get("expires_on")
        return OfferValues(
            title=data["title"],
            description=data["description"],
            commune=data["commune"],
            contract_type=data["contract_type"],
            working_time=data.get("working_time") or "",
            working_hours=data.get("working_hours") or "",
            salary_min=data.get("salary_min"),
            salary_max=data.get("salary_max"),
            salary_period=data.get("salary_period") or "",
            rome_code=appellation.rome.code if appellation else "",
            job_title=appellation.label if appellation else "",
            experience_months=int(data["experience_months"])
            if data.get("experience_months")
            else None,
            remote=data.get("remote") or "",
            positions=data.get("positions") or 1,
            expires_at=timezone.make_aware(datetime.combine(expires, time(23, 59)))
            if expires
            else None,
        )

    @classmethod
    def initial_from(cls, offer) -> dict:
        return {
            "business": str(offer.employer.business_id),
            "title": offer.title,
            "job_title": offer.job_title,
            "description": description_text(offer.description),
            "commune": offer.commune,
            "contract_type": offer.contract_type,
            "working_time": offer.working_time,
            "working_hours": offer.working_hours,
            "salary_min": _amount_text(offer.salary_min),
            "salary_max": _amount_text(offer.salary_max),
            "salary_period": offer.salary_period,
            "experience_months": ""
            if offer.experience_months is None
            else str(offer.experience_months),
            "remote": offer.remote,
            "positions": offer.positions,
            "expires_on": timezone.localtime(offer.expires_at).date() if offer.expires_at else None,
        }


def _amount_text(amount) -> str:
    if amount is None:
        return ""
    return f"{amount:f}".rstrip("0").rstrip(".").replace(".", ",")

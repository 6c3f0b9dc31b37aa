"""Forms of the publishing side: applying, reporting, saving a search, moderating."""

from __future__ import annotations

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import CommuneField
from tremplin.jobs.models import ContractType
from tremplin.jobs.models.publishing import ReportReason
from tremplin.jobs.publishing import conf
from tremplin.jobs.publishing.cv import CVRejected, pdf_check


class ApplicationForm(forms.Form):
    message = forms.CharField(
        label=_("Votre message à l'employeur"),
        help_text=_(
            "Quelques lignes suffisent : pourquoi ce poste vous intéresse, vos disponibilités, "
            "comment vous joindre."
        ),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    cv = forms.FileField(
        label=_("Votre CV (facultatif)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    pool_consent = forms.BooleanField(
        label=_(
            "J'accepte que l'employeur garde ma candidature pendant deux ans pour me proposer "
            "d'autres postes"
        ),
        required=False,
        help_text=_("Sinon, elle est effacée trois mois après la fin du recrutement."),
    )

    def __init__(self, *args, oversized: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.oversized = oversized
        limit = conf.value("JOBS_CV_MAX_BYTES") // (1024 * 1024)
        self.fields["cv"].help_text = _(
            "Au format PDF uniquement, %(limit)s Mo au plus. Il n'est montré qu'à l'employeur."
        ) % {"limit": limit}

    def clean_cv(self):
        if self.oversized:
            limit = conf.value("JOBS_CV_MAX_BYTES") // (1024 * 1024)
            raise forms.ValidationError(
                _("Le fichier est trop lourd : un CV doit faire %(limit)s Mo au plus.")
                % {"limit": limit},
                code="too_big",
            )
        upload = self.cleaned_data.get("cv")
        if upload:
            try:
                pdf_check(upload)
            except CVRejected as exc:
                raise forms.ValidationError(str(exc), code="not_pdf") from exc
        return upload


class ApplicationMoveForm(forms.Form):
    status = forms.ChoiceField(label=_("Nouvel état"), choices=())
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = application.next_statuses
        self.fields["version"].initial = application.version


class OfferReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Quel est le problème ?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Précisions (facultatif)"),
        help_text=_(
            "Ce qui vous a alerté. N'écrivez pas vos coordonnées : le signalement est anonyme."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SavedSearchForm(forms.Form):
    """Save the search just made (its criteria come hidden), or describe one here."""

    name = forms.CharField(
        label=_("Nom de l'alerte (facultatif)"),
        required=False,
        max_length=120,
        help_text=_("Par exemple « Vendeuse à Saint-Étienne »."),
    )
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
    q = forms.CharField(
        label=_("Métier ou mots-clés"),
        required=False,
        max_length=200,
        help_text=_("Par exemple « vendeur », « aide à domicile »."),
    )
    commune = CommuneField(label=_("Autour de la commune (facultatif)"), required=False)
    rayon = forms.TypedChoiceField(
        label=_("Dans un rayon de"),
        coerce=int,
        choices=[(r, f"{r} km") for r in (5, 10, 20, 30, 50, 100)],
        initial=30,
        required=False,
    )
    contrat = forms.MultipleChoiceField(
        label=_("Types de contrat (facultatif)"),
        required=False,
        choices=ContractType.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def criteria(self) -> QueryDict:
        """The search to save: the hidden one if the person came from a search, else the
        fields filled in here."""
        data = self.cleaned_data
        if data.get("query"):
            return QueryDict(data["query"])
        params = QueryDict(mutable=True)
        if data.get("q"):
            params["q"] = data["q"]
        if data.get("commune"):
            params["commune"] = data["commune"].insee
            params["rayon"] = str(data.get("rayon") or 30)
        params.setlist("contrat", data.get("contrat") or [])
        return params


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        max_length=300,
        help_text=_("Gardé dans le journal de modération et envoyé à l'employeur."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

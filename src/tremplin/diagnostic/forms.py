"""Forms of the diagnostic: choosing who it is for, and one form per step (dimension)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models.business import SizeBand
from tremplin.diagnostic.questionnaire import Question
from tremplin.diagnostic.scoring import AnswerError, check_choices

AUTO_SECTOR = "auto"
INVALID_CHOICE = _(
    "Cette réponse n'existe pas pour cette question (« %(value)s »). La page a peut-être été "
    "modifiée : choisissez parmi les réponses proposées."
)


class ExclusiveCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose « aucune » answer carries data-exclusive, for the small script that
    unticks the others (the server checks it anyway)."""

    def __init__(self, *args, exclusive: set[str] | None = None, **kwargs):
        self.exclusive = exclusive or set()
        super().__init__(*args, **kwargs)

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value in self.exclusive:
            option["attrs"]["data-exclusive"] = "true"
        return option


def question_field(question: Question, number: int) -> forms.Field:
    label = f"{number}. {question.text}"
    choices = [(a.key, a.label) for a in question.answers]
    messages = {"invalid_choice": INVALID_CHOICE}
    if question.is_multiple:
        return forms.MultipleChoiceField(
            label=label,
            help_text=question.help,
            choices=choices,
            required=False,
            error_messages=messages,
            widget=ExclusiveCheckboxes(exclusive={a.key for a in question.answers if a.exclusive}),
        )
    return forms.ChoiceField(
        label=label,
        help_text=question.help,
        choices=choices,
        required=False,
        error_messages=messages,
        widget=forms.RadioSelect,
    )


class StepForm(forms.Form):
    """The questions of one dimension on the respondent's path; numbered as on paper."""

    def __init__(self, *args, questions: list[tuple[int, Question]], complete: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {q.key: q for _n, q in questions}
        self.complete = complete
        for number, question in questions:
            self.fields[question.key] = question_field(question, number)

    def clean(self):
        data = super().clean()
        for key, question in self.questions.items():
            if key in self.errors:
                continue
            value = data.get(key)
            choices = list(value) if isinstance(value, list | tuple) else ([value] if value else [])
            if not choices:
                if self.complete:
                    self.add_error(key, _("Choisissez une réponse pour continuer."))
                continue
            try:
                data[key] = check_choices(question, choices)
            except AnswerError as exc:
                self.add_error(key, exc.message)
        return data

    def answers(self) -> dict[str, list[str]]:
        return {k: v for k, v in self.cleaned_data.items() if k in self.questions and v}


class StartForm(forms.Form):
    """Who the diagnostic is for; the sector decides which questions are asked."""

    business = forms.TypedChoiceField(
        label=_("Pour quelle entreprise ?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choisissez une entreprise de la liste.")},
    )
    sector = forms.ChoiceField(
        label=_("Votre secteur d'activité"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez votre secteur d'activité."),
            "invalid_choice": _("Choisissez votre secteur d'activité dans la liste."),
        },
    )
    department = forms.ChoiceField(
        label=_("Votre département (facultatif)"),
        required=False,
        help_text=_("Il sert seulement aux statistiques anonymes du territoire."),
        error_messages={"invalid_choice": _("Choisissez un département de la liste.")},
    )
    size_band = forms.ChoiceField(
        label=_("Nombre de salariés (facultatif)"),
        required=False,
        help_text=_("Il sert seulement aux statistiques anonymes du territoire."),
        choices=[("", _("Je préfère ne pas le dire")), *SizeBand.choices],
        error_messages={"invalid_choice": _("Choisissez une tranche de la liste.")},
    )

    def __init__(self, *args, questionnaire, businesses=None, departments=(), **kwargs):
        """``businesses``: (pk, label) pairs; without them, the diagnostic gets a private link."""
        super().__init__(*args, **kwargs)
        sectors = [(s.key, s.label) for s in questionnaire.sectors]
        if businesses:
            self.fields["business"].choices = businesses
            if len(businesses) == 1:
                self.fields["business"].initial = businesses[0][0]
            self.fields["sector"].choices = [
                (AUTO_SECTOR, _("Celui de l'activité déclarée de l'entreprise (conseillé)")),
                *sectors,
            ]
            self.fields["sector"].initial = AUTO_SECTOR
            self.fields["sector"].help_text = _(
                "Quelques questions changent selon le secteur. Choisissez-en un autre si "
                "celui de l'activité déclarée ne vous correspond pas."
            )
            del self.fields["department"]
            del self.fields["size_band"]
        else:
            del self.fields["business"]
            self.fields["sector"].choices = sectors
            self.fields["sector"].help_text = _(
                "Quelques questions changent selon le secteur : choisissez le plus proche."
            )
            self.fields["department"].choices = [
                ("", _("Je préfère ne pas le dire")),
                *[(d.code, str(d)) for d in departments],
            ]

    def clean_sector(self):
        value = self.cleaned_data["sector"]
        if not value:
            raise ValidationError(_("Choisissez votre secteur d'activité."))
        return value

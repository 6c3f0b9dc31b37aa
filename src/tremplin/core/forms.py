"""Form building blocks shared by every app: the accessible renderer and lookup fields.

A lookup field (commune, activity) is a text box that works without JavaScript: the server
understands what was typed ("Saint-Étienne", "42000", "Saint-Étienne (42000)") and, when several
things match, says which ones so the person can be precise. With JavaScript, htmx fetches
suggestions as the person types and a small script makes them a keyboard-friendly combobox.
"""

from __future__ import annotations

import copy
import json
import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tremplin.core import naf
from tremplin.core.links import reverse_plain
from tremplin.core.markup import e
from tremplin.core.models import Commune
from tremplin.core.normalize import fold_name


class FormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class SharedChoices:
    """A choice field whose choices a form's copy shares instead of deep-copying them.

    Django deep-copies every field of a form when the form is built, choices included, and
    normalises them again for the widget. The search forms are built on every results page
    with eleven choice fields: that copying was half of the form's cost. Their choices are
    never changed in place (a form that needs other choices assigns a new list), so sharing
    them is safe.
    """

    def __deepcopy__(self, memo):
        result = copy.copy(self)
        memo[id(self)] = result
        result.widget = copy.copy(self.widget)
        result.widget.attrs = self.widget.attrs.copy()
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


class ChoiceField(SharedChoices, forms.ChoiceField):
    pass


class TypedChoiceField(SharedChoices, forms.TypedChoiceField):
    pass


class MultipleChoiceField(SharedChoices, forms.MultipleChoiceField):
    pass


class LookupInput(forms.TextInput):
    """A text box plus a hidden code, rendered as an ARIA 1.2 combobox when scripts run.

    Its markup is built here rather than through a widget template: a results page shows one,
    and the template engine's pass over it (an include for the attributes, three translations,
    a lazy URL) was 3 % of the page. Every value goes through the standard library's escaping.
    """

    def __init__(self, suggest_url_name: str, attrs=None):
        self.suggest_url_name = suggest_url_name
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def get_context(self, name, value, attrs):
        text, code = value if isinstance(value, tuple | list) else (value, "")
        context = super().get_context(name, text, attrs)
        context["widget"]["code_name"] = f"{name}_code"
        context["widget"]["code_value"] = code or ""
        context["widget"]["suggest_url"] = reverse_plain(self.suggest_url_name)
        return context

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = "" if widget["value"] is None else f' value="{e(widget["value"])}"'
        listbox = e(f"{widget['attrs'].get('id')}_list")
        field = e(json.dumps({"field": widget["name"]}))
        # Outside the f-string below, where makemessages would not find them.
        label = gettext("Suggestions")
        # Read by the screen reader after the number of suggestions.
        count = gettext("suggestions. Flèches haut et bas pour choisir, Entrée pour valider.")
        none = gettext("Aucune suggestion.")
        return mark_safe(  # every value escaped by e() or flatatt()
            f'<div class="lookup">\n  <input type="{e(widget["type"])}" '
            f'name="{e(widget["name"])}"{value}{flatatt(widget["attrs"])}\n'
            f'         role="combobox" aria-autocomplete="list" aria-expanded="false" '
            f'aria-controls="{listbox}"\n'
            f'         hx-get="{e(widget["suggest_url"])}" hx-trigger="input changed delay:250ms" '
            f'hx-target="#{listbox}"\n'
            f'         hx-swap="innerHTML" hx-vals="{field}" hx-sync="this:replace">\n'
            f'  <input type="hidden" name="{e(widget["code_name"])}" '
            f'value="{e(widget["code_value"])}">\n'
            f'  <ul class="lookup__list" id="{listbox}" role="listbox" hidden\n'
            f'      aria-label="{e(label)}"\n'
            f'      data-count-text="{e(count)}"\n'
            f'      data-none-text="{e(none)}"></ul>\n'
            f'  <span class="visually-hidden" role="status" aria-live="polite" '
            f"data-lookup-status></span>\n</div>"
        )

    def value_from_datadict(self, data, files, name):
        return (data.get(name, ""), data.get(f"{name}_code", ""))

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_code" not in data

    def format_value(self, value):
        return value


_LABEL_WITH_CODE = re.compile(r"^(?P<name>.+?)\s*\((?P<code>[0-9AB]{5})\)\s*$", re.IGNORECASE)


def _commune_choices(communes) -> str:
    return ", ".join(f"« {c.label} »" for c in communes[:5])


class CommuneField(forms.Field):
    widget = LookupInput("core:commune_suggest")
    default_error_messages = {
        "unknown": _(
            "Aucune commune ne correspond à « %(text)s ». Vérifiez l'orthographe ou "
            "tapez le code postal."
        ),
        "ambiguous": _(
            "Plusieurs communes correspondent à « %(text)s » : précisez, par exemple %(choices)s."
        ),
        "outside": _("%(commune)s n'est pas dans le territoire couvert par ce service."),
    }

    def __init__(self, *, territory_only: bool = False, **kwargs):
        self.territory_only = territory_only
        kwargs.setdefault("label", _("Commune"))
        kwargs.setdefault(
            "help_text",
            _("Nom de la commune ou code postal, par exemple « Saint-Étienne » ou « 42000 »."),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Commune):
            return (value.label, value.insee)
        if isinstance(value, int | str) and value and not isinstance(value, tuple):
            commune = Commune.objects.filter(pk=value).first() if str(value).isdigit() else None
            if commune:
                return (commune.label, commune.insee)
        return value

    def to_python(self, value):
        from tremplin.core.selectors import commune_by_insee, commune_search

        text, code = value if isinstance(value, tuple | list) else (value or "", "")
        text = (text or "").strip()
        if not text and not code:
            return None
        if code:
            commune = commune_by_insee(code)
            if commune and (not text or text == commune.label or text == commune.name):
                return commune
        match = _LABEL_WITH_CODE.match(text)
        if match:
            wanted = fold_name(match["name"])
            named = [c for c in commune_search(match["code"], limit=50) if c.search_name == wanted]
            if len(named) == 1:
                return named[0]
        candidates = commune_search(text, limit=6)
        if not candidates:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"text": text}
            )
        exact = [c for c in candidates if c.search_name == fold_name(text)]
        if len(candidates) == 1:
            return candidates[0]
        if len(exact) == 1:
            return exact[0]
        raise ValidationError(
            self.error_messages["ambiguous"],
            code="ambiguous",
            params={"text": text, "choices": _commune_choices(exact or candidates)},
        )

    def validate(self, value):
        super().validate(value)
        if value is not None and self.territory_only:
            from tremplin.core.territory import current_territory

            if value.insee not in current_territory():
                raise ValidationError(
                    self.error_messages["outside"], code="outside", params={"commune": value.name}
                )


class ActivityField(forms.Field):
    """A NAF rév. 2 sub-class, found by words of its label or by its code."""

    widget = LookupInput("core:activity_suggest")
    default_error_messages = {
        "unknown": _(
            "Aucune activité ne correspond à « %(text)s ». Essayez un autre mot "
            "(par exemple « boulangerie », « coiffure », « plomberie ») ou le code NAF."
        ),
        "ambiguous": _(
            "Plusieurs activités correspondent à « %(text)s » : précisez, par exemple %(choices)s."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Activité principale"))
        kwargs.setdefault(
            "help_text",
            _(
                "Un mot de votre métier ou le code NAF (APE) qui figure "
                "sur votre avis de situation INSEE, par exemple 47.24Z."
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, str) and value and (activity := naf.get_activity(value)):
            return (str(activity), activity.code)
        return value

    def to_python(self, value):
        text, code = value if isinstance(value, tuple | list) else (value or "", "")
        text = (text or "").strip()
        activity = naf.get_activity(code) if code else None
        if activity and (not text or text == str(activity) or text.upper() == activity.code):
            return activity.code
        if not text:
            return None
        match = re.match(r"^(\d{2}\.?\d{2}\s?[A-Za-z])\b", text)
        if match and (activity := naf.get_activity(match.group(1))):
            return activity.code
        found = naf.search_activities(text, limit=6)
        if len(found) == 1:
            return found[0].code
        if not found:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"text": text}
            )
        raise ValidationError(
            self.error_messages["ambiguous"],
            code="ambiguous",
            params={"text": text, "choices": ", ".join(f"« {a} »" for a in found[:4])},
        )

"""The lookup widget's markup, and choice fields shared between the copies of a form."""

from __future__ import annotations

import json
import re
from html import unescape

from django import forms
from django.http import QueryDict
from django.utils import translation

from tremplin.core import forms as shared
from tremplin.core.forms import CommuneField


class PlaceForm(forms.Form):
    commune = CommuneField(required=False)


def attribute(html: str, name: str, tag: int = 0) -> str:
    return unescape(re.findall(rf'\s{name}="([^"]*)"', html)[tag])


def test_lookup_widget_is_a_combobox_with_its_hidden_code(saint_etienne):
    data = QueryDict("commune=Saint-%C3%89tienne+(42000)&commune_code=42218")
    html = str(PlaceForm(data)["commune"])
    assert attribute(html, "role") == "combobox"
    assert attribute(html, "name") == "commune" and attribute(html, "id") == "id_commune"
    assert attribute(html, "value") == "Saint-Étienne (42000)"
    assert 'type="hidden" name="commune_code" value="42218"' in html
    assert attribute(html, "aria-controls") == "id_commune_list"
    assert 'id="id_commune_list" role="listbox"' in html
    assert attribute(html, "hx-get") == "/communes/suggestions/"
    assert json.loads(attribute(html, "hx-vals")) == {"field": "commune"}
    assert attribute(html, "autocomplete") == "off" and attribute(html, "spellcheck") == "false"
    assert attribute(html, "aria-describedby") == "id_commune_helptext"


def test_lookup_widget_escapes_what_was_typed_and_speaks_the_language(db):
    html = str(PlaceForm(QueryDict('commune="><script>x</script>'))["commune"])
    assert "<script>" not in html
    assert attribute(html, "value") == '"><script>x</script>'
    assert 'name="commune_code" value=""' in html
    empty = str(PlaceForm()["commune"])
    assert " value=" not in empty.split("\n")[1]  # no value on an empty text box
    with translation.override("en"):
        english = str(PlaceForm()["commune"])
    assert attribute(english, "data-none-text") == "No suggestions."
    assert attribute(str(PlaceForm()["commune"]), "data-none-text") == "Aucune suggestion."


class Colours(forms.Form):
    colour = shared.ChoiceField(choices=[("r", "Rouge"), ("b", "Bleu")], required=False)
    many = shared.MultipleChoiceField(choices=[("1", "Un"), ("2", "Deux")], required=False)
    size = shared.TypedChoiceField(choices=[(1, "S"), (2, "M")], coerce=int, required=False)


def test_a_forms_copy_of_shared_choices_can_change_alone():
    first, second = Colours({"colour": "b", "many": ["2"], "size": "2"}), Colours()
    assert first.is_valid(), first.errors
    assert first.cleaned_data == {"colour": "b", "many": ["2"], "size": 2}
    first.fields["colour"].choices = [("v", "Vert")]
    first.fields["many"].widget.attrs["class"] = "wide"
    assert second.fields["colour"].choices == [("r", "Rouge"), ("b", "Bleu")]
    assert "class" not in second.fields["many"].widget.attrs
    assert Colours.base_fields["colour"].choices == [("r", "Rouge"), ("b", "Bleu")]
    assert 'value="v"' in str(first["colour"]) and 'value="r"' in str(second["colour"])
    assert not Colours({"colour": "v"}).is_valid()  # the class's choices are unchanged
    first.fields["size"].validators.append(lambda value: None)
    assert len(second.fields["size"].validators) == len(Colours.base_fields["size"].validators)

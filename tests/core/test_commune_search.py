"""Finding a commune the way people type it."""

from __future__ import annotations

import pytest

from tremplin.core.forms import CommuneField
from tremplin.core.selectors import commune_search


@pytest.mark.parametrize(
    "query", ["st eti", "Saint-Étienne", "saint etienne", "ST-ETIENNE", "42000", "42100", "42218"]
)
def test_saint_etienne_comes_first(communes, query):
    assert commune_search(query)[0].name == "Saint-Étienne"


def test_prefix_of_several_words(communes):
    names = [c.name for c in commune_search("st gen")]
    assert "Saint-Genest-Lerpt" in names


def test_unknown_text_finds_nothing(communes):
    assert commune_search("zzzzqqq") == []
    assert commune_search("   ") == []


def test_lookup_field_understands_text_code_and_label(saint_etienne):
    from django.core.exceptions import ValidationError

    field = CommuneField()
    assert field.clean(("Saint-Étienne (42000)", "")) == saint_etienne
    assert field.clean(("42000", "")) == saint_etienne
    with pytest.raises(ValidationError):  # a stale hidden code never overrides what was typed
        field.clean(("n'importe quoi", "42218"))
    assert field.clean(("Saint-Étienne (42000)", "42218")) == saint_etienne


def test_lookup_field_explains_ambiguity_and_unknown(communes):
    from django.core.exceptions import ValidationError

    field = CommuneField()
    with pytest.raises(ValidationError) as ambiguous:
        field.clean(("Saint", ""))
    assert "Plusieurs communes correspondent" in ambiguous.value.messages[0]
    with pytest.raises(ValidationError) as unknown:
        field.clean(("Atlantide", ""))
    assert "Aucune commune ne correspond" in unknown.value.messages[0]


def test_suggestions_endpoint_for_htmx(client, communes):
    response = client.get(
        "/communes/suggestions/", {"field": "commune", "commune": "st eti"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="option"' in html
    assert 'data-code="42218"' in html.split("</li>")[0]


def test_search_page_without_javascript(client, communes):
    response = client.get("/communes/", {"q": "42000"})
    assert response.status_code == 200
    assert "Saint-Étienne" in response.content.decode()
    empty = client.get("/communes/", {"q": "Atlantide"})
    assert "Aucune commune ne correspond" in empty.content.decode()


def test_commune_page_lists_neighbours_with_distances(client, saint_etienne):
    response = client.get("/communes/42218/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Saint-Étienne" in html and "Loire (42)" in html
    assert "Villars" in html  # a neighbour within 10 km
    assert client.get("/communes/00000/").status_code == 404

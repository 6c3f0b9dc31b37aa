"""``{% url %}`` with names that take no argument is reversed once per process, and right."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, get_script_prefix, reverse, set_script_prefix

from tremplin.core.links import reverse_plain


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_the_url_tag_gives_what_reverse_gives_with_or_without_arguments():
    assert render("{% url 'jobs:offer_list' %}") == reverse("jobs:offer_list")
    assert render("{% url 'jobs:offer_list' %}") == render("{% url 'jobs:offer_list' %}")
    name = "jobs:offer_list"
    assert render("{% url name %}", name=name) == reverse(name)
    assert render("{% url 'core:home' as home %}[{{ home }}]") == f"[{reverse('core:home')}]"


def test_an_unknown_name_still_fails_or_gives_nothing_with_as():
    with pytest.raises(NoReverseMatch):
        render("{% url 'nulle:part' %}")
    assert render("{% url 'nulle:part' as lien %}[{{ lien }}]") == "[]"


def test_the_answer_follows_the_script_prefix():
    before = get_script_prefix()
    plain = reverse_plain("jobs:offer_list")
    try:
        set_script_prefix("/sous-dossier/")
        assert reverse_plain("jobs:offer_list") == "/sous-dossier" + plain
        assert render("{% url 'jobs:offer_list' %}") == "/sous-dossier" + plain
    finally:
        set_script_prefix(before)
    assert reverse_plain("jobs:offer_list") == plain


def test_escaping_is_the_one_of_django():
    assert render("{% autoescape off %}{% url 'jobs:offer_list' %}{% endautoescape %}") == reverse(
        "jobs:offer_list"
    )

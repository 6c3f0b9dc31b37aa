"""``{% translate "literal" %}`` and ``{% static %}`` are worked out once per process, and say
what Django's say."""

from __future__ import annotations

from django.template import Context, Engine, Template
from django.utils import translation

SOURCE = (
    "{% load i18n %}"
    '[{% translate "Rechercher" %}]'
    '[{% trans "Se connecter" %}]'
    '[{% translate "100 % <gratuit>" %}]'
    "[{% translate word %}]"
    '[{% translate "Rechercher" as label %}{{ label }}]'
    '[{% translate "Rechercher"|upper %}]'
    '[{% translate "Rechercher" noop %}]'
    '[{% translate "Mai" context "month name" %}]'
)


def django_only(source: str) -> Template:
    """The same template with Django's own ``translate`` tag."""
    engine = Engine(
        libraries={"i18n": "tests.core.reference_i18n", "static": "tests.core.reference_static"}
    )
    return engine.from_string(source)


def test_the_cached_tag_says_what_djangos_says_in_every_language():
    ours, theirs = Template(SOURCE), django_only(SOURCE)
    for language in ["fr", "en", "fr", "en"]:
        with translation.override(language):
            context = {"word": "Rechercher"}
            assert ours.render(Context(context)) == theirs.render(Context(context))
    with translation.override("en"):
        assert ours.render(Context({"word": "x"})).startswith("[Search][Log in]")
    with translation.override("fr"):
        assert ours.render(Context({"word": "x"})).startswith("[Rechercher][Se connecter]")


def test_only_plain_literals_take_the_cached_path():
    from tremplin.core.template_tags import LiteralTranslateNode

    nodes = [n for n in Template(SOURCE).nodelist if "Translate" in type(n).__name__]
    kinds = [type(n) is LiteralTranslateNode for n in nodes]
    # literal, literal, literal, variable, as, filter, noop, context
    assert kinds == [True, True, True, False, False, False, False, False]


def test_the_other_tags_of_the_library_are_djangos():
    page = Template(
        "{% load i18n %}{% get_current_language as lang %}{{ lang }}"
        "{% blocktranslate count n=2 %}un{% plural %}{{ n }} offres{% endblocktranslate %}"
    )
    with translation.override("fr"):
        assert page.render(Context()) == "fr2 offres"


def test_changing_the_catalogues_forgets_what_was_worked_out(settings):
    from tremplin.core import template_tags

    Template('{% load i18n %}{% translate "Rechercher" %}').render(Context())
    assert template_tags._translated
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS]
    assert not template_tags._translated


STATIC = (
    "{% load static %}"
    "[{% static 'core/css/tremplin.css' %}]"
    "[{% static name %}]"
    "[{% static 'core/img/favicon.svg' as icon %}{{ icon }}]"
    "{% autoescape off %}[{% static 'a b&c.css' %}]{% endautoescape %}[{% static 'a b&c.css' %}]"
)


def test_the_static_tag_gives_djangos_addresses(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    context = {"name": "jobs/jobs.js"}
    ours, theirs = Template(STATIC), django_only(STATIC)
    expected = theirs.render(Context(context))
    assert ours.render(Context(context)) == expected == ours.render(Context(context))
    assert "[/static/core/css/tremplin.css]" in expected and "[/static/jobs/jobs.js]" in expected
    assert "a%20b%26c.css" in expected
    settings.STATIC_URL = "/fichiers/"
    assert "[/fichiers/core/css/tremplin.css]" in ours.render(Context(context))

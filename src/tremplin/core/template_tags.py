"""``{% translate "literal" %}`` and ``{% static "path" %}`` worked out once per process.

:func:`install` registers these tags in Django's own ``i18n`` and ``static`` libraries (at
start-up, before any template is read), so ``{% load i18n %}`` and ``{% load static %}`` give
them to every template, ours and third-party ones. What they render is Django's: the first
rendering of a text or a path goes through Django's node and is kept.

Why: a results page shows about thirty literal texts and six static files. For each text
Django builds a lazy string, looks up the active language through a context-local variable,
searches the catalogues and escapes the result; for each file it cleans the path, looks it up
in the manifest and joins it to the static URL: together about a tenth of a results page on a
2-core server. A text's translation depends only on the text, the active language and the
catalogues, and a file's address only on its path and the manifest, all loaded once per process
too. The caches are emptied when a test changes the settings they depend on.
"""

from __future__ import annotations

from django.core.signals import setting_changed
from django.templatetags import i18n as django_i18n
from django.templatetags import static as django_static
from django.utils.translation import get_language

_translated: dict[tuple, str] = {}
_static: dict[tuple, str] = {}
_LIMIT = 10_000  # texts and paths come from templates: never that many


class LiteralTranslateNode(django_i18n.TranslateNode):
    """Only for a plain literal: no filter, ``noop``, ``context`` or ``as``."""

    def render(self, context):
        key = (self.filter_expression.var.literal, get_language(), context.autoescape)
        found = _translated.get(key)
        if found is None:
            if len(_translated) > _LIMIT:
                _translated.clear()
            found = _translated[key] = super().render(context)
        return found


def _literal(node: django_i18n.TranslateNode) -> bool:
    expression = node.filter_expression
    return (
        not node.noop
        and node.asvar is None
        and node.message_context is None
        and not expression.filters
        and isinstance(getattr(expression.var, "literal", None), str)
    )


def do_translate(parser, token):
    node = django_i18n.do_translate(parser, token)
    if not _literal(node):
        return node
    return LiteralTranslateNode(node.filter_expression, node.noop, node.asvar, node.message_context)


class StaticNode(django_static.StaticNode):
    """The address of a static file, by path (escaped or not, as the context wants)."""

    def url(self, context):
        path = self.path.resolve(context)
        found = _static.get(path)
        if found is None:
            if len(_static) > _LIMIT:
                _static.clear()
            found = _static[path] = self.handle_simple(path)
        return found


def do_static(parser, token):
    return StaticNode.handle_token(parser, token)


_SETTINGS = {
    "LANGUAGES",
    "LANGUAGE_CODE",
    "LOCALE_PATHS",
    "INSTALLED_APPS",
    "STATIC_URL",
    "STATIC_ROOT",
    "STORAGES",
}


def _forget(*, setting, **kwargs):
    if setting in _SETTINGS:
        _translated.clear()
        _static.clear()


def install() -> None:
    """Called by the core app's ``ready()``."""
    django_i18n.register.tag("translate", do_translate)
    django_i18n.register.tag("trans", do_translate)
    django_static.register.tag("static", do_static)
    setting_changed.connect(_forget, dispatch_uid="tremplin-template-tags")

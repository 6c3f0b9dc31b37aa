"""``{% translate "literal" %}`` worked out once per language and process.

:func:`install` registers this tag as ``translate`` and ``trans`` in Django's own ``i18n``
library (at start-up, before any template is read), so ``{% load i18n %}`` gives it to every
template, ours and third-party ones. Only a plain literal, with no filter, ``noop``,
``context`` or ``as``, takes the cached path; anything else is Django's node, unchanged.

Why: a page shows about thirty such texts, and for each one Django builds a lazy string, looks
up the active language through a context-local variable, searches the catalogues and escapes
the result: 8 % of a results page on a 2-core server. The answer depends only on the text, the
active language and the catalogues, which Django loads once per process too (the cache is
emptied when a test changes the languages or the catalogues' paths).
"""

from __future__ import annotations

from django.core.signals import setting_changed
from django.templatetags import i18n as django_i18n
from django.utils.translation import get_language

_translated: dict[tuple, str] = {}


class LiteralTranslateNode(django_i18n.TranslateNode):
    def render(self, context):
        key = (self.filter_expression.var.literal, get_language(), context.autoescape)
        found = _translated.get(key)
        if found is None:
            if len(_translated) > 10_000:  # texts come from templates: never that many
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


def _forget(*, setting, **kwargs):
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"}:
        _translated.clear()


def install() -> None:
    """Called by the core app's ``ready()``."""
    django_i18n.register.tag("translate", do_translate)
    django_i18n.register.tag("trans", do_translate)
    setting_changed.connect(_forget, dispatch_uid="tremplin-translate-tag")

"""Django's ``{% url %}`` tag, with URL names that take no argument reversed once per process.

Installed as a template builtin (``TEMPLATES`` options), so every template's ``{% url %}`` is
this one; with arguments it is exactly Django's. See :func:`tremplin.core.links.reverse_plain`.
"""

from __future__ import annotations

from django.template import Library, defaulttags
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from tremplin.core.links import reverse_plain

register = Library()


class PlainURLNode(defaulttags.URLNode):
    def render(self, context):
        if self.args or self.kwargs:
            return super().render(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = reverse_plain(self.view_name.resolve(context), current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = defaulttags.url(parser, token)
    return PlainURLNode(node.view_name, node.args, node.kwargs, node.asvar)

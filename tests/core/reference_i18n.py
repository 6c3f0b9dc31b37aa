"""Django's i18n template library as Django ships it (Tremplin installs its own
``translate`` tag in it at start-up): the reference the tests compare with."""

from django.template import Library
from django.templatetags import i18n

register = Library()
register.tags.update(i18n.register.tags)
register.filters.update(i18n.register.filters)
register.tag("translate", i18n.do_translate)
register.tag("trans", i18n.do_translate)

"""Django's static template library as Django ships it (Tremplin installs its own ``static``
tag in it at start-up): the reference the tests compare with."""

from django.template import Library
from django.templatetags import static

register = Library()
register.tags.update(static.register.tags)
register.tag("static", static.do_static)

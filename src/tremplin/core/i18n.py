"""Translation helpers."""

from django.utils.functional import lazy


def _percent(message, params):
    return str(message) % params


#: ``lazy_percent(_("%(days)s jours"), {"days": 7})``: formatted when displayed, in the
#: language of the request, not once at import time in the default language.
lazy_percent = lazy(_percent, str)

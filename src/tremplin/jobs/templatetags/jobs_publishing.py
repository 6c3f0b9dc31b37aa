"""Template tags of the publishing side: the action area of an offer page, the actions of a
search page (alert, feed). The pages of the offers include them; the logic stays here."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from tremplin.jobs.models.publishing import Application
from tremplin.jobs.publishing import offers as offer_facts
from tremplin.jobs.publishing import search

register = template.Library()


@register.inclusion_tag("jobs/publishing/includes/offer_actions.html", takes_context=True)
def offer_actions(context, offer):
    """Apply (on Tremplin, or on the original site), get similar offers by e-mail, report."""
    request = context.get("request")
    user = getattr(request, "user", None)
    application = None
    if user is not None and user.is_authenticated:
        application = Application.objects.filter(offer=offer, candidate=user).first()
    live = offer.is_live()
    similar = {"q": offer.job_title or offer.title}
    if offer.commune_id:
        similar.update({"commune": offer.commune.insee, "rayon": "20"})
    return {
        "offer": offer,
        "live": live,
        "on_tremplin": live and offer_facts.accepts_applications(offer),
        "original_url": offer_facts.original_url(offer) if live else "",
        "application": application,
        "alert_url": reverse("jobs:alert_create") + "?" + urlencode(similar),
    }


def _canonical_query(request) -> str:
    """Once per request: the page's head and its results both link to the same search."""
    if not hasattr(request, "_jobs_canonical_query"):
        request._jobs_canonical_query = search.canonical_query(request.GET)
    return request._jobs_canonical_query


@register.inclusion_tag("jobs/publishing/includes/search_actions.html", takes_context=True)
def search_actions(context):
    """Under a search's results: save it as a daily alert, follow it as an Atom feed."""
    query = _canonical_query(context["request"])
    suffix = f"?{query}" if query else ""
    return {
        "alert_url": reverse("jobs:alert_create") + suffix,
        "feed_url": reverse("jobs:offer_feed") + suffix,
        "has_criteria": bool(query),
    }


@register.simple_tag(takes_context=True)
def search_feed_url(context) -> str:
    """For a <link rel="alternate" type="application/atom+xml"> in the search page's head."""
    query = _canonical_query(context["request"])
    return reverse("jobs:offer_feed") + (f"?{query}" if query else "")

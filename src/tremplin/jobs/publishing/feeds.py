"""An Atom feed for any search of job offers: the search page's query string, newest first."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from tremplin.core.selectors import branding_get
from tremplin.jobs.publishing import conf, search


class OfferSearchFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return search.canonical_query(request.GET)

    def title(self, query):
        return _("Offres d'emploi — %(search)s — %(site)s") % {
            "search": search.describe(query),
            "site": branding_get().display_name,
        }

    def subtitle(self, query):
        return _("Les offres les plus récentes de cette recherche.")

    def link(self, query):
        return reverse("jobs:offer_list") + (f"?{query}" if query else "")

    def feed_url(self, query):
        return reverse("jobs:offer_feed") + (f"?{query}" if query else "")

    def items(self, query):
        found = search.results(
            search.parse_query(query), sort="date", per_page=conf.value("JOBS_FEED_ITEMS")
        )
        return found.offers

    def item_title(self, offer):
        place = offer.commune.name if offer.commune else offer.location_label
        return " — ".join(
            p for p in (offer.title, offer.employer.name if offer.employer else "", place) if p
        )

    def item_description(self, offer):
        return Truncator(strip_tags(offer.description)).words(60)

    def item_link(self, offer):
        return offer.get_absolute_url()

    def item_pubdate(self, offer):
        return offer.published_at

    def item_updateddate(self, offer):
        return offer.source_updated_at or offer.published_at

    def item_author_name(self, offer):
        return offer.employer.name if offer.employer else None

    def item_categories(self, offer):
        return [c for c in (offer.get_contract_type_display(), offer.rome_code) if c]


TRAINING_CRITERIA = ("q", "commune", "rayon", "domaine", "departement", "modalite", "financement")


class TrainingSearchFeed(Feed):
    """The same for training offers: the next sessions of a search of the training page."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        from urllib.parse import urlencode

        pairs = [(k, v) for k in TRAINING_CRITERIA for v in request.GET.getlist(k) if v.strip()]
        return urlencode(sorted(pairs))

    def title(self, query):
        return _("Formations — %(site)s") % {"site": branding_get().display_name}

    def link(self, query):
        return reverse("jobs:training_list") + (f"?{query}" if query else "")

    def feed_url(self, query):
        return reverse("jobs:training_feed") + (f"?{query}" if query else "")

    def items(self, query):
        found = search.training_results(
            search.parse_query(query), per_page=conf.value("JOBS_FEED_ITEMS")
        )
        return found.offers

    def item_title(self, training):
        return " — ".join(p for p in (training.title, training.organisation) if p)

    def item_description(self, training):
        return Truncator(strip_tags(training.objectives)).words(60)

    def item_link(self, training):
        return training.get_absolute_url()

    def item_pubdate(self, training):
        return training.published_at

    def item_author_name(self, training):
        return training.organisation or None

"""sitemap.xml: the search pages and every live offer and training (nothing expired, hidden or
pending), split into pages of 10,000 under a sitemap index."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from tremplin.jobs.models import JobOffer, TrainingOffer


class _LiveSitemap(Sitemap):
    limit = 10_000
    protocol = None  # from the request (https in production)

    def lastmod(self, item):
        return item.updated_at

    def location(self, item):
        return item.get_absolute_url()


class JobOfferSitemap(_LiveSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return JobOffer.objects.live().only("pk", "slug", "updated_at").order_by("pk")


class TrainingOfferSitemap(_LiveSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return TrainingOffer.objects.live().only("pk", "slug", "updated_at").order_by("pk")


class SearchPagesSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["jobs:offer_list", "jobs:training_list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "recherche": SearchPagesSitemap,
    "offres": JobOfferSitemap,
    "formations": TrainingOfferSitemap,
}

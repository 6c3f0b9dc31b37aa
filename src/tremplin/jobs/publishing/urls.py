"""Addresses of the publishing side, included by the jobs app's urls (namespace ``jobs``)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.cache import cache_page

from tremplin.jobs.publishing.api import api
from tremplin.jobs.publishing.feeds import OfferSearchFeed, TrainingSearchFeed
from tremplin.jobs.publishing.sitemaps import SITEMAPS
from tremplin.jobs.publishing.views import (
    alerts,
    applications,
    cv,
    employer,
    moderation,
    reports,
    widget,
)

SITEMAP_CACHE = 60 * 60

urlpatterns = [
    path(
        "sitemap.xml",
        cache_page(SITEMAP_CACHE)(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "jobs:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_page(SITEMAP_CACHE)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("api/", api.urls),
    path("emplois/flux.atom", OfferSearchFeed(), name="offer_feed"),
    path("formations/flux.atom", TrainingSearchFeed(), name="training_feed"),
    path("emplois/widget/", widget.widget, name="widget"),
    path("emplois/widget/code/", widget.widget_snippet, name="widget_snippet"),
    path("emplois/postuler/<int:pk>/", applications.apply, name="apply"),
    path("emplois/signaler/<int:pk>/", reports.offer_report, name="offer_report"),
    path("emplois/candidatures/<int:pk>/cv/", cv.cv_download, name="cv_download"),
    path(
        "emplois/candidatures/<int:pk>/retirer/",
        applications.application_withdraw,
        name="application_withdraw",
    ),
    path(
        "emplois/candidatures/<int:pk>/vivier/",
        applications.application_pool,
        name="application_pool",
    ),
    path("emplois/employeur/offres/", employer.employer_offers, name="employer_offers"),
    path(
        "emplois/employeur/offres/nouvelle/",
        employer.employer_offer_form,
        name="employer_offer_create",
    ),
    path(
        "emplois/employeur/offres/<int:pk>/modifier/",
        employer.employer_offer_form,
        name="employer_offer_edit",
    ),
    path(
        "emplois/employeur/offres/<int:pk>/retirer/",
        employer.employer_offer_withdraw,
        name="employer_offer_withdraw",
    ),
    path(
        "emplois/employeur/candidatures/",
        employer.employer_applications,
        name="employer_applications",
    ),
    path(
        "emplois/employeur/candidatures/<int:pk>/",
        employer.employer_application,
        name="employer_application",
    ),
    path("emplois/alertes/creer/", alerts.alert_create, name="alert_create"),
    path("emplois/alertes/<int:pk>/supprimer/", alerts.alert_delete, name="alert_delete"),
    path("emplois/alertes/<int:pk>/activer/", alerts.alert_toggle, name="alert_toggle"),
    path(
        "emplois/alertes/desabonnement/<str:token>/",
        alerts.alert_unsubscribe,
        name="alert_unsubscribe",
    ),
    path("emplois/moderation/", moderation.moderation_queue, name="moderation_queue"),
    path("emplois/moderation/<int:pk>/", moderation.moderation_offer, name="moderation_offer"),
    path(
        "emplois/moderation/<int:pk>/<str:action>/",
        moderation.moderation_decide,
        name="moderation_decide",
    ),
]

"""Addresses of the publishing side, included by the jobs app's urls (namespace ``jobs``)."""

from django.urls import path

from tremplin.jobs.publishing.views import (
    alerts,
    applications,
    cv,
    employer,
    moderation,
    reports,
)

urlpatterns = [
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

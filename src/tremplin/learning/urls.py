from django.urls import path

from tremplin.learning.views import certificates, media, modules, paths, preview, stats, webinars

app_name = "learning"

urlpatterns = [
    path("", paths.path_list, name="path_list"),
    # Fixed words first: a path's slug can never be one of them (see content_io/format.py).
    path("attestations/", certificates.certificate_lookup, name="certificate_lookup"),
    path("attestations/<str:code>/", certificates.certificate_verify, name="certificate_verify"),
    path("attestations/<str:code>/pdf/", certificates.certificate_pdf, name="certificate_pdf"),
    path("webinaires/", webinars.webinar_list, name="webinar_list"),
    path("webinaires/<int:pk>/", webinars.webinar_detail, name="webinar"),
    path("webinaires/<int:pk>/inscription/", webinars.webinar_register, name="webinar_register"),
    path(
        "webinaires/<int:pk>/desinscription/",
        webinars.webinar_unregister,
        name="webinar_unregister",
    ),
    path("webinaires/<int:pk>/invitation.ics", webinars.webinar_ics, name="webinar_ics"),
    path("medias/<int:pk>/<str:kind>/", media.module_media, name="media"),
    path("statistiques/", stats.stats_index, name="stats"),
    path("statistiques/<slug:path_slug>/", stats.stats_path, name="stats_path"),
    path("statistiques/<slug:path_slug>/<str:table>.csv", stats.stats_csv, name="stats_csv"),
    path("apercu/<int:pk>/", preview.module_preview, name="preview"),
    path("<slug:path_slug>/", paths.path_detail, name="path"),
    path("<slug:path_slug>/reprendre/", paths.path_resume, name="path_resume"),
    path(
        "<slug:path_slug>/attestation/",
        certificates.certificate_request,
        name="certificate_request",
    ),
    path("<slug:path_slug>/<slug:module_slug>/", modules.module_detail, name="module"),
    path("<slug:path_slug>/<slug:module_slug>/quiz/", modules.quiz_submit, name="quiz_submit"),
    path(
        "<slug:path_slug>/<slug:module_slug>/termine/",
        modules.module_complete,
        name="module_complete",
    ),
]

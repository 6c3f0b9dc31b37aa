"""Temporary: the offer pages of the jobs app, until its branch is merged (see conftest)."""

from django.http import HttpResponse
from django.urls import include, path

from tremplin import urls as root


def page(request, **kwargs):
    return HttpResponse("page")


jobs_patterns = [
    path("", include("tremplin.jobs.publishing.urls")),
    path("emplois/", page, name="offer_list"),
    path("formations/", page, name="training_list"),
    path("emplois/<int:pk>-<slug:slug>/", page, name="offer_detail"),
    path("formations/<int:pk>-<slug:slug>/", page, name="training_detail"),
]
urlpatterns = [
    path("", include((jobs_patterns, "jobs"))) if getattr(p, "namespace", None) == "jobs" else p
    for p in root.urlpatterns
]
handler404 = root.handler404
handler500 = root.handler500

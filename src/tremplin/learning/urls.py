from django.urls import path

from tremplin.learning.views import paths

app_name = "learning"

urlpatterns = [
    path("", paths.path_list, name="path_list"),
    path("<slug:path_slug>/", paths.path_detail, name="path"),
    path("<slug:path_slug>/<slug:module_slug>/", paths.module_detail, name="module"),
    path("attestations/<str:code>/", paths.path_list, name="certificate_verify"),
    path("webinaires/<int:pk>/", paths.path_list, name="webinar"),
]

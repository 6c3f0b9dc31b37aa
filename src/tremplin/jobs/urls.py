from django.urls import include, path

from tremplin.jobs.views import offers, trainings

app_name = "jobs"

urlpatterns = [
    path("emplois/", offers.offer_list, name="offer_list"),
    path("emplois/<int:pk>/", offers.offer_short, name="offer_short"),
    path("emplois/<int:pk>-<slug:slug>/", offers.offer_detail, name="offer_detail"),
    path("formations/", trainings.training_list, name="training_list"),
    path("formations/<int:pk>/", trainings.training_short, name="training_short"),
    path("formations/<int:pk>-<slug:slug>/", trainings.training_detail, name="training_detail"),
    # Applications, employers' offers, alerts, moderation, feeds, widget, sitemap and API.
    path("", include("tremplin.jobs.publishing.urls")),
]

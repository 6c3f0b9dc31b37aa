from django.urls import include, path

app_name = "jobs"

urlpatterns: list = [
    # Applications, employers' offers, alerts, moderation, feeds, widget, sitemap and API.
    path("", include("tremplin.jobs.publishing.urls")),
]

from django.urls import path

from tremplin.core.views import geography, pages, theme

app_name = "core"

urlpatterns = [
    path("", pages.home, name="home"),
    path("mentions-legales/", pages.legal_notice, name="legal_notice"),
    path("accessibilite/", pages.accessibility, name="accessibility"),
    path("communes/", geography.commune_list, name="commune_list"),
    path("communes/suggestions/", geography.commune_suggest, name="commune_suggest"),
    path("communes/<str:insee>/", geography.commune_detail, name="commune_detail"),
    path("activites/suggestions/", geography.activity_suggest, name="activity_suggest"),
    path("theme.css", theme.theme_css, name="theme_css"),
    path("logo-<str:version>.png", theme.logo, name="logo"),
    path("plan-du-site/", pages.site_map, name="site_map"),
    path("code-source/", pages.source_code, name="source_code"),
    path("code-source/tremplin.zip", pages.source_archive, name="source_archive"),
    path("robots.txt", pages.robots_txt, name="robots_txt"),
    path("sante/", pages.health, name="health"),
]

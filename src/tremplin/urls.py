from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

admin.site.site_header = _("Administration de Tremplin")
admin.site.site_title = _("Administration de Tremplin")
admin.site.index_title = _("Back office du territoire")

urlpatterns = [
    # The back office signs in through the same page as everyone, second factor included.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", admin.site.urls),
    path("compte/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("tremplin.accounts.urls")),
    path("", include("tremplin.jobs.urls")),
    path("apprendre/", include("tremplin.learning.urls")),
    path("diagnostic/", include("tremplin.diagnostic.urls")),
    path("", include("tremplin.core.urls")),
]

handler400 = "tremplin.core.views.errors.bad_request"
handler403 = "tremplin.core.views.errors.permission_denied"
handler404 = "tremplin.core.views.errors.page_not_found"
handler500 = "tremplin.core.views.errors.server_error"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "tremplin.jobs"
    label = "jobs"
    verbose_name = _("Emplois et formations")

    def ready(self) -> None:
        # Job and training offers are documents of the shared search index.
        from tremplin.jobs.search.documents import register

        register()

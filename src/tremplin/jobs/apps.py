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
        # The publishing side (applications, alerts, moderation, feeds) is a package of this
        # app: its registrations (personal data, periodic tasks, demo data, back office, Mon
        # espace) are loaded here, where the app starts, not through another module.
        from tremplin.jobs.publishing import admin, demo, myspace, privacy, tasks  # noqa: F401

        myspace.register()

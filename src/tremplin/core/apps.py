from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tremplin.core"
    label = "core"
    verbose_name = _("Socle commun")

    def ready(self) -> None:
        # Each app declares its periodic tasks, demo data, personal data and "Mon espace"
        # sections in modules of these names; importing them fills the registries.
        autodiscover_modules("tasks", "demo", "privacy", "myspace", "catalogue")
        from tremplin.core.template_tags import install

        install()

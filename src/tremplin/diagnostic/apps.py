from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class DiagnosticConfig(AppConfig):
    name = "tremplin.diagnostic"
    label = "diagnostic"
    verbose_name = _("Diagnostic numérique")

    def ready(self) -> None:
        # Other apps add items to the personal plan (workshops, providers) from a module of
        # this name; see tremplin.diagnostic.plan.
        autodiscover_modules("diagnostic_plan")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "tremplin.learning"
    label = "learning"
    verbose_name = _("Accélérateur numérique")

    def ready(self):
        from tremplin.accounts.services.users import staff_permissions_add

        # The territory's staff edit the content and webinars in the back office.
        staff_permissions_add(
            [
                ("learning", f"{action}_{model}")
                for model in ("path", "chapter", "module", "quiz", "question", "answer", "webinar")
                for action in ("view", "add", "change")
            ]
            + [("learning", f"delete_{m}") for m in ("question", "answer", "webinar")]
        )

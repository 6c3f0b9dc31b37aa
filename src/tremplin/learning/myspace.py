"""The learner's section of « Mon espace »: paths in progress, certificates, webinars."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.spaces import Section, section_register
from tremplin.learning import selectors
from tremplin.learning.models import Certificate, WebinarRegistration


def _learning(request):
    user = request.user
    outlines = selectors.learner_paths(user)
    certificates = list(Certificate.objects.filter(user=user).order_by("-issued_at"))
    webinars = list(
        WebinarRegistration.objects.filter(user=user, webinar__starts_at__gte=timezone.now())
        .select_related("webinar")
        .order_by("webinar__starts_at")
    )
    if not (outlines or certificates or webinars or user.is_staff) and user.is_mediator:
        return None
    return {
        "staff": user.is_staff,
        "in_progress": [o for o in outlines if not o.completed],
        "completed": [o for o in outlines if o.completed],
        "certificates": certificates,
        "webinars": webinars,
        "certified": {c.path_id for c in certificates},
    }


section_register(
    Section(
        key="learning",
        title=_("Mes parcours"),
        template="learning/sections/myspace.html",
        context=_learning,
        order=30,
    )
)

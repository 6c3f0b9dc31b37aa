from django.utils.translation import gettext_lazy as _

from tremplin.core.catalogue import ServiceEntry, service_register

service_register(
    ServiceEntry(
        key="diagnostic",
        title=_("Diagnostic numérique"),
        description=_(
            "En dix minutes, faites le point sur le numérique dans votre entreprise : un score "
            "par thème, vos progrès d'une fois sur l'autre et un plan d'action personnel. "
            "La méthode est publique."
        ),
        url_name="diagnostic:start",
        order=30,
        in_nav=True,
        audience=_("Commerçants, artisans, TPE et PME"),
    )
)

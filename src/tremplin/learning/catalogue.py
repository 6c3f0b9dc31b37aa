from django.utils.translation import gettext_lazy as _

from tremplin.core.catalogue import ServiceEntry, service_register

service_register(
    ServiceEntry(
        key="learning",
        title=_("Apprendre"),
        description=_(
            "Des parcours courts et gratuits pour passer au numérique sans dépendre d'une "
            "seule plateforme : modules de 3 à 4 minutes, quiz, attestation et webinaires en "
            "direct."
        ),
        url_name="learning:path_list",
        order=20,
        in_nav=True,
        audience=_("Commerçants, artisans, TPE et PME"),
    )
)

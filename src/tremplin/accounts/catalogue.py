from django.utils.translation import gettext_lazy as _

from tremplin.core.catalogue import ServiceEntry, service_register

service_register(
    ServiceEntry(
        key="business",
        title=_("Déclarer votre entreprise"),
        description=_(
            "Présentez votre commerce ou votre entreprise au territoire pour recevoir "
            "les services qui vous correspondent et suivre vos progrès."
        ),
        url_name="accounts:business_create",
        order=90,
        in_nav=False,
        audience=_("Commerçants, artisans, TPE et PME"),
    )
)

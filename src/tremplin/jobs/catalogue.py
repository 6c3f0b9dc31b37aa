from django.utils.translation import gettext_lazy as _

from tremplin.core.catalogue import ServiceEntry, service_register

service_register(
    ServiceEntry(
        key="jobs_offers",
        title=_("Offres d'emploi"),
        description=_(
            "Toutes les offres du territoire, rassemblées depuis plusieurs sources et "
            "montrées une seule fois : cherchez par métier, lieu et type de contrat."
        ),
        url_name="jobs:offer_list",
        order=10,
        in_nav=True,
        audience=_("Personnes qui cherchent un emploi"),
    )
)
service_register(
    ServiceEntry(
        key="jobs_trainings",
        title=_("Formations"),
        description=_(
            "Les formations près de chez vous ou à distance, leurs financements (CPF, "
            "Région, France Travail…) et les métiers auxquels elles mènent."
        ),
        url_name="jobs:training_list",
        order=11,
        in_nav=True,
        audience=_("Personnes qui veulent se former ou changer de métier"),
    )
)

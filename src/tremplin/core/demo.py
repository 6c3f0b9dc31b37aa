"""The demo territory's identity: its name and a publisher's details for the legal pages."""

from tremplin.core.demo_loaders import DemoContext, demo_loader
from tremplin.core.models import SiteBranding
from tremplin.core.services import branding_ensure


@demo_loader(name="core.branding", order=0)
def load_branding(context: DemoContext) -> str:
    branding = branding_ensure(territory_name=context.territory.name)
    defaults = {
        "territory_name": context.territory.name,
        "publisher_name": f"Démonstration — {context.territory.name}",
        "publisher_address": "Adresse de l'éditeur à renseigner dans l'administration",
        "publication_director": "Direction de la publication (démonstration)",
        "host_name": "Serveur de la collectivité (démonstration)",
        "contact_email": "contact@demo.tremplin.invalid",
        "dpo_email": "dpo@demo.tremplin.invalid",
    }
    changed = [k for k, v in defaults.items() if getattr(branding, k) != v]
    SiteBranding.objects.filter(pk=branding.pk).update(**defaults)
    return f"identité du territoire « {context.territory.name} »" + (
        " mise à jour" if changed else " inchangée"
    )

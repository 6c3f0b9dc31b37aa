"""The fixed set of searches of bench/jobs_search.py: 1–3 words, common and rare words,
typos, browsing without words; with and without filters, radius and sorts."""

from __future__ import annotations

import random

WORDS_COMMON = [
    "vendeur",
    "vendeuse",
    "cariste",
    "infirmier",
    "infirmière",
    "développeur",
    "boulanger",
    "comptable",
    "serveuse",
    "serveur",
    "cuisinier",
    "aide-soignant",
    "aide soignante",
    "préparateur",
    "préparatrice",
    "manutentionnaire",
    "secrétaire",
    "coiffeuse",
    "mécanicien",
    "plombier",
    "électricien",
    "maçon",
    "peintre",
    "couvreur",
    "menuisier",
    "soudeur",
    "formateur",
    "éducatrice",
    "réceptionniste",
    "esthéticienne",
    "fleuriste",
    "boucher",
    "pâtissière",
    "conducteur",
    "chauffeur",
    "livreur",
    "agent",
    "assistante",
    "technicien",
    "commis",
    "caisse",
    "hôtesse",
    "maraîcher",
    "viticulteur",
    "community manager",
]
WORDS_MULTI = [
    "vendeur boulangerie",
    "aide soignant ehpad",
    "conducteur poids lourd",
    "préparateur de commandes",
    "agent de propreté",
    "développeur web",
    "développeuse python",
    "technicien maintenance industrielle",
    "employé libre-service",
    "hôtesse de caisse",
    "assistante ressources humaines",
    "cuisinier collectivité",
    "serveur terrasse saison",
    "mécanicien automobile diagnostic",
    "plombier sanitaire dépannage",
    "agent accueil mairie",
    "garde enfant domicile",
    "peintre en bâtiment",
    "électricien du bâtiment",
    "conducteur de bus",
    "commis de cuisine",
    "employé d'étage",
    "infirmière nuit",
]
WORDS_RARE = [
    "haccp",
    "caces",
    "cegid",
    "photoshop",
    "shopify",
    "woocommerce",
    "tachygraphe",
    "psc1",
    "harnais",
    "volailles",
    "italien",
    "tig inox",
    "langue des signes",
    "permis bateau",
    "chambre froide",
    "croisés",
    "sage",
    "vtc",
]
WORDS_TYPO = [
    "devloppeur",
    "boulanjer",
    "cuisinnier",
    "infirmeire",
    "plonbier",
    "secretair",
    "mecanisien",
    "electricein",
    "comptabel",
    "carisste",
    "maneutentionnaire",
    "serveurse",
]
PLACES = [
    "69123",
    "42218",
    "63113",
    "38185",
    "74010",
    "73065",
    "01053",
    "26362",
    "03190",
    "07186",
    "15014",
    "43157",
]
CONTRACTS = ["cdi", "cdd", "interim", "alternance", "saisonnier"]


def searches(seed: int = 2026) -> list[dict]:
    """The fixed set of searches: query-string parameters of the results page."""
    rng = random.Random(seed)
    words = (
        [(w, "common") for w in WORDS_COMMON]
        + [(w, "multi") for w in WORDS_MULTI]
        + [(w, "rare") for w in WORDS_RARE]
        + [(w, "typo") for w in WORDS_TYPO]
        + [("", "browse")] * 12
    )
    found = []
    for index, (query, kind) in enumerate(words * 2):
        params = {"q": query} if query else {}
        variant = index % 8
        if variant == 1:
            params["contrat"] = rng.choice(CONTRACTS)
        elif variant == 2:
            params["commune"] = rng.choice(PLACES)
            params["rayon"] = str(rng.choice([10, 30, 50]))
        elif variant == 3:
            params["depuis"] = str(rng.choice([3, 7, 30]))
            params["departement"] = rng.choice(["69", "42", "38", "63"])
        elif variant == 4:
            params["commune"] = rng.choice(PLACES)
            params["rayon"] = "20"
            params["tri"] = "distance"
        elif variant == 5:
            params["tri"] = "date"
            params["temps"] = "part"
        elif variant == 6:
            params["teletravail"] = "partial"
            params["domaine"] = rng.choice(["M", "D", "J", "N"])
        elif variant == 7 and kind != "browse":
            params["page"] = str(rng.choice([2, 3, 5]))
        found.append({**params, "_kind": kind})
    return found

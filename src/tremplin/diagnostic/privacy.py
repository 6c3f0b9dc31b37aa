"""What the diagnostic app holds about people, why, and for how long (see personal_data.py).

A diagnostic describes a business's practices; it is personal data because a business is often
one person. Diagnostics of a business go with the business (its last owner's account deletion);
those taken with a private link are deleted after a fixed time.
"""

from django.utils.translation import gettext_lazy as _

from tremplin.accounts import personal_data as pd
from tremplin.core.i18n import lazy_percent
from tremplin.diagnostic import conf
from tremplin.diagnostic.services import diagnostics_erase_for

pd.processing_register(
    pd.Processing(
        key="diagnostic",
        name=_("Diagnostic numérique des entreprises"),
        purpose=_(
            "Calculer vos scores et votre plan d'action, vous montrer vos progrès d'un "
            "diagnostic à l'autre, et produire pour le territoire des statistiques anonymes "
            "(jamais moins de 10 résultats derrière un chiffre)."
        ),
        legal_basis=_("Mission d'intérêt public de la collectivité (article 6-1-e du RGPD)."),
        retention=lazy_percent(
            _(
                "Les diagnostics d'une entreprise déclarée sont gardés tant que l'entreprise "
                "existe sur le service et supprimés avec elle. Un diagnostic fait sans compte "
                "(avec un lien personnel) est supprimé %(days)s jours après sa dernière "
                "modification, et %(draft)s jours s'il n'est pas terminé ; vous pouvez le "
                "supprimer vous-même à tout moment."
            ),
            {"days": conf.anonymous_retention_days(), "draft": conf.draft_retention_days()},
        ),
        recipients=_(
            "Les gérants de l'entreprise ; le médiateur qui l'accompagne, seulement pour les "
            "diagnostics remplis avec lui ou que vous lui partagez. L'équipe du territoire ne "
            "voit que des statistiques. Aucun tiers."
        ),
        order=50,
    )
)
pd.model_declare(
    "diagnostic.Diagnostic",
    processing="diagnostic",
    user_path=("business__memberships__user", "created_by", "assisted_by"),
    export_key="diagnostics",
    fields={
        "business": _("entreprise concernée"),
        "version": _("version du questionnaire"),
        "sector": _("secteur des questions"),
        "department_code": _("département, pour les statistiques"),
        "size_band": _("tranche d'effectif, pour les statistiques"),
        "status": _("en cours ou terminé"),
        "started_at": _("date de début"),
        "completed_at": _("date de fin"),
        "overall_score": _("score global"),
        "level": _("niveau"),
        "sells_online": _("vente en ligne, d'après votre réponse"),
        "is_assisted": _("rempli avec un médiateur"),
        "assisted_by": _("médiateur"),
        "created_by": _("personne qui l'a commencé"),
        "shared_with_mediator": _("partagé avec votre médiateur"),
    },
)
pd.model_declare(
    "diagnostic.Answer",
    processing="diagnostic",
    user_path=(
        "diagnostic__business__memberships__user",
        "diagnostic__created_by",
        "diagnostic__assisted_by",
    ),
    export_key="reponses_diagnostic",
    fields={
        "diagnostic": _("diagnostic"),
        "question": _("question"),
        "choices": _("réponses choisies"),
    },
)
pd.model_declare(
    "diagnostic.DimensionScore",
    processing="diagnostic",
    user_path=(
        "diagnostic__business__memberships__user",
        "diagnostic__created_by",
        "diagnostic__assisted_by",
    ),
    export_key="scores_diagnostic",
    fields={
        "diagnostic": _("diagnostic"),
        "dimension": _("thème"),
        "score": _("score sur 100"),
    },
)
pd.model_exempt(
    "diagnostic.QuestionnaireVersion",
    _("questionnaire publié, sans donnée sur une personne"),
)
# Before the accounts app deletes the businesses the person managed alone (order 900).
pd.eraser_register("diagnostic.results", diagnostics_erase_for, order=500)

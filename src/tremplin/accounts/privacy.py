"""What the accounts app holds about people, why, and for how long (see personal_data.py)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tremplin.accounts import personal_data as pd
from tremplin.accounts.models import AccessLogEntry, Business, BusinessMembership
from tremplin.core.i18n import lazy_percent

DAYS = settings.TREMPLIN_RETENTION_DAYS

pd.processing_register(
    pd.Processing(
        key="accounts",
        name=_("Comptes des utilisateurs"),
        purpose=_(
            "Vous permettre de vous connecter, de retrouver vos services dans « Mon espace » "
            "et de recevoir les e-mails liés à votre compte (confirmation d'adresse, "
            "mot de passe oublié, validation en deux étapes)."
        ),
        legal_basis=_("Mission d'intérêt public de la collectivité (article 6-1-e du RGPD)."),
        retention=lazy_percent(
            _(
                "Jusqu'à la suppression du compte. Un compte jamais confirmé est supprimé "
                "après %(unconfirmed)s jours ; un compte inactif pendant %(inactive)s jours "
                "est supprimé, après un e-mail d'avertissement un mois avant. Les sessions "
                "de connexion expirent après 14 jours."
            ),
            {"unconfirmed": DAYS["unconfirmed_account"], "inactive": DAYS["inactive_account"]},
        ),
        recipients=_("L'équipe du territoire, dans l'interface d'administration. Aucun tiers."),
        order=10,
    )
)
pd.processing_register(
    pd.Processing(
        key="businesses",
        name=_("Entreprises déclarées"),
        purpose=_(
            "Connaître votre entreprise pour vous proposer les services utiles du territoire "
            "(formations, diagnostic, ateliers) et produire des statistiques anonymes."
        ),
        legal_basis=_("Mission d'intérêt public de la collectivité (article 6-1-e du RGPD)."),
        retention=lazy_percent(
            _(
                "Tant qu'au moins un gérant a un compte : l'entreprise est supprimée quand son "
                "dernier gérant la quitte ou supprime son compte. Les invitations expirent "
                "après %(days)s jours et sont alors supprimées."
            ),
            {"days": DAYS["invitation"]},
        ),
        recipients=_(
            "Les co-gérants ; l'équipe du territoire ; les médiateurs que vous avez "
            "acceptés. Aucun tiers."
        ),
        order=20,
    )
)
pd.processing_register(
    pd.Processing(
        key="follows",
        name=_("Accompagnement par un médiateur numérique"),
        purpose=_(
            "Permettre à un médiateur que vous avez accepté de suivre votre entreprise dans "
            "la durée."
        ),
        legal_basis=_(
            "Votre consentement, donné en acceptant la demande (article 6-1-a du RGPD) ; "
            "vous pouvez y mettre fin à tout moment."
        ),
        retention=lazy_percent(
            _("Pendant l'accompagnement, puis %(days)s jours après sa fin."),
            {"days": DAYS["ended_follow"]},
        ),
        recipients=_("Le médiateur concerné et l'équipe du territoire."),
        order=30,
    )
)
pd.processing_register(
    pd.Processing(
        key="access_journal",
        name=_("Journal des accès aux données personnelles"),
        purpose=_(
            "Garder la trace de chaque consultation de vos données par l'équipe du territoire "
            "ou un médiateur, pour que vous et le délégué à la protection des données "
            "puissiez la vérifier."
        ),
        legal_basis=_("Obligation de sécurité des données (article 32 du RGPD)."),
        retention=lazy_percent(
            _("%(days)s jours, puis suppression automatique."), {"days": DAYS["access_journal"]}
        ),
        recipients=_("Vous (dans « Mes données ») et le délégué à la protection des données."),
        order=90,
    )
)

pd.processing_register(
    pd.Processing(
        key="seat_bookings",
        name=_("Inscriptions aux sessions en direct"),
        purpose=_(
            "Réserver votre place à un webinaire ou un atelier, vous envoyer l'invitation "
            "et le rappel, et ne jamais dépasser la jauge."
        ),
        legal_basis=_("Mission d'intérêt public de la collectivité (article 6-1-e du RGPD)."),
        retention=_(
            "Jusqu'à un an après la session, puis suppression ; immédiatement si vous "
            "supprimez votre compte."
        ),
        recipients=_("L'équipe du territoire et l'animateur de la session."),
        order=40,
    )
)
pd.model_declare(
    "core.SeatBooking",
    processing="seat_bookings",
    user_path="user",
    export_key="inscriptions_sessions",
    fields={
        "pool": _("session"),
        "status": _("état de l'inscription"),
        "created_at": _("date d'inscription"),
        "cancelled_at": _("date d'annulation"),
    },
)
pd.model_declare(
    "accounts.User",
    processing="accounts",
    user_path="pk",
    export_key="compte",
    fields={
        "email": _("pour vous connecter et vous écrire"),
        "first_name": _("facultatif, pour vous saluer"),
        "last_name": _("facultatif, pour que votre médiateur vous reconnaisse"),
        "role": _("pour vous proposer les bons services"),
        "language": _("pour vous écrire dans votre langue"),
        "date_joined": _("date d'inscription"),
        "last_login": _("pour supprimer les comptes inactifs"),
    },
)
pd.model_declare(
    "account.EmailAddress",
    processing="accounts",
    user_path="user",
    export_key="adresses_email",
    fields={
        "email": _("adresse confirmée ou à confirmer"),
        "verified": _("si l'adresse est confirmée"),
        "primary": _("adresse principale"),
    },
)
pd.model_declare(
    "mfa.Authenticator",
    processing="accounts",
    user_path="user",
    export_key="validation_en_deux_etapes",
    fields={
        "type": _("moyen de validation en deux étapes (le secret n'est jamais exporté)"),
        "created_at": _("date d'activation"),
        "last_used_at": _("dernière utilisation"),
    },
)
pd.model_declare(
    "accounts.Business",
    processing="businesses",
    user_path="memberships__user",
    export_key="entreprises",
    fields={
        "name": _("nom de l'entreprise"),
        "siret": _("identifiant de l'établissement, facultatif"),
        "naf_code": _("activité"),
        "is_artisan": _("inscription au répertoire des métiers"),
        "commune": _("commune de l'établissement"),
        "size_band": _("tranche d'effectif"),
        "website": _("site web"),
        "sells_online": _("vente en ligne"),
        "created_at": _("date de déclaration"),
    },
)
pd.model_declare(
    "accounts.BusinessLink",
    processing="businesses",
    user_path="business__memberships__user",
    export_key="liens_entreprises",
    fields={"business": _("entreprise"), "kind": _("type de lien"), "url": _("adresse")},
)
pd.model_declare(
    "accounts.BusinessMembership",
    processing="businesses",
    user_path="user",
    export_key="gerances",
    fields={"business": _("entreprise gérée"), "created_at": _("depuis")},
)
pd.model_declare(
    "accounts.BusinessInvitation",
    processing="businesses",
    user_path="invited_by",
    export_key="invitations_envoyees",
    fields={
        "business": _("entreprise"),
        "email": _("adresse invitée"),
        "created_at": _("envoyée le"),
        "expires_at": _("expire le"),
        "accepted_at": _("acceptée le"),
    },
)
pd.model_declare(
    "accounts.Follow",
    processing="follows",
    user_path=("mediator", "business__memberships__user"),
    export_key="accompagnements",
    fields={
        "mediator": _("médiateur"),
        "business": _("entreprise accompagnée"),
        "status": _("état"),
        "requested_at": _("date de la demande"),
        "consented_at": _("date de l'accord"),
        "started_on": _("début"),
        "ended_on": _("fin"),
    },
)
pd.model_declare(
    "accounts.AccessLogEntry",
    processing="access_journal",
    user_path="actor",
    export_key="acces_effectues",
    fields={
        "at": _("date de l'accès"),
        "action": _("type d'accès"),
        "object_type": _("type de donnée"),
        "object_label": _("donnée consultée"),
        "reason": _("motif"),
    },
)


def _accesses_about(user):
    return [
        {
            "date": entry.at.isoformat(),
            "par": entry.actor_label,
            "rôle": entry.actor_role,
            "action": str(entry.get_action_display()),
            "donnée": entry.object_label,
            "motif": entry.reason,
        }
        for entry in AccessLogEntry.objects.about(user).order_by("-at")
    ]


pd.exporter_register(
    "acces_a_mes_donnees", _accesses_about, title=_("Consultations de mes données par d'autres")
)


def _erase_businesses(user):
    """Businesses the person manages alone go with them; shared ones stay with the co-owners."""
    from tremplin.core.services import stat_increment

    for business in Business.objects.owned_by(user):
        if BusinessMembership.objects.filter(business=business).exclude(user=user).exists():
            continue
        stat_increment("accounts.business_deleted", business.commune.department.code)
        business.delete()


pd.eraser_register("accounts.businesses", _erase_businesses, order=900)

for label, reason in {
    "core.Region": _("référentiel géographique public"),
    "core.Department": _("référentiel géographique public"),
    "core.Epci": _("référentiel géographique public"),
    "core.Commune": _("référentiel géographique public"),
    "core.PostalCode": _("référentiel géographique public"),
    "core.SiteBranding": _("identité du territoire et adresses de contact fonctionnelles"),
    "core.DailyStat": _("compteurs anonymes"),
    "core.PeriodicRun": _("journal technique des tâches périodiques"),
    "core.SeatPool": _("nombre de places d'une session, sans personne"),
    "core.SearchChange": _("file technique d'indexation, sans donnée personnelle"),
}.items():
    pd.model_exempt(label, reason)

"""Personal data of the publishing side: applications and CVs, saved searches, the moderation
journal (see accounts/personal_data.py). Imported by the app's ``myspace`` module, which the
platform discovers at start-up."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tremplin.accounts import personal_data as pd
from tremplin.core.i18n import lazy_percent
from tremplin.jobs.publishing import conf

pd.processing_register(
    pd.Processing(
        key="job_applications",
        name=_("Candidatures aux offres d'emploi"),
        purpose=_(
            "Transmettre votre candidature (message et CV) à l'employeur qui publie l'offre "
            "sur le service, lui permettre d'y répondre et vous montrer où elle en est."
        ),
        legal_basis=_(
            "Mesures précontractuelles prises à votre demande (article 6-1-b du RGPD) ; "
            "votre consentement pour rester dans le vivier de l'employeur (article 6-1-a)."
        ),
        retention=lazy_percent(
            _(
                "Si vous n'êtes pas retenu·e : %(not_hired)s jours après la fin du recrutement "
                "(refus, ou fin de l'offre). Si vous êtes embauché·e : %(hired)s jours après. "
                "Si vous acceptez de rester dans le vivier de l'employeur : %(pool)s jours "
                "après le dernier contact. Tout de suite si vous retirez votre candidature ou "
                "supprimez votre compte. Le CV est supprimé avec la candidature."
            ),
            {
                "not_hired": conf.value("JOBS_RETENTION_NOT_HIRED_DAYS"),
                "hired": conf.value("JOBS_RETENTION_HIRED_DAYS"),
                "pool": conf.value("JOBS_RETENTION_POOL_DAYS"),
            },
        ),
        recipients=_(
            "Les gérants de l'entreprise qui publie l'offre et l'équipe du territoire ; chaque "
            "consultation de votre candidature ou de votre CV est inscrite dans le journal "
            "des accès que vous voyez dans « Mes données ». Aucun tiers."
        ),
        order=50,
    )
)
pd.processing_register(
    pd.Processing(
        key="job_alerts",
        name=_("Alertes emploi"),
        purpose=_(
            "Vous envoyer chaque jour par e-mail les nouvelles offres qui correspondent à une "
            "recherche que vous avez enregistrée."
        ),
        legal_basis=_(
            "Votre consentement (article 6-1-a du RGPD) : vous créez l'alerte et l'arrêtez "
            "d'un clic, depuis l'e-mail ou « Mon espace »."
        ),
        retention=_("Jusqu'à ce que vous supprimiez l'alerte ou votre compte."),
        recipients=_("Personne d'autre que vous. Aucun tiers."),
        order=51,
    )
)
pd.processing_register(
    pd.Processing(
        key="offer_moderation",
        name=_("Modération des offres d'emploi"),
        purpose=_(
            "Garder la trace des décisions de l'équipe du territoire sur les offres "
            "(publication, refus, masquage) et de leur motif."
        ),
        legal_basis=_("Mission d'intérêt public de la collectivité (article 6-1-e du RGPD)."),
        retention=_("Tant que l'offre existe sur le service."),
        recipients=_("L'équipe du territoire ; l'employeur voit le motif d'un refus."),
        order=52,
    )
)
pd.processing_register(
    pd.Processing(
        key="offer_reports",
        name=_("Signalements d'offres"),
        purpose=_(
            "Permettre à chacun de signaler une offre frauduleuse, discriminatoire ou déjà "
            "pourvue, pour que l'équipe du territoire la vérifie."
        ),
        legal_basis=_("Mission d'intérêt public de la collectivité (article 6-1-e du RGPD)."),
        retention=lazy_percent(
            _(
                "Aucune donnée sur la personne qui signale (ni compte, ni adresse IP). Le "
                "signalement et son commentaire sont supprimés %(days)s jours après son "
                "traitement."
            ),
            {"days": conf.value("JOBS_RETENTION_REPORT_DAYS")},
        ),
        recipients=_("L'équipe du territoire."),
        order=53,
    )
)

pd.model_declare(
    "jobs.Application",
    processing="job_applications",
    user_path="candidate",
    export_key="candidatures",
    fields={
        "offer": _("offre à laquelle vous avez postulé"),
        "business": _("employeur"),
        "message": _("votre message à l'employeur"),
        "cv_filename": _("nom du CV envoyé (le fichier se télécharge dans « Mon espace »)"),
        "cv_size": _("taille du CV"),
        "status": _("où en est votre candidature"),
        "pool_consent": _("accord pour rester dans le vivier de l'employeur"),
        "created_at": _("date d'envoi"),
        "status_changed_at": _("date du dernier changement d'état"),
        "last_contact_at": _("date du dernier contact"),
        "recruitment_ended_at": _("fin du recrutement, point de départ de l'effacement"),
    },
)
pd.model_declare(
    "jobs.SavedSearch",
    processing="job_alerts",
    user_path="user",
    export_key="alertes_emploi",
    fields={
        "name": _("nom de l'alerte"),
        "query_string": _("critères de la recherche"),
        "is_active": _("envoi quotidien actif"),
        "created_at": _("date de création"),
        "last_sent_at": _("dernier e-mail envoyé"),
    },
)
pd.model_declare(
    "jobs.ModerationDecision",
    processing="offer_moderation",
    user_path="actor",
    export_key="decisions_de_moderation",
    fields={
        "offer": _("offre concernée"),
        "action": _("décision"),
        "reason": _("motif"),
        "at": _("date"),
    },
)
pd.model_exempt(
    "jobs.OfferReport",
    _("signalement anonyme : ni compte ni adresse conservés ; supprimé après traitement"),
)
pd.model_exempt("jobs.ModeratedOffer", _("les offres d'emploi publiques, vues par la modération"))


def _erase_applications(user) -> None:
    """A person's applications and CV files go with their account. So do the applications a
    business received when the person is its only owner (the business goes too), and that
    business's offers leave the site."""
    from tremplin.accounts.models import Business
    from tremplin.jobs.models.publishing import Application
    from tremplin.jobs.publishing.services import application_erase
    from tremplin.jobs.publishing.services.employer import offers_withdraw_for_business

    for application in Application.objects.filter(candidate=user):
        application_erase(application)
    for business in Business.objects.owned_by(user):
        if business.memberships.exclude(user=user).exists():
            continue
        for application in Application.objects.filter(business=business):
            application_erase(application)
        offers_withdraw_for_business(business=business)


pd.eraser_register("jobs.applications", _erase_applications, order=500)

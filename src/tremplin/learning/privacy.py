"""What the learning app keeps about people, why, and for how long."""

from django.utils.translation import gettext_lazy as _

from tremplin.accounts import personal_data as pd
from tremplin.core.i18n import lazy_percent
from tremplin.learning import conf

pd.processing_register(
    pd.Processing(
        key="learning",
        name=_("Suivi des parcours de formation"),
        purpose=_(
            "Enregistrer les modules que vous avez commencés et terminés et vos résultats aux "
            "quiz, pour que vous repreniez où vous en étiez sur n'importe quel appareil, puis "
            "vous délivrer une attestation vérifiable. Les statistiques vues par l'équipe du "
            "territoire sont uniquement des totaux."
        ),
        legal_basis=_("Mission d'intérêt public de la collectivité (article 6-1-e du RGPD)."),
        retention=_(
            "Jusqu'à la suppression de votre compte. Vos réponses aux quiz sont alors détachées "
            "de votre compte et ne comptent plus que dans des totaux anonymes ; vos "
            "attestations sont supprimées (leur code de vérification ne répond plus)."
        ),
        recipients=_(
            "Vous ; toute personne à qui vous donnez le code de votre attestation ; l'équipe du "
            "territoire (totaux anonymes seulement). Aucun tiers."
        ),
        order=50,
    )
)
pd.processing_register(
    pd.Processing(
        key="learning_webinars",
        name=_("Inscriptions aux webinaires"),
        purpose=_(
            "Réserver votre place à un webinaire, vous envoyer l'invitation, le lien de la "
            "visioconférence et un rappel la veille."
        ),
        legal_basis=_("Mission d'intérêt public de la collectivité (article 6-1-e du RGPD)."),
        retention=lazy_percent(
            _(
                "%(days)s jours après la session, puis suppression automatique ; immédiatement "
                "si vous vous désinscrivez ou supprimez votre compte."
            ),
            {"days": conf.WEBINAR_REGISTRATION_DAYS},
        ),
        recipients=_("L'équipe du territoire et l'animateur du webinaire. Aucun tiers."),
        order=51,
    )
)
pd.model_declare(
    "learning.Progress",
    processing="learning",
    user_path="user",
    export_key="progression_modules",
    fields={
        "module": _("module"),
        "started_at": _("début"),
        "last_seen_at": _("dernière visite, pour reprendre où vous en étiez"),
        "completed_at": _("fin"),
        "best_score": _("meilleur score au quiz"),
    },
)
pd.model_declare(
    "learning.QuizAttempt",
    processing="learning",
    user_path="user",
    export_key="tentatives_quiz",
    fields={
        "quiz": _("quiz"),
        "score": _("score"),
        "passed": _("réussi"),
        "created_at": _("date"),
    },
)
pd.model_declare(
    "learning.QuizAttemptAnswer",
    processing="learning",
    user_path="attempt__user",
    export_key="reponses_quiz",
    fields={
        "attempt": _("tentative"),
        "question": _("question"),
        "chosen": _("réponses choisies"),
        "correct": _("bonne réponse"),
    },
)
pd.model_declare(
    "learning.Certificate",
    processing="learning",
    user_path="user",
    export_key="attestations",
    fields={
        "code": _("code de vérification"),
        "full_name": _("nom inscrit"),
        "path_title": _("parcours"),
        "hours": _("durée"),
        "issued_at": _("date"),
    },
)
pd.model_declare(
    "learning.WebinarRegistration",
    processing="learning_webinars",
    user_path="user",
    export_key="inscriptions_webinaires",
    fields={
        "webinar": _("webinaire"),
        "created_at": _("date d'inscription"),
        "reminded_at": _("rappel envoyé"),
    },
)


def _erase_quiz_attempts(user):
    """Keep the answers for anonymous per-question statistics, without the person."""
    from tremplin.learning.models import QuizAttempt

    QuizAttempt.objects.filter(user=user).update(user=None)


def _erase_webinar_registrations(user):
    """Give seats back before the account (and its bookings) go."""
    from tremplin.learning.services.webinars import webinar_unregister

    for registration in list(user.webinar_registrations.select_related("booking")):
        webinar_unregister(registration=registration)


pd.eraser_register("learning.quiz_attempts", _erase_quiz_attempts, order=200)
pd.eraser_register("learning.webinar_registrations", _erase_webinar_registrations, order=200)

for label in ("learning.Path", "learning.Chapter", "learning.Module", "learning.Quiz"):
    pd.model_exempt(label, _("contenu de formation publié par le territoire"))
for label in ("learning.Question", "learning.Answer"):
    pd.model_exempt(label, _("contenu de formation publié par le territoire"))
pd.model_exempt("learning.Webinar", _("session publiée par le territoire, sans participant"))

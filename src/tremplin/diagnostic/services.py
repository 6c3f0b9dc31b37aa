"""Writes of the diagnostic app: publishing a version, taking, completing and sharing a
diagnostic, and the retention purges. Every check happens before the first write, so a refused
request changes nothing."""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import datetime, timedelta
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import Business, Role
from tremplin.accounts.models.business import SizeBand
from tremplin.accounts.selectors import follow_is_active
from tremplin.core.errors import DomainError
from tremplin.core.territory import current_territory
from tremplin.diagnostic import conf
from tremplin.diagnostic.models import Answer, Diagnostic, DimensionScore, QuestionnaireVersion
from tremplin.diagnostic.questionnaire import SELLS_ONLINE_QUESTION
from tremplin.diagnostic.scoring import AnswerError, check_choices, score
from tremplin.diagnostic.selectors import answers_of
from tremplin.diagnostic.versions import read_version_file

log = logging.getLogger(__name__)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- Versions ------------------------------------------------------------------------------
@transaction.atomic
def questionnaire_publish(*, path: Path) -> tuple[QuestionnaireVersion, str]:
    """Store a questionnaire file as a version; returns (version, "created"|"updated"|"same").

    A version that already has diagnostics is frozen: changing its file is refused, and the
    change must be published as a new version (``v2.yaml``) so that no result ever changes.
    """
    found = read_version_file(path)
    fields = {
        "sha256": found.sha256,
        "title": found.questionnaire.title,
        "published_on": found.questionnaire.published,
        "definition": found.questionnaire.to_dict(),
        "source": found.text,
    }
    version = QuestionnaireVersion.objects.select_for_update().filter(number=found.number).first()
    if version is None:
        if QuestionnaireVersion.objects.filter(sha256=found.sha256).exists():
            raise DomainError(
                _("%(file)s : ce fichier est déjà publié sous un autre numéro de version.")
                % {"file": path.name}
            )
        return QuestionnaireVersion.objects.create(number=found.number, **fields), "created"
    if version.sha256 == found.sha256:
        return version, "same"
    used = version.diagnostics.count()
    if used:
        raise DomainError(
            _(
                "%(file)s : la version %(number)s a déjà %(count)s diagnostic(s) et ne peut "
                "plus changer. Publiez vos modifications dans un nouveau fichier "
                "v%(next)s.yaml (version: %(next)s)."
            )
            % {
                "file": path.name,
                "number": version.number,
                "count": used,
                "next": version.number + 1,
            }
        )
    for name, value in fields.items():
        setattr(version, name, value)
    version.save()
    return version, "updated"


# --- Taking a diagnostic -------------------------------------------------------------------
def _check_sector(version: QuestionnaireVersion, sector: str) -> None:
    if version.questionnaire.sector(sector) is None:
        raise DomainError(_("Choisissez votre secteur d'activité dans la liste."), code="sector")


def _may_act_for(actor, business: Business) -> str:
    """ "owner" or "mediator"; a DomainError for anyone else."""
    if actor is not None and actor.is_authenticated:
        if business.memberships.filter(user=actor).exists():
            return "owner"
        if actor.role == Role.MEDIATOR and follow_is_active(mediator=actor, business=business):
            return "mediator"
    raise DomainError(
        _(
            "Vous ne pouvez pas remplir le diagnostic de cette entreprise : seuls ses gérants "
            "et le médiateur dont elle a accepté l'accompagnement le peuvent."
        ),
        code="forbidden",
    )


def _latest_completed(business: Business) -> Diagnostic | None:
    return business.diagnostics.completed().order_by("-completed_at").first()


@transaction.atomic
def diagnostic_start(
    *,
    actor,
    version: QuestionnaireVersion,
    sector: str,
    business: Business | None = None,
    department_code: str = "",
    size_band: str = "",
    previous: Diagnostic | None = None,
    now: datetime | None = None,
) -> tuple[Diagnostic, str | None]:
    """Start (or resume) a diagnostic; returns it with its private link's token, if any.

    For a business, an unfinished diagnostic is resumed rather than doubled (a database
    constraint allows one). Without a business the result is reached by a long random token
    given once to the person; only its hash is stored.
    """
    now = now or timezone.now()
    _check_sector(version, sector)
    if business is None:
        territory = current_territory()
        if department_code and department_code not in territory.department_codes:
            raise DomainError(_("Choisissez un département du territoire."), code="department")
        if size_band and size_band not in SizeBand.values:
            raise DomainError(_("Choisissez une tranche d'effectif de la liste."), code="size")
        token = secrets.token_urlsafe(32)
        diagnostic = Diagnostic.objects.create(
            version=version,
            token_hash=token_hash(token),
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            sector=sector,
            department_code=department_code,
            size_band=size_band,
            previous=previous if previous is not None and previous.is_completed else None,
            started_at=now,
            updated_at=now,
        )
        return diagnostic, token
    role = _may_act_for(actor, business)
    assisted = {"is_assisted": True, "assisted_by": actor} if role == "mediator" else {}
    existing = Diagnostic.objects.in_progress().filter(business=business).first()
    if existing is None:
        try:
            with transaction.atomic():
                existing = Diagnostic.objects.create(
                    version=version,
                    business=business,
                    created_by=actor,
                    sector=sector,
                    department_code=business.commune.department.code,
                    size_band=business.size_band,
                    previous=_latest_completed(business),
                    started_at=now,
                    updated_at=now,
                    **assisted,
                )
        except IntegrityError:
            # Someone else (a co-owner, the mediator) started it at the same moment.
            existing = Diagnostic.objects.in_progress().get(business=business)
    if assisted and not existing.is_assisted:
        Diagnostic.objects.filter(pk=existing.pk).update(**assisted)
        existing.refresh_from_db()
    return existing, None


def _check_in_progress(diagnostic: Diagnostic) -> None:
    if diagnostic.is_completed:
        raise DomainError(
            _(
                "Ce diagnostic est terminé : ses réponses ne changent plus. Refaites le "
                "diagnostic pour mesurer vos progrès."
            ),
            code="completed",
        )


@transaction.atomic
def diagnostic_save_answers(
    *,
    diagnostic: Diagnostic,
    answers: dict[str, list[str]],
    required: list[str] | tuple[str, ...] = (),
    now: datetime | None = None,
) -> Diagnostic:
    """Record answers (saved as the person goes); every answer is checked before any write."""
    _check_in_progress(diagnostic)
    questionnaire = diagnostic.version.questionnaire
    cleaned = {}
    for key, choices in answers.items():
        question = questionnaire.question(key)
        if question is None or not question.applies_to(diagnostic.sector):
            raise AnswerError(
                _("La question « %(key)s » ne fait pas partie de ce diagnostic.") % {"key": key},
                code="unknown_question",
            )
        cleaned[key] = check_choices(question, list(choices))
    for key in required:
        if key not in cleaned:
            check_choices(questionnaire.question(key), [])  # raises « Répondez à… »
    existing = dict(
        Answer.objects.filter(diagnostic=diagnostic, question__in=cleaned).values_list(
            "question", "choices"
        )
    )
    for key, choices in cleaned.items():
        if key in existing and existing[key] != choices:
            Answer.objects.filter(diagnostic=diagnostic, question=key).update(choices=choices)
    Answer.objects.bulk_create(
        Answer(diagnostic=diagnostic, question=key, choices=choices)
        for key, choices in cleaned.items()
        if key not in existing
    )
    diagnostic.updated_at = now or timezone.now()
    Diagnostic.objects.filter(pk=diagnostic.pk).update(updated_at=diagnostic.updated_at)
    return diagnostic


@transaction.atomic
def diagnostic_complete(*, diagnostic: Diagnostic, now: datetime | None = None) -> Diagnostic:
    """Score the answers and freeze the diagnostic; completing twice scores once."""
    now = now or timezone.now()
    if diagnostic.is_completed:
        return diagnostic
    questionnaire = diagnostic.version.questionnaire
    answers = answers_of(diagnostic)
    for dimension in questionnaire.dimensions:
        for question in dimension.questions_for(diagnostic.sector):
            if question.key not in answers:
                raise DomainError(
                    _("Il reste des questions sans réponse dans l'étape « %(step)s ».")
                    % {"step": dimension.label},
                    code="incomplete",
                )
    scores = score(questionnaire, answers, diagnostic.sector)
    snapshot = {}
    if diagnostic.business_id:
        business = Business.objects.select_related("commune__department").get(
            pk=diagnostic.business_id
        )
        snapshot = {
            "department_code": business.commune.department.code,
            "size_band": business.size_band,
        }
    sells = answers.get(SELLS_ONLINE_QUESTION, [""])[0]
    done = Diagnostic.objects.filter(pk=diagnostic.pk, status=Diagnostic.Status.IN_PROGRESS).update(
        status=Diagnostic.Status.COMPLETED,
        completed_at=now,
        updated_at=now,
        overall_score=scores.overall,
        level=scores.level.key,
        sells_online=sells,
        **snapshot,
    )
    if done:
        DimensionScore.objects.bulk_create(
            DimensionScore(diagnostic=diagnostic, dimension=key, score=value)
            for key, value in scores.dimensions.items()
        )
    diagnostic.refresh_from_db()
    return diagnostic


# --- After the result ----------------------------------------------------------------------
@transaction.atomic
def diagnostic_share(*, diagnostic: Diagnostic, actor, shared: bool) -> Diagnostic:
    """The owners decide whether the mediators who follow the business may see a result."""
    if diagnostic.business is None or _may_act_for(actor, diagnostic.business) != "owner":
        raise DomainError(_("Seuls les gérants de l'entreprise peuvent partager ce résultat."))
    Diagnostic.objects.filter(pk=diagnostic.pk).update(shared_with_mediator=shared)
    diagnostic.shared_with_mediator = shared
    return diagnostic


@transaction.atomic
def diagnostic_attach(*, diagnostic: Diagnostic, actor, business: Business) -> Diagnostic:
    """Keep a diagnostic taken without an account in the business's « Mon espace »."""
    if diagnostic.business_id is not None:
        raise DomainError(_("Ce diagnostic est déjà rattaché à une entreprise."))
    if _may_act_for(actor, business) != "owner":
        raise DomainError(_("Vous ne gérez pas cette entreprise."))
    if (
        not diagnostic.is_completed
        and Diagnostic.objects.in_progress().filter(business=business).exists()
    ):
        raise DomainError(
            _(
                "Un diagnostic est déjà en cours pour cette entreprise : terminez-le d'abord, "
                "ou terminez celui-ci avant de le rattacher."
            )
        )
    previous = diagnostic.previous
    if previous is None and diagnostic.is_completed:
        previous = (
            business.diagnostics.completed()
            .filter(completed_at__lt=diagnostic.completed_at)
            .order_by("-completed_at")
            .first()
        )
    elif previous is None:
        previous = _latest_completed(business)
    Diagnostic.objects.filter(pk=diagnostic.pk).update(
        business=business,
        token_hash=None,
        created_by=diagnostic.created_by or actor,
        previous=previous,
        department_code=business.commune.department.code,
        size_band=business.size_band,
        updated_at=timezone.now(),
    )
    diagnostic.refresh_from_db()
    return diagnostic


@transaction.atomic
def diagnostic_delete(*, diagnostic: Diagnostic) -> None:
    """The holder of a private link (or the owners) may delete a diagnostic at any time."""
    diagnostic.delete()


# --- Retention -----------------------------------------------------------------------------
def diagnostics_purge(*, now: datetime | None = None) -> tuple[int, int]:
    """Delete unfinished private-link diagnostics and old private-link results.

    Returns (drafts deleted, results deleted). Diagnostics of a business live as long as the
    business (they go with the account of its last owner).
    """
    now = now or timezone.now()
    anonymous = Diagnostic.objects.filter(business__isnull=True)
    drafts = anonymous.in_progress().filter(
        updated_at__lt=now - timedelta(days=conf.draft_retention_days())
    )
    results = anonymous.filter(updated_at__lt=now - timedelta(days=conf.anonymous_retention_days()))
    with transaction.atomic():
        draft_count = drafts.delete()[1].get(Diagnostic._meta.label, 0)
        result_count = results.delete()[1].get(Diagnostic._meta.label, 0)
    return draft_count, result_count


def diagnostics_erase_for(user) -> int:
    """Account deletion: the diagnostics of businesses this person manages alone go too."""
    alone = [
        business.pk
        for business in Business.objects.owned_by(user)
        if not business.memberships.exclude(user=user).exists()
    ]
    deleted = Diagnostic.objects.filter(business_id__in=alone).delete()
    return deleted[1].get(Diagnostic._meta.label, 0)

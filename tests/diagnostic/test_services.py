"""Taking a diagnostic through the services: who may, saving as you go, completing, sharing,
attaching, deleting; bad answers change nothing."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.diagnostic.conftest import best_answers, lowest_answers
from tests.factories import BusinessFactory, FollowFactory, UserFactory
from tremplin.core.errors import DomainError
from tremplin.diagnostic import selectors, services
from tremplin.diagnostic.models import Answer, Diagnostic, DimensionScore
from tremplin.diagnostic.scoring import AnswerError

pytestmark = pytest.mark.django_db


def test_start_without_account_gives_a_long_token_and_stores_only_its_hash(version, communes):
    diagnostic, token = services.diagnostic_start(
        actor=None, version=version, sector="services", department_code="42", size_band="0"
    )
    assert len(token) == 43
    assert diagnostic.token_hash == services.token_hash(token) != token
    assert selectors.diagnostic_by_token(token) == diagnostic
    assert selectors.diagnostic_by_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert selectors.diagnostic_by_token("trop-court") is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sector", "boulangerie", "secteur"),
        ("department_code", "75", "département du territoire"),
        ("size_band", "mille", "tranche d'effectif"),
    ],
)
def test_start_refuses_bad_choices(version, communes, field, value, message):
    kwargs = {"actor": None, "version": version, "sector": "commerce", field: value}
    with pytest.raises(DomainError, match=message):
        services.diagnostic_start(**kwargs)
    assert not Diagnostic.objects.exists()


def test_owner_starts_for_their_business_and_resumes_it(version, owner, business):
    first, token = services.diagnostic_start(
        actor=owner, version=version, sector="commerce", business=business
    )
    assert token is None and first.business == business and not first.is_assisted
    assert first.department_code == "42" and first.size_band == business.size_band
    again, _ = services.diagnostic_start(
        actor=owner, version=version, sector="commerce", business=business
    )
    assert again == first


def test_only_owners_and_following_mediators_may_start(version, owner, business, mediator):
    stranger = UserFactory()
    with pytest.raises(DomainError, match="seuls ses gérants"):
        services.diagnostic_start(
            actor=stranger, version=version, sector="commerce", business=business
        )
    with pytest.raises(DomainError):  # a mediator without an active follow-up
        services.diagnostic_start(
            actor=mediator, version=version, sector="commerce", business=business
        )
    FollowFactory(mediator=mediator, business=business, active=True)
    assisted, _ = services.diagnostic_start(
        actor=mediator, version=version, sector="commerce", business=business
    )
    assert assisted.is_assisted and assisted.assisted_by == mediator
    assert assisted.created_by == mediator
    assert not Diagnostic.objects.filter(business__isnull=True).exists()


def test_answers_are_saved_step_by_step_and_a_bad_one_changes_nothing(version):
    diagnostic, _ = services.diagnostic_start(actor=None, version=version, sector="commerce")
    services.diagnostic_save_answers(
        diagnostic=diagnostic, answers={"strategy_goals": ["informal"]}
    )
    assert selectors.answers_of(diagnostic) == {"strategy_goals": ["informal"]}
    with pytest.raises(AnswerError, match="La réponse « 99 » n'existe pas"):
        services.diagnostic_save_answers(
            diagnostic=diagnostic,
            answers={"strategy_goals": ["measured"], "strategy_budget": ["99"]},
        )
    with pytest.raises(AnswerError, match="ne fait pas partie de ce diagnostic"):
        services.diagnostic_save_answers(  # an artisan's question on a shop's path
            diagnostic=diagnostic, answers={"readiness_quotes_bookings": ["phone"]}
        )
    with pytest.raises(AnswerError, match="Répondez"):
        services.diagnostic_save_answers(
            diagnostic=diagnostic,
            answers={"strategy_goals": ["measured"]},
            required=["strategy_goals", "strategy_budget"],
        )
    assert selectors.answers_of(diagnostic) == {"strategy_goals": ["informal"]}
    services.diagnostic_save_answers(
        diagnostic=diagnostic, answers={"readiness_payments": ["contactless", "card"]}
    )
    # Stored in the questionnaire's order, whatever the order ticked.
    assert Answer.objects.get(question="readiness_payments").choices == ["card", "contactless"]


def test_complete_scores_once_and_freezes(version, questionnaire):
    diagnostic, _ = services.diagnostic_start(actor=None, version=version, sector="agriculture")
    answers = best_answers(questionnaire, "agriculture")
    services.diagnostic_save_answers(diagnostic=diagnostic, answers=dict(list(answers.items())[:5]))
    with pytest.raises(DomainError, match="Il reste des questions"):
        services.diagnostic_complete(diagnostic=diagnostic)
    services.diagnostic_save_answers(diagnostic=diagnostic, answers=answers)
    done = services.diagnostic_complete(diagnostic=diagnostic)
    assert (done.status, done.overall_score, done.level, done.sells_online) == (
        "completed",
        100,
        "expert",
        "yes",
    )
    assert DimensionScore.objects.filter(diagnostic=done).count() == 7
    services.diagnostic_complete(diagnostic=done)
    assert DimensionScore.objects.filter(diagnostic=done).count() == 7
    with pytest.raises(DomainError, match="est terminé"):
        services.diagnostic_save_answers(diagnostic=done, answers={"strategy_goals": ["none"]})


def test_retake_keeps_the_previous_result(take, owner, business):
    first = take(actor=owner, business=business, when=timezone.now() - timedelta(days=90))
    second = take(actor=owner, business=business)
    assert second.previous == first
    summary = selectors.result_summary(second)
    assert summary.previous == first and all(r.previous == 0 for r in summary.rows)


def test_share_is_for_owners_only(take, owner, business, mediator):
    diagnostic = take(actor=owner, business=business)
    with pytest.raises(DomainError):
        services.diagnostic_share(diagnostic=diagnostic, actor=mediator, shared=True)
    services.diagnostic_share(diagnostic=diagnostic, actor=owner, shared=True)
    diagnostic.refresh_from_db()
    assert diagnostic.shared_with_mediator


def test_attach_a_private_link_result_to_a_business(take, owner, business):
    earlier = take(actor=owner, business=business, when=timezone.now() - timedelta(days=30))
    anonymous = take(sector="commerce")
    other = UserFactory()
    with pytest.raises(DomainError):
        services.diagnostic_attach(diagnostic=anonymous, actor=other, business=business)
    attached = services.diagnostic_attach(diagnostic=anonymous, actor=owner, business=business)
    assert attached.business == business and attached.token_hash is None
    assert attached.previous == earlier
    assert selectors.diagnostic_by_token(anonymous.token) is None


def test_purge_removes_old_private_link_diagnostics_only(take, owner, business, version):
    old = timezone.now() - timedelta(days=400)
    kept_business = take(actor=owner, business=business, when=old)
    old_result = take(when=old)
    recent = take()
    draft, _ = services.diagnostic_start(
        actor=None, version=version, sector="commerce", now=timezone.now() - timedelta(days=40)
    )
    fresh_draft, _ = services.diagnostic_start(actor=None, version=version, sector="commerce")
    assert services.diagnostics_purge() == (1, 1)
    remaining = set(Diagnostic.objects.values_list("pk", flat=True))
    assert remaining == {kept_business.pk, recent.pk, fresh_draft.pk}
    assert old_result.pk not in remaining and draft.pk not in remaining


def test_eraser_keeps_shared_businesses_results(take, owner, business, saint_etienne):
    shared = BusinessFactory(owners=[owner, UserFactory()], commune=saint_etienne)
    mine = take(actor=owner, business=business)
    ours = take(actor=owner, business=shared)
    assert services.diagnostics_erase_for(owner) == 1
    assert not Diagnostic.objects.filter(pk=mine.pk).exists()
    assert Diagnostic.objects.filter(pk=ours.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_starts_make_one_diagnostic(saint_etienne):
    from tremplin.diagnostic.selectors import version_current

    owners = [UserFactory(), UserFactory()]
    business = BusinessFactory(owners=owners, commune=saint_etienne)
    version = version_current()
    barrier = threading.Barrier(6)
    found, errors = [], []

    def start(user):
        try:
            barrier.wait()
            diagnostic, _ = services.diagnostic_start(
                actor=user, version=version, sector="commerce", business=business
            )
            found.append(diagnostic.pk)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=start, args=(owners[i % 2],)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(found)) == 1
    assert Diagnostic.objects.filter(business=business).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_completions_score_once():
    from tremplin.diagnostic.selectors import version_current

    version = version_current()
    diagnostic, _ = services.diagnostic_start(actor=None, version=version, sector="commerce")
    services.diagnostic_save_answers(
        diagnostic=diagnostic, answers=lowest_answers(version.questionnaire, "commerce")
    )
    barrier = threading.Barrier(4)
    errors = []

    def complete():
        try:
            barrier.wait()
            services.diagnostic_complete(diagnostic=Diagnostic.objects.get(pk=diagnostic.pk))
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert DimensionScore.objects.filter(diagnostic=diagnostic).count() == 7

"""Applying, and moving an application through its states without losing anyone's update."""

from __future__ import annotations

import threading

import pytest
from django.core import mail
from django.db import connection

from tests.factories import UserFactory
from tremplin.core.errors import DomainError
from tremplin.jobs.models.publishing import Application
from tremplin.jobs.publishing.services import (
    application_move,
    application_pool_consent,
    application_submit,
    application_withdraw,
)

pytestmark = pytest.mark.django_db


def test_apply_stores_the_cv_outside_public_media_and_emails_the_employer(
    application, owner, settings
):
    assert application.status == "received"
    path = application.cv.path
    assert path.startswith(str(settings.PROTECTED_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert application.cv_filename == "Mon CV.pdf"
    assert application.cv.name.endswith(".pdf") and "Mon CV" not in application.cv.name
    message = mail.outbox[-1]
    assert message.to == [owner.email]
    assert f"/emplois/employeur/candidatures/{application.pk}/" in message.body
    assert "Mon CV" not in message.body  # the link is private; nothing personal in the mail


def test_applying_twice_is_refused(application, job_seeker, offer):
    with pytest.raises(DomainError, match="déjà postulé"):
        application_submit(candidate=job_seeker, offer=offer, message="Encore moi")


def test_a_zip_named_pdf_is_refused_and_nothing_is_stored(job_seeker, offer, cv_file, settings):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("cv.docx", b"x")
    with pytest.raises(DomainError, match="c'est un fichier ZIP") as exc:
        application_submit(
            candidate=job_seeker, offer=offer, message="Bonjour", cv=cv_file(buffer.getvalue())
        )
    assert exc.value.code == "cv"
    assert not Application.objects.exists()
    assert not (settings.PROTECTED_MEDIA_ROOT / "cv").exists()


def test_empty_message_and_external_offer_are_refused(job_seeker, offer, external_offer):
    with pytest.raises(DomainError, match="quelques mots"):
        application_submit(candidate=job_seeker, offer=offer, message="   ")
    with pytest.raises(DomainError, match="offre d'origine"):
        application_submit(candidate=job_seeker, offer=external_offer, message="Bonjour")
    assert not Application.objects.exists()


def test_owner_cannot_apply_to_own_offer(owner, offer):
    with pytest.raises(DomainError, match="Vous gérez l'entreprise"):
        application_submit(candidate=owner, offer=offer, message="Moi-même")


def test_expired_offer_takes_no_application(job_seeker, offer):
    from django.utils import timezone

    offer.expired_at = timezone.now()
    offer.save()
    with pytest.raises(DomainError, match="plus en ligne"):
        application_submit(candidate=job_seeker, offer=offer, message="Bonjour")


def test_states_move_and_the_candidate_is_told(application, owner, job_seeker):
    moved = application_move(
        actor=owner, application=application, status="in_review", expected_version=1
    )
    assert (moved.status, moved.version) == ("in_review", 2)
    assert moved.recruitment_ended_at is None
    assert mail.outbox[-1].to == [job_seeker.email]
    assert "En cours d'examen" in mail.outbox[-1].body
    moved = application_move(
        actor=owner, application=moved, status="not_retained", expected_version=2
    )
    assert moved.recruitment_ended_at is not None


def test_a_stale_page_cannot_overwrite_a_decision(application, owner):
    application_move(actor=owner, application=application, status="hired", expected_version=1)
    with pytest.raises(DomainError, match=r"modifiée par quelqu.un d.autre.*Embauche") as exc:
        application_move(
            actor=owner, application=application, status="not_retained", expected_version=1
        )
    assert exc.value.code == "conflict"
    assert Application.objects.get().status == "hired"


def test_impossible_transition_and_stranger_are_refused(application, owner):
    with pytest.raises(DomainError, match="ne peut pas passer"):
        application_move(
            actor=owner, application=application, status="received", expected_version=1
        )
    with pytest.raises(DomainError, match="ne gérez pas"):
        application_move(
            actor=UserFactory(), application=application, status="hired", expected_version=1
        )


@pytest.mark.django_db(transaction=True)
def test_two_owners_clicking_at_once_one_wins_the_other_is_told(business, offer, cv_file):
    """Threads behind a barrier, on a file-backed SQLite or PostgreSQL: no lost update."""
    from tests.factories import UserFactory as Users
    from tremplin.accounts.models import BusinessMembership

    candidate = Users(role="job_seeker")
    application = application_submit(candidate=candidate, offer=offer, message="Bonjour")
    owners = [Users() for _ in range(6)]
    for person in owners:
        BusinessMembership.objects.create(user=person, business=business)
    barrier = threading.Barrier(len(owners))
    outcomes = []

    def click(person, status):
        try:
            barrier.wait()
            application_move(
                actor=person, application=application, status=status, expected_version=1
            )
            outcomes.append(("ok", status))
        except DomainError as exc:
            outcomes.append((exc.code, status))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=click, args=(p, "hired" if i % 2 else "not_retained"))
        for i, p in enumerate(owners)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [status for code, status in outcomes if code == "ok"]
    assert len(winners) == 1
    assert {code for code, _ in outcomes if code != "ok"} == {"conflict"}
    fresh = Application.objects.get(pk=application.pk)
    assert fresh.status == winners[0]
    assert fresh.version == 2


def test_candidate_withdraws_and_the_file_goes(
    application, job_seeker, django_capture_on_commit_callbacks
):
    import os

    path = application.cv.path
    with django_capture_on_commit_callbacks(execute=True):
        application_withdraw(candidate=job_seeker, application=application)
    assert not Application.objects.exists()
    assert not os.path.exists(path)


def test_pool_consent_restarts_the_contact_clock(application, job_seeker):
    before = application.last_contact_at
    updated = application_pool_consent(candidate=job_seeker, application=application, consent=True)
    assert updated.pool_consent and updated.last_contact_at >= before
    with pytest.raises(DomainError):
        application_pool_consent(candidate=UserFactory(), application=application, consent=False)

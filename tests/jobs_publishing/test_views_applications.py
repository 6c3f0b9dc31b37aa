"""Applying and handling applications through the pages, with the permissions and the journal."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core import mail

from tests.factories import UserFactory
from tests.helpers import messages_of, text
from tremplin.accounts.models import AccessLogEntry
from tremplin.jobs.models.publishing import Application

pytestmark = pytest.mark.django_db


def apply_url(offer):
    return f"/emplois/postuler/{offer.pk}/"


def test_apply_page_needs_an_account(client, offer):
    response = client.get(apply_url(offer))
    assert response.status_code == 302 and "/compte/login/" in response["Location"]


def test_apply_with_a_cv_then_see_it_in_my_space(client, job_seeker, offer, cv_file, owner):
    client.force_login(job_seeker)
    page = text(client.get(apply_url(offer)))
    assert "Votre CV (facultatif)" in page and 'accept="application/pdf,.pdf"' in page
    response = client.post(
        apply_url(offer), {"message": "Je suis disponible tout de suite.", "cv": cv_file()}
    )
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.cv_filename == "Mon CV.pdf"
    assert mail.outbox[-1].to == [owner.email]
    space = text(client.get("/mon-espace/"))
    assert "Mes candidatures" in space and offer.title in space and "Reçue" in space
    # Once sent, the page says so instead of offering the form again.
    assert "Vous avez postulé le" in text(client.get(apply_url(offer)))


def test_a_zip_renamed_pdf_gets_a_clear_message_and_nothing_changes(client, job_seeker, offer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("cv.docx", b"x" * 100)
    buffer.seek(0)
    buffer.name = "cv.pdf"
    client.force_login(job_seeker)
    response = client.post(apply_url(offer), {"message": "Bonjour", "cv": buffer})
    assert response.status_code == 200
    assert "Ce fichier n'est pas un PDF : c'est un fichier ZIP" in text(response)
    assert not Application.objects.exists()
    assert mail.outbox == []


def test_a_50_mb_upload_is_dropped_while_it_arrives(client, job_seeker, offer, settings):
    """The upload handler stops storing past the limit: the message says why, nothing is kept."""
    settings.JOBS_CV_MAX_BYTES = 64 * 1024  # a 50 MB body would only slow the test down
    big = io.BytesIO(b"PK\x03\x04" + b"\0" * (512 * 1024))
    big.name = "cv.pdf"
    client.force_login(job_seeker)
    response = client.post(apply_url(offer), {"message": "Bonjour", "cv": big})
    assert response.status_code == 200
    assert "Le fichier est trop lourd : un CV doit faire" in text(response)
    assert "Bonjour" in text(response)  # the message typed is kept in the form
    assert not Application.objects.exists()
    assert not (settings.PROTECTED_MEDIA_ROOT / "cv").exists()


def test_csrf_is_still_checked_on_apply(job_seeker, offer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(job_seeker)
    response = client.post(apply_url(offer), {"message": "Bonjour"})
    assert response.status_code == 403
    assert not Application.objects.exists()


def test_an_external_offer_sends_to_its_original_page(client, job_seeker, external_offer):
    client.force_login(job_seeker)
    response = client.get(apply_url(external_offer))
    assert response.status_code == 302
    assert response["Location"].startswith("https://candidat.exemple.fr/offre/")


def test_cv_download_permissions_and_journal(client, application, owner, job_seeker, staff):
    url = f"/emplois/candidatures/{application.pk}/cv/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404  # a stranger: as if it did not exist
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="Mon CV.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Cache-Control"] == "private, no-store"
    assert "sandbox" in response["Content-Security-Policy"]
    entry = AccessLogEntry.objects.get()
    assert (entry.actor_id, entry.subject_id, entry.action) == (owner.pk, job_seeker.pk, "download")
    client.force_login(staff)
    response = client.get(url)
    b"".join(response.streaming_content)  # read to the end: the file is closed
    assert response.status_code == 200
    assert AccessLogEntry.objects.filter(actor=staff, action="download").count() == 1
    client.force_login(job_seeker)  # the candidate gets their own file back, not journaled
    response = client.get(url)
    b"".join(response.streaming_content)  # read to the end: the file is closed
    assert response.status_code == 200
    assert AccessLogEntry.objects.count() == 2


def test_cv_download_through_nginx(client, application, owner, settings):
    settings.X_ACCEL_REDIRECT = True
    client.force_login(owner)
    response = client.get(f"/emplois/candidatures/{application.pk}/cv/")
    assert response["X-Accel-Redirect"] == "/protected/" + application.cv.name
    assert response.content == b""
    assert "Mon CV.pdf" in response["Content-Disposition"]


def test_employer_lists_opens_and_moves_an_application(client, application, owner, job_seeker):
    client.force_login(owner)
    page = text(client.get("/emplois/employeur/candidatures/"))
    assert job_seeker.email in page or job_seeker.full_name in page
    detail = text(client.get(f"/emplois/employeur/candidatures/{application.pk}/"))
    assert "Bonjour, je suis disponible." in detail
    assert AccessLogEntry.objects.filter(actor=owner, subject_id=job_seeker.pk).exists()
    response = client.post(
        f"/emplois/employeur/candidatures/{application.pk}/",
        {"status": "in_review", "version": 1},
        follow=True,
    )
    assert "maintenant « En cours d'examen »" in " ".join(messages_of(response))
    stale = client.post(
        f"/emplois/employeur/candidatures/{application.pk}/",
        {"status": "hired", "version": 1},
        follow=True,
    )
    assert "modifiée par quelqu'un d'autre" in " ".join(messages_of(stale))
    assert Application.objects.get().status == "in_review"


def test_another_employer_sees_nothing(client, application):
    client.force_login(UserFactory())
    assert client.get(f"/emplois/employeur/candidatures/{application.pk}/").status_code == 404
    page = text(client.get("/emplois/employeur/candidatures/"))
    assert "Aucune candidature" in page


def test_employer_list_has_no_n_plus_one(client, owner, offer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tremplin.jobs.publishing.services import application_submit

    def queries() -> int:
        client.get("/emplois/employeur/candidatures/")  # warm: branding, territory
        with CaptureQueriesContext(connection) as context:
            assert client.get("/emplois/employeur/candidatures/").status_code == 200
        return len(context.captured_queries)

    client.force_login(owner)
    application_submit(candidate=UserFactory(role="job_seeker"), offer=offer, message="Bonjour")
    one = queries()
    for _ in range(8):
        application_submit(candidate=UserFactory(role="job_seeker"), offer=offer, message="Bonjour")
    assert queries() == one


def test_candidate_withdraws_from_my_space(client, application, job_seeker):
    client.force_login(job_seeker)
    response = client.post(f"/emplois/candidatures/{application.pk}/retirer/")
    assert response.status_code == 302
    assert not Application.objects.exists()
    client.force_login(UserFactory())
    assert client.post(f"/emplois/candidatures/{application.pk}/vivier/").status_code == 404

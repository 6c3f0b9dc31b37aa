"""Handing out a CV: to the candidate, the employer's owners and staff only, every read
journaled, the bytes sent by nginx (X-Accel-Redirect) when it fronts the site."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tremplin.accounts.models.journal import AccessLogEntry
from tremplin.accounts.services import access_record
from tremplin.jobs.publishing import conf, selectors


@login_required
@require_GET
def cv_download(request, pk: int):
    application = selectors.application_for_download(request.user, pk)
    if application is None or not application.cv:
        raise Http404
    access_record(
        actor=request.user,
        subject=application.candidate,
        obj=application,
        action=AccessLogEntry.Action.DOWNLOAD,
        reason=_("CV téléchargé (offre « %(title)s »)") % {"title": application.offer.title},
        object_type="jobs.Application.cv",
    )
    filename = application.cv_filename or "cv.pdf"
    if settings.X_ACCEL_REDIRECT:
        response = HttpResponse(content_type="application/pdf")
        response["X-Accel-Redirect"] = conf.value("JOBS_X_ACCEL_PREFIX") + application.cv.name
        response["Content-Disposition"] = _disposition(filename)
    else:
        response = FileResponse(
            application.cv.open("rb"),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    # Opened by mistake in the browser, the file runs nothing and frames nothing.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def _disposition(filename: str) -> str:
    from django.utils.http import content_disposition_header

    return content_disposition_header(True, filename)

"""Certificates: ask for one, download it, and the public page that checks a code."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tremplin.core.errors import DomainError
from tremplin.core.links import absolute_url
from tremplin.core.selectors import branding_get
from tremplin.learning import selectors
from tremplin.learning.models import Certificate
from tremplin.learning.services.certificates import (
    CODE,
    PdfUnavailable,
    certificate_issue,
    code_normalize,
)
from tremplin.learning.services.certificates import (
    certificate_pdf as render_pdf,
)


@login_required
@require_http_methods(["GET", "POST"])
def certificate_request(request, path_slug):
    path = selectors.path_for(path_slug)
    if path is None:
        raise Http404
    outline = selectors.path_outline(path=path, user=request.user)
    error = ""
    full_name = request.user.full_name
    if request.method == "POST":
        full_name = request.POST.get("full_name", "")
        try:
            certificate = certificate_issue(user=request.user, path=path, full_name=full_name)
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, _("Votre attestation est prête."))
            return redirect("learning:certificate_verify", certificate.code)
    return render(
        request,
        "learning/certificate_request.html",
        {
            "path": path,
            "outline": outline,
            "full_name": full_name,
            "error": error,
            "crumbs": [
                (reverse("learning:path_list"), _("Apprendre")),
                (path.get_absolute_url(), path.title),
                ("", _("Attestation")),
            ],
        },
        status=400 if error else 200,
    )


@login_required
@require_GET
def certificate_pdf(request, code):
    certificate = get_object_or_404(Certificate, code=code)
    if certificate.user_id != request.user.pk and not request.user.is_staff:
        raise Http404
    verify = absolute_url(reverse("learning:certificate_verify", args=[code]), request)
    try:
        pdf = render_pdf(certificate, verify_url=verify, territory=branding_get().display_name)
    except PdfUnavailable:
        return render(
            request, "learning/pdf_unavailable.html", {"certificate": certificate}, status=503
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="attestation-{code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def certificate_verify(request, code):
    """Public: anyone with the code sees whom the certificate was given to, for what, when."""
    normalized = code_normalize(code)
    if normalized != code:
        return redirect("learning:certificate_verify", normalized)
    certificate = Certificate.objects.filter(code=code).first()
    return render(
        request,
        "learning/certificate_verify.html",
        {
            "certificate": certificate,
            "code": code,
            "mine": certificate is not None and certificate.user_id == request.user.pk,
            "crumbs": [(reverse("learning:path_list"), _("Apprendre")), ("", _("Attestation"))],
        },
        status=200 if certificate else 404,
    )


@require_GET
def certificate_lookup(request):
    code = code_normalize(request.GET.get("code", ""))
    if not CODE.match(code):
        messages.error(
            request,
            _(
                "Ce code n'a pas la bonne forme : 12 lettres ou chiffres, par exemple "
                "ABCD-EFGH-JKMN."
            ),
        )
        return redirect("learning:path_list")
    return redirect("learning:certificate_verify", code)

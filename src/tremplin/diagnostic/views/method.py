"""Public pages generated from the questionnaire: the method, the file, the paper version."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tremplin.core.pdf import PdfUnavailable, pdf_unavailable
from tremplin.diagnostic import conf, selectors
from tremplin.diagnostic.explain import method_sections, numbered_path, worked_example
from tremplin.diagnostic.selectors import STRENGTH_FROM


def _version(number: int | None):
    version = selectors.version_current() if number is None else selectors.version_by_number(number)
    if version is None:
        raise Http404
    return version


def _modules(questionnaire) -> dict:
    """The dimensions' learning modules, as the learning app publishes them today."""
    from tremplin.learning.selectors import modules_by_slugs

    wanted = [slug for d in questionnaire.dimensions for slug in d.modules]
    return {ref.slug: ref for ref in modules_by_slugs(wanted)}


@require_GET
def method(request, number: int | None = None):
    version = _version(number)
    questionnaire = version.questionnaire
    current = selectors.version_current()
    return render(
        request,
        "diagnostic/method.html",
        {
            "version": version,
            "is_current": version.pk == current.pk,
            "current": current,
            "questionnaire": questionnaire,
            "example": worked_example(questionnaire),
            "versions": selectors.versions(),
            "strength_from": STRENGTH_FROM,
            "min_count": conf.stats_min_count(),
            "sections": method_sections(questionnaire, _modules(questionnaire)),
            "path_counts": [
                (s, len(questionnaire.questions_for(s.key))) for s in questionnaire.sectors
            ],
        },
    )


@require_GET
def method_source(request, number: int):
    """The exact file a version was published from (its SHA-256 is on the méthode page)."""
    version = _version(number)
    response = HttpResponse(version.source, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="v{version.number}.yaml"'
    return response


def _paper_context(request):
    version = selectors.version_current()
    questionnaire = version.questionnaire
    sector = questionnaire.sector(request.GET.get("secteur", ""))
    return {
        "version": version,
        "questionnaire": questionnaire,
        "sector": sector,
        "path": numbered_path(questionnaire, sector.key) if sector else [],
    }


@require_GET
def paper(request):
    return render(request, "diagnostic/paper.html", _paper_context(request))


@require_GET
def paper_pdf(request):
    from tremplin.diagnostic.pdf import render_pdf

    context = _paper_context(request)
    if context["sector"] is None:
        raise Http404
    try:
        pdf = render_pdf("diagnostic/pdf/paper.html", context, request=request)
    except PdfUnavailable:
        return pdf_unavailable(
            request,
            online_url=reverse("diagnostic:paper") + f"?secteur={context['sector'].key}",
            online_label=_("Voir le questionnaire à imprimer"),
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"diagnostic-papier-{context['sector'].key}-v{context['version'].number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

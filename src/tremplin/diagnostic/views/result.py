"""The result and plan (page and PDF), and what an owner does with it next."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tremplin.accounts import selectors as accounts
from tremplin.accounts.models import Role
from tremplin.core.errors import DomainError
from tremplin.core.pdf import PdfUnavailable, pdf_unavailable
from tremplin.diagnostic import charts, selectors, services
from tremplin.diagnostic.plan import plan_for
from tremplin.diagnostic.views.access import Access, journal_mediator_read, with_access


def result_context(request, access: Access) -> dict:
    diagnostic = access.diagnostic
    summary = selectors.result_summary(diagnostic)
    viewer = request.user if access.role == "owner" else None
    plan = plan_for(summary, user=viewer)
    when = timezone.localtime(diagnostic.completed_at).strftime("%d/%m/%Y")
    series = [
        (_("Ce diagnostic (%(date)s)") % {"date": when}, "current", [r.score for r in summary.rows])
    ]
    if summary.previous is not None and all(r.previous is not None for r in summary.rows):
        before = timezone.localtime(summary.previous.completed_at).strftime("%d/%m/%Y")
        series.append(
            (
                _("Diagnostic précédent (%(date)s)") % {"date": before},
                "previous",
                [r.previous for r in summary.rows],
            )
        )
    business = diagnostic.business
    return {
        "access": access,
        "diagnostic": diagnostic,
        "summary": summary,
        "questionnaire": summary.questionnaire,
        "plan": plan,
        "radar": charts.radar([r.label for r in summary.rows], series),
        "completed_on": when,
        "sector": summary.questionnaire.sector(diagnostic.sector),
        "private_url": request.build_absolute_uri(access.url("result")) if access.token else "",
        "can_share": access.role == "owner"
        and business is not None
        and business.follows.filter(status="active").exists(),
        "attach_to": _attachable(request, access),
        "urls": _urls(access),
    }


def _urls(access: Access) -> dict:
    names = ("result", "pdf", "share", "retake", "attach", "delete")
    return {name: access.url(name) for name in names}


def _attachable(request, access: Access) -> list:
    if access.role != "link" or not request.user.is_authenticated:
        return []
    if request.user.role != Role.BUSINESS_OWNER:
        return []
    return list(accounts.businesses_of(request.user))


@require_GET
@with_access
def result(request, access: Access):
    diagnostic = access.diagnostic
    if not diagnostic.is_completed:
        answers = selectors.answers_of(diagnostic)
        steps = selectors.steps_of(diagnostic, answers)
        journal_mediator_read(request, access, once=True)
        next_step = next((s for s in steps if not s.complete), steps[-1])
        return render(
            request,
            "diagnostic/resume.html",
            {
                "access": access,
                "diagnostic": diagnostic,
                "steps": steps,
                "step_urls": [(s, access.url("step", number=s.number)) for s in steps],
                "next_step": next_step,
                "next_url": access.url("step", number=next_step.number),
                "urls": _urls(access),
                "answered": len(answers),
                "total": sum(len(s.questions) for s in steps),
                "private_url": request.build_absolute_uri(access.url("result"))
                if access.token
                else "",
            },
        )
    journal_mediator_read(request, access)
    return render(request, "diagnostic/result.html", result_context(request, access))


@require_GET
@with_access
def result_pdf(request, access: Access):
    from tremplin.diagnostic.pdf import render_pdf

    if not access.diagnostic.is_completed:
        return redirect(access.url("result"))
    journal_mediator_read(request, access, action="download")
    context = result_context(request, access)
    context["method_url"] = request.build_absolute_uri(
        reverse("diagnostic:method_version", args=[access.diagnostic.version.number])
    )
    try:
        pdf = render_pdf("diagnostic/pdf/result.html", context, request=request)
    except PdfUnavailable:
        return pdf_unavailable(
            request, online_url=access.url("result"), online_label=_("Voir le résultat en ligne")
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"diagnostic-{access.diagnostic.completed_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@with_access
def share(request, access: Access):
    shared = request.POST.get("shared") == "1"
    try:
        services.diagnostic_share(diagnostic=access.diagnostic, actor=request.user, shared=shared)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Votre médiateur peut maintenant voir ce résultat.")
            if shared
            else _("Ce résultat n'est plus partagé avec votre médiateur."),
        )
    return redirect(access.url("result"))


@require_POST
@with_access
def retake(request, access: Access):
    """A new diagnostic on the current version; the result will show this one beside it."""
    old = access.diagnostic
    version = selectors.version_current()
    sector = (
        old.sector
        if version.questionnaire.sector(old.sector)
        else version.questionnaire.sectors[0].key
    )
    try:
        if old.business is None:
            diagnostic, token = services.diagnostic_start(
                actor=request.user,
                version=version,
                sector=sector,
                department_code=old.department_code,
                size_band=old.size_band,
                previous=old,
            )
            return redirect("diagnostic:link_step", token=token, number=1)
        diagnostic, _token = services.diagnostic_start(
            actor=request.user, version=version, sector=sector, business=old.business
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(access.url("result"))
    return redirect("diagnostic:step", pk=diagnostic.pk, number=1)


@require_POST
@with_access
def attach(request, access: Access):
    businesses = {b.pk: b for b in _attachable(request, access)}
    try:
        business = businesses.get(int(request.POST.get("business", "0")))
    except ValueError:
        business = None
    if business is None:
        messages.error(request, _("Choisissez une de vos entreprises."))
        return redirect(access.url("result"))
    try:
        diagnostic = services.diagnostic_attach(
            diagnostic=access.diagnostic, actor=request.user, business=business
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(access.url("result"))
    messages.success(
        request,
        _(
            "Ce diagnostic est maintenant dans « Mon espace », avec l'entreprise « %(name)s ». "
            "L'ancien lien ne fonctionne plus."
        )
        % {"name": business.name},
    )
    return redirect("diagnostic:result", pk=diagnostic.pk)


@require_POST
@with_access
def delete(request, access: Access):
    if not access.is_owner:
        messages.error(
            request, _("Seuls les gérants de l'entreprise peuvent supprimer ce diagnostic.")
        )
        return redirect(access.url("result"))
    services.diagnostic_delete(diagnostic=access.diagnostic)
    messages.success(request, _("Le diagnostic et ses réponses sont supprimés."))
    if access.role == "owner":
        return redirect("accounts:myspace")
    return redirect("diagnostic:start")

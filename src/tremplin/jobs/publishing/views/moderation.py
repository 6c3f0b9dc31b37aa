"""The moderation queue: offers submitted by employers, offers reported, offers hidden."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tremplin.core.errors import DomainError
from tremplin.jobs.publishing import selectors, services
from tremplin.jobs.publishing.forms import ReasonForm
from tremplin.jobs.publishing.views import crumbs

TABS = ["pending", "reported", "hidden"]


@staff_member_required
@require_GET
def moderation_queue(request):
    tab = request.GET.get("onglet", "pending")
    if tab not in TABS:
        tab = "pending"
    page = Paginator(selectors.moderation_queue(tab=tab), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "jobs/publishing/moderation_queue.html",
        {
            "tab": tab,
            "page_obj": page,
            "offers": page.object_list,
            "counts": selectors.moderation_counts(),
            "querystring_prefix": f"onglet={tab}&",
            "crumbs": crumbs.myspace((None, _("Modération des offres"))),
        },
    )


@staff_member_required
@require_GET
def moderation_offer(request, pk: int):
    offer = selectors.moderation_offer(pk)
    if offer is None:
        raise Http404
    return render(
        request,
        "jobs/publishing/moderation_offer.html",
        {
            "offer": offer,
            "reason_form": ReasonForm(),
            "crumbs": crumbs.moderation((None, offer.title)),
        },
    )


@staff_member_required
@require_POST
def moderation_decide(request, pk: int, action: str):
    offer = selectors.moderation_offer(pk)
    if offer is None:
        raise Http404
    reason = request.POST.get("reason", "")
    try:
        if action == "publier":
            services.offer_approve(actor=request.user, offer=offer)
            messages.success(request, _("L'offre est publiée ; l'employeur est prévenu."))
        elif action == "masquer":
            services.offer_hide(actor=request.user, offer=offer, reason=reason)
            messages.success(request, _("L'offre est masquée."))
        elif action == "retablir":
            services.offer_restore(actor=request.user, offer=offer, reason=reason)
            messages.success(request, _("L'offre est de nouveau en ligne."))
        elif action == "classer":
            count = services.reports_dismiss(actor=request.user, offer=offer)
            messages.success(
                request, _("%(count)s signalement(s) classé(s) sans suite.") % {"count": count}
            )
        else:
            raise Http404
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("jobs:moderation_offer", pk=pk)

"""Mediators' follow-ups: asking, answering, ending, and looking at a followed business."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tremplin.accounts import selectors, services
from tremplin.accounts.forms import FollowRequestForm
from tremplin.accounts.models import Follow, Role
from tremplin.core.errors import DomainError


def _mediator_only(request):
    if request.user.role != Role.MEDIATOR:
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def follow_list(request):
    _mediator_only(request)
    form = FollowRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = 0
        for business in selectors.business_find_for_follow(form.cleaned_data["query"]):
            try:
                services.follow_request(mediator=request.user, business=business, request=request)
                sent += 1
            except DomainError as exc:
                messages.info(request, exc.message)
        # Same answer whether or not a business matched: a request reveals nobody's account.
        messages.success(
            request,
            _(
                "Si une entreprise correspond, ses gérants ont reçu votre "
                "demande. Elle apparaîtra ici dès qu'ils l'auront acceptée."
            ),
        )
        return redirect("accounts:follow_list")
    return render(
        request,
        "accounts/follow_list.html",
        {"form": form, "follows": selectors.follows_of_mediator(request.user)},
    )


@login_required
@require_GET
def followed_business(request, pk: int):
    _mediator_only(request)
    business = selectors.business_visible(request.user, pk)
    if business is None:
        raise Http404
    for membership in business.memberships.all():
        services.access_record(
            actor=request.user,
            subject=membership.user,
            obj=business,
            reason=_("accompagnement de l'entreprise"),
        )
    return render(request, "accounts/followed_business.html", {"business": business})


@login_required
@require_POST
def follow_answer(request, pk: int, action: str):
    follow = get_object_or_404(Follow.objects.visible_to(request.user), pk=pk)
    handlers = {
        "accepter": lambda: services.follow_accept(owner=request.user, follow=follow),
        "refuser": lambda: services.follow_refuse(owner=request.user, follow=follow),
        "terminer": lambda: services.follow_end(actor=request.user, follow=follow),
    }
    if action not in handlers:
        raise Http404
    try:
        follow = handlers[action]()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            {
                "accepter": _("Vous êtes maintenant accompagné·e par %(who)s."),
                "refuser": _("Vous avez refusé la demande de %(who)s."),
                "terminer": _("L'accompagnement avec %(who)s est terminé."),
            }[action]
            % {"who": follow.mediator if request.user != follow.mediator else follow.business},
        )
    if request.user.role == Role.MEDIATOR:
        return redirect("accounts:follow_list")
    return redirect("accounts:myspace")

"""The learner's pages: the list of paths, a path's outline, « reprendre où j'en étais »."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tremplin.learning import selectors
from tremplin.learning.rendering import markdown_html


@require_GET
def path_list(request):
    paths = list(selectors.published_paths())
    mine = (
        {o.path.pk: o for o in selectors.learner_paths(request.user)}
        if (request.user.is_authenticated)
        else {}
    )
    return render(
        request,
        "learning/path_list.html",
        {"paths": [(path, mine.get(path.pk)) for path in paths]},
    )


@require_GET
def path_detail(request, path_slug):
    path = selectors.path_for(path_slug)
    if path is None:
        raise Http404(_("Ce parcours n'existe pas ou n'est pas publié."))
    outline = selectors.path_outline(path=path, user=request.user)
    certificate = None
    if request.user.is_authenticated:
        certificate = path.certificates.filter(user=request.user).first()
    return render(
        request,
        "learning/path_detail.html",
        {
            "path": path,
            "outline": outline,
            "certificate": certificate,
            "intro": markdown_html(path.intro),
            "crumbs": [(reverse("learning:path_list"), _("Apprendre")), ("", path.title)],
        },
    )


@require_GET
def path_resume(request, path_slug):
    """Pick up where the person left off, on whatever device: progress lives on the server."""
    path = selectors.path_for(path_slug)
    if path is None:
        raise Http404(_("Ce parcours n'existe pas ou n'est pas publié."))
    outline = selectors.path_outline(path=path, user=request.user)
    if outline.resume is None:
        return redirect(path.get_absolute_url())
    return redirect("learning:module", path.slug, outline.resume.slug)

"""A module's page: the lesson, video or embed, its quiz (retakable) and the way on."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tremplin.core.errors import DomainError
from tremplin.learning import selectors
from tremplin.learning.models import Quiz
from tremplin.learning.rendering import markdown_html
from tremplin.learning.services import progress as services


def _module_or_404(path_slug, module_slug, *, preview=False):
    path = selectors.path_for(path_slug, preview=preview)
    module = selectors.module_for(path, module_slug, preview=preview) if path else None
    if module is None:
        raise Http404(_("Ce module n'existe pas ou n'est pas publié."))
    return path, module


def module_page(request, path, module, *, result=None, error="", preview=False, status=200):
    previous, following, modules = selectors.module_neighbours(module, preview=preview)
    quiz = Quiz.objects.filter(module=module).first()
    progress = None
    if request.user.is_authenticated and not preview:
        progress = module.progress.filter(user=request.user).first()
    position = next((i for i, m in enumerate(modules, start=1) if m.pk == module.pk), 0)
    context = {
        "path": path,
        "module": module,
        "body": markdown_html(module.body),
        "quiz": quiz,
        "questions": list(quiz.questions.all()) if quiz else [],
        "result": result,
        "results": {r.question.pk: r for r in result.questions} if result else {},
        "quiz_error": error,
        "progress": progress,
        "previous": previous,
        "following": following,
        "position": position,
        "count": len(modules),
        "preview": preview,
        "crumbs": [
            (reverse("learning:path_list"), _("Apprendre")),
            (path.get_absolute_url(), path.title),
            ("", module.title),
        ],
    }
    return render(request, "learning/module_detail.html", context, status=status)


@require_GET
def module_detail(request, path_slug, module_slug):
    path, module = _module_or_404(path_slug, module_slug)
    services.module_visit(user=request.user, module=module)
    return module_page(request, path, module)


@require_POST
def quiz_submit(request, path_slug, module_slug):
    path, module = _module_or_404(path_slug, module_slug)
    quiz = Quiz.objects.filter(module=module).first()
    if quiz is None:
        raise Http404(_("Ce module n'a pas de quiz."))
    choices = {}
    for question in quiz.questions.all():
        picked = request.POST.getlist(f"question-{question.pk}")
        choices[question.pk] = {int(value) for value in picked if value.isdigit()}
    try:
        result = services.quiz_submit(quiz=quiz, user=request.user, choices=choices)
    except DomainError as error:
        return module_page(request, path, module, error=error.message, status=400)
    return module_page(request, path, module, result=result)


@login_required
@require_POST
def module_complete(request, path_slug, module_slug):
    path, module = _module_or_404(path_slug, module_slug)
    try:
        services.module_complete(user=request.user, module=module)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("learning:module", path.slug, module.slug)
    messages.success(request, _("Module terminé. Bravo !"))
    _previous, following, _modules = selectors.module_neighbours(module)
    if following is not None:
        return redirect("learning:module", path.slug, following.slug)
    return redirect(path.get_absolute_url())

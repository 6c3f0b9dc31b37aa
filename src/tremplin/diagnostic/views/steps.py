"""One dimension per step, saved as the person goes; the last step scores the diagnostic."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tremplin.core.errors import DomainError
from tremplin.diagnostic import selectors, services
from tremplin.diagnostic.forms import StepForm
from tremplin.diagnostic.views.access import Access, journal_mediator_read, with_access

ACTIONS = {"next", "previous", "later"}


def _initial(steps, answers) -> dict:
    initial = {}
    for step in steps:
        for question in step.questions:
            if question.key in answers:
                chosen = answers[question.key]
                initial[question.key] = chosen if question.is_multiple else chosen[0]
    return initial


@require_http_methods(["GET", "POST"])
@with_access
def step(request, access: Access, number: int):
    diagnostic = access.diagnostic
    if diagnostic.is_completed:
        return redirect(access.url("result"))
    answers = selectors.answers_of(diagnostic)
    steps = selectors.steps_of(diagnostic, answers)
    if not 1 <= number <= len(steps):
        raise Http404
    current = steps[number - 1]
    offset = sum(len(s.questions) for s in steps[: number - 1])
    numbered = [(offset + i, q) for i, q in enumerate(current.questions, 1)]
    action = request.POST.get("action", "next")
    if action not in ACTIONS:
        action = "next"
    form = StepForm(
        request.POST or None,
        questions=numbered,
        complete=action == "next",
        initial=_initial([current], answers),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.diagnostic_save_answers(
                diagnostic=diagnostic,
                answers=form.answers(),
                required=[q.key for q in current.questions] if action == "next" else (),
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            return _after_save(request, access, steps, number, action)
    if request.method == "GET":
        journal_mediator_read(request, access, once=True)
    total = sum(len(s.questions) for s in steps)
    return render(
        request,
        "diagnostic/step.html",
        {
            "access": access,
            "diagnostic": diagnostic,
            "questionnaire": diagnostic.version.questionnaire,
            "form": form,
            "step": current,
            "steps": steps,
            "step_urls": [(s, access.url("step", number=s.number)) for s in steps],
            "is_last": number == len(steps),
            "question_total": total,
            "answered_total": len(answers),
            "private_url": request.build_absolute_uri(access.url("result")) if access.token else "",
            "sector": diagnostic.version.questionnaire.sector(diagnostic.sector),
        },
    )


def _after_save(request, access: Access, steps, number: int, action: str):
    if action == "later":
        messages.success(request, _("Vos réponses sont enregistrées. Reprenez quand vous voulez."))
        return redirect(access.url("result"))
    if action == "previous":
        return redirect(access.url("step", number=max(1, number - 1)))
    if number < len(steps):
        return redirect(access.url("step", number=number + 1))
    try:
        services.diagnostic_complete(diagnostic=access.diagnostic)
    except DomainError as exc:
        messages.error(request, exc.message)
        answers = selectors.answers_of(access.diagnostic)
        missing = next(s for s in selectors.steps_of(access.diagnostic, answers) if not s.complete)
        return redirect(access.url("step", number=missing.number))
    messages.success(request, _("Merci ! Voici votre résultat et votre plan d'action."))
    return redirect(access.url("result"))

"""Demo data of the learning app: the shipped paths, upcoming webinars, and progress for the
documented accounts (the baker halfway through the accelerator, the florist certified on the
basics), plus some anonymous-looking activity so that staff statistics have something to show.

Built on the app's services; idempotent (a second run changes nothing) and deterministic.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.core.demo_loaders import DemoContext, demo_loader
from tremplin.core.errors import DomainError
from tremplin.learning.content_io.importer import content_import
from tremplin.learning.models import Chapter, Module, Progress, Status, Webinar
from tremplin.learning.services.certificates import certificate_issue
from tremplin.learning.services.progress import module_complete, module_visit, quiz_submit
from tremplin.learning.services.webinars import webinar_register

DOMAIN = "demo.tremplin.invalid"
GENERATED = r"\.[0-9]+@"  # the generated owners (prenom.nom.N@…), not the documented logins
WEBINARS = [
    # (chapter slug, title, days from today, hour, minutes, capacity)
    ("ouvrir-sa-boutique-en-ligne", "Choisir sa solution de boutique en ligne : questions-réponses",
     5, 14, 0, 40),
    ("commencer-a-vendre", "Facture électronique 2026-2027 : ce qui change pour les TPE",
     9, 18, 30, 60),
]  # fmt: skip


def _right_choices(quiz, wrong: bool = False):
    choices = {}
    for index, question in enumerate(quiz.questions.all()):
        answers = list(question.answers.all())
        right = {a.pk for a in answers if a.correct}
        if wrong and index == 0:
            right = {next(a.pk for a in answers if not a.correct)}
        choices[question.pk] = right
    return choices


def _complete(user, module, *, fail_first: bool = False) -> None:
    module_visit(user=user, module=module)
    quiz = getattr(module, "quiz", None)
    if quiz is None:
        module_complete(user=user, module=module)
        return
    if fail_first:
        quiz_submit(quiz=quiz, user=user, choices=_right_choices(quiz, wrong=True))
    quiz_submit(quiz=quiz, user=user, choices=_right_choices(quiz))


def _modules(slug: str) -> list[Module]:
    return list(
        Module.objects.published()
        .filter(chapter__path__slug=slug)
        .select_related("chapter")
        .prefetch_related("quiz__questions__answers")
        .order_by("chapter__position", "position")
    )


def _spread_times(user, rng, base) -> None:
    """Give demo progress realistic dates and durations (the services stamp 'now')."""
    for index, item in enumerate(Progress.objects.filter(user=user).order_by("pk")):
        started = base + timedelta(days=index // 3, minutes=rng.randint(0, 600))
        completed = (
            started + timedelta(seconds=rng.randint(150, 420)) if item.completed_at else None
        )
        Progress.objects.filter(pk=item.pk).update(
            started_at=started, last_seen_at=completed or started, completed_at=completed
        )


@demo_loader(name="learning.content", order=60)
def load_content(context: DemoContext) -> str:
    report = content_import()
    return report.summary()


@demo_loader(name="learning.webinars", order=61)
def load_webinars(context: DemoContext) -> str:
    today = timezone.localdate()
    created = 0
    for chapter_slug, title, days, hour, minute, capacity in WEBINARS:
        chapter = Chapter.objects.filter(slug=chapter_slug).first()
        if chapter is None or Webinar.objects.filter(chapter=chapter, title=title).exists():
            continue
        start = timezone.make_aware(
            datetime.combine(today + timedelta(days=days), time(hour, minute))
        )
        Webinar.objects.create(
            chapter=chapter,
            title=title,
            description="Une heure pour poser vos questions à un conseiller numérique du "
            "territoire, en complément du chapitre « " + chapter.title + " ».",
            starts_at=start,
            duration_minutes=60,
            capacity=capacity,
            host_name="Équipe numérique du territoire (démonstration)",
            conference_url="https://visio.demo.tremplin.invalid/b/webinaire-" + chapter_slug,
            status=Status.PUBLISHED,
        )
        created += 1
    return f"{Webinar.objects.count()} webinaires ({created} créés)"


@demo_loader(name="learning.progress", order=62)
def load_progress(context: DemoContext) -> str:
    rng = context.rng("learning.progress")
    accelerator = _modules("accelerateur-numerique")
    basics = _modules("bases-du-commerce-en-ligne")
    if not accelerator or not basics:
        return "parcours absents"
    base = timezone.now() - timedelta(days=30)
    done = []
    baker = User.objects.filter(email=f"boulangerie@{DOMAIN}").first()
    if baker and not Progress.objects.filter(user=baker).exists():
        half = len(accelerator) // 2
        for index, module in enumerate(accelerator[:half]):
            _complete(baker, module, fail_first=index % 4 == 1)
        module_visit(user=baker, module=accelerator[half])  # « reprendre » lands here
        _spread_times(baker, rng, base)
        Progress.objects.filter(user=baker, module=accelerator[half]).update(
            last_seen_at=timezone.now()
        )
        done.append("boulangerie : la moitié de l'accélérateur")
    florist = User.objects.filter(email=f"fleuriste@{DOMAIN}").first()
    if florist and not Progress.objects.filter(user=florist).exists():
        for module in basics:
            _complete(florist, module)
        _spread_times(florist, rng, base)
        path = basics[0].chapter.path
        certificate_issue(user=florist, path=path, full_name=florist.full_name or "Léa Perret")
        done.append("fleuriste : parcours des bases terminé, attestation délivrée")
    garage = User.objects.filter(email=f"garage@{DOMAIN}").first()
    webinar = Webinar.objects.published().order_by("starts_at").first()
    if garage and webinar and not webinar.registrations.filter(user=garage).exists():
        try:
            webinar_register(webinar=webinar, user=garage)
            done.append("garage : inscrit à un webinaire")
        except DomainError:
            pass
    # Other demo owners: some start the accelerator and drop off along the way.
    learners = list(
        User.objects.filter(is_demo=True, role="business_owner", email__regex=GENERATED)
        .exclude(learning_progress__isnull=False)
        .order_by("email")[:40]
    )
    if Progress.objects.filter(user__email__regex=GENERATED, user__is_demo=True).exists():
        learners = []
    for learner in learners:
        reach = min(len(accelerator), int(rng.expovariate(1 / 8)) + 1)
        for module in accelerator[:reach]:
            module_visit(user=learner, module=module)
            quiz = getattr(module, "quiz", None)
            if quiz is not None and rng.random() < 0.8:
                quiz_submit(
                    quiz=quiz, user=learner, choices=_right_choices(quiz, wrong=rng.random() < 0.3)
                )
        _spread_times(learner, rng, base)
    if learners:
        done.append(f"{len(learners)} autres apprenants de démonstration")
    return "; ".join(done) or "progression déjà en place"

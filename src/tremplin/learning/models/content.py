"""What learners read: paths (parcours) of chapters of short modules, and their quizzes.

The Markdown files under ``learning/content/`` are only the starting point: once imported, these
rows are the truth, and staff edit them in the back office. ``imported_hash`` remembers what the
last import wrote, so that a later import can tell a staff edit from an untouched module.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tremplin.learning.storage import protected_storage


class Status(models.TextChoices):
    DRAFT = "draft", _("brouillon")
    PUBLISHED = "published", _("publié")


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Path(models.Model):
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=100, unique=True)
    summary = models.TextField(_("résumé"), blank=True)
    audience = models.CharField(_("pour qui"), max_length=300, blank=True)
    intro = models.TextField(_("présentation (Markdown)"), blank=True)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    status = models.CharField(
        _("publication"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    imported_hash = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("parcours")
        verbose_name_plural = _("parcours")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:path", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class Chapter(models.Model):
    path = models.ForeignKey(Path, on_delete=models.CASCADE, related_name="chapters")
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=100)
    summary = models.TextField(_("résumé"), blank=True)
    intro = models.TextField(_("introduction (Markdown)"), blank=True)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    imported_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("chapitre")
        verbose_name_plural = _("chapitres")
        ordering = ["path", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["path", "slug"], name="learning_chapter_slug_in_path")
        ]

    def __str__(self) -> str:
        return self.title


class Module(models.Model):
    class Kind(models.TextChoices):
        LESSON = "lesson", _("leçon")
        VIDEO = "video", _("vidéo")
        EMBED = "embed", _("vidéo d'un hébergeur autorisé")
        QUIZ = "quiz", _("quiz")

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(_("titre"), max_length=200)
    # Unique across paths: the diagnostic's plan and other apps refer to modules by slug.
    slug = models.SlugField(_("identifiant"), max_length=100, unique=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.LESSON)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    objectives = models.JSONField(_("objectifs"), default=list, blank=True)
    body = models.TextField(
        _("texte (Markdown)"),
        blank=True,
        help_text=_("Leçon : le texte ; vidéo : une présentation courte (facultatif)."),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"), default=3)
    words = models.PositiveIntegerField(_("nombre de mots"), default=0, editable=False)
    video = models.FileField(
        _("fichier vidéo (MP4 ou WebM)"),
        blank=True,
        max_length=300,
        storage=protected_storage,
        upload_to="learning/videos/",
    )
    captions = models.FileField(
        _("sous-titres (WebVTT)"),
        blank=True,
        max_length=300,
        storage=protected_storage,
        upload_to="learning/captions/",
    )
    transcript = models.TextField(_("transcription"), blank=True)
    embed_url = models.URLField(_("adresse de la vidéo hébergée"), blank=True, max_length=500)
    status = models.CharField(
        _("publication"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    imported_hash = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["chapter__path", "chapter__position", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1), name="learning_module_has_duration"
            ),
            # A published video always has its captions (RGAA): enforced here as well as in
            # the publishing service.
            models.CheckConstraint(
                condition=~Q(kind="video", status="published") | ~Q(captions=""),
                name="learning_published_video_has_captions",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:module", args=[self.chapter.path.slug, self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class Quiz(models.Model):
    module = models.OneToOneField(Module, on_delete=models.CASCADE, related_name="quiz")
    pass_mark = models.PositiveSmallIntegerField(
        _("seuil de réussite (%)"),
        default=60,
        help_text=_("Pourcentage de bonnes réponses pour réussir le quiz."),
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quiz")
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__gte=1, pass_mark__lte=100), name="learning_quiz_pass_mark"
            )
        ]

    def __str__(self) -> str:
        return str(_("Quiz : %(title)s") % {"title": self.module.title})


class Question(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"))
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["quiz", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("réponse"))
    correct = models.BooleanField(_("bonne réponse"), default=False)
    feedback = models.TextField(_("explication montrée après la réponse"))
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        ordering = ["question", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(feedback=""), name="learning_answer_has_feedback")
        ]

    def __str__(self) -> str:
        return self.text[:80]

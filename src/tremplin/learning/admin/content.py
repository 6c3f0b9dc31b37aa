"""The territory's back office for paths, modules, quizzes and webinars.

Every write goes through the services, which hold the publishing rules: a video without
captions, an embed from a host the territory did not allow, a lesson outside 3–4 minutes or a
question without a right answer cannot be published, whatever screen staff use.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tremplin.core.errors import DomainError
from tremplin.learning.content_io.format import ANSWERS_MAX, ANSWERS_MIN
from tremplin.learning.media import captions_check, embed_check, video_check
from tremplin.learning.models import Answer, Chapter, Module, Path, Question, Quiz, Status
from tremplin.learning.rendering import markdown_html, reading_minutes, word_count
from tremplin.learning.services import content as services


def _domain_to_validation(function, *args):
    try:
        return function(*args)
    except DomainError as error:
        raise ValidationError(error.message) from error


def checked_upload(form, name: str, check):
    """An uploaded file run through a media check; its DomainError becomes a form error."""
    upload = form.cleaned_data.get(name)
    if upload:
        _domain_to_validation(check, upload)
    return upload


@admin.action(description=_("Publier"))
def publish(modeladmin, request, queryset):
    service = services.path_publish if queryset.model is Path else services.module_publish
    done = 0
    for obj in queryset:
        try:
            service(**{"path" if queryset.model is Path else "module": obj})
            done += 1
        except DomainError as error:
            modeladmin.message_user(request, error.message, messages.ERROR)
    if done:
        modeladmin.message_user(request, _("%(n)s publié(s).") % {"n": done}, messages.SUCCESS)


@admin.action(description=_("Repasser en brouillon"))
def unpublish(modeladmin, request, queryset):
    for obj in queryset:
        if queryset.model is Path:
            services.path_unpublish(path=obj)
        else:
            services.module_unpublish(module=obj)


class ChapterInline(admin.TabularInline):
    model = Chapter
    fields = ["position", "title", "slug", "summary"]
    extra = 0
    show_change_link = True


@admin.register(Path)
class PathAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "status", "position", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "slug"]
    fields = ["title", "slug", "summary", "audience", "intro", "position", "status_display"]
    readonly_fields = ["status_display"]
    inlines = [ChapterInline]
    actions = [publish, unpublish]

    @admin.display(description=_("publication"))
    def status_display(self, obj):
        return obj.get_status_display() if obj.pk else "—"


class ModuleInline(admin.TabularInline):
    model = Module
    fields = ["position", "title", "slug", "kind", "status", "duration_minutes"]
    readonly_fields = ["status", "duration_minutes"]
    extra = 0
    show_change_link = True


@admin.register(Chapter)
class ChapterAdmin(admin.ModelAdmin):
    list_display = ["title", "path", "position"]
    list_filter = ["path"]
    search_fields = ["title", "slug"]
    fields = ["path", "title", "slug", "summary", "intro", "position"]
    inlines = [ModuleInline]


class ModuleForm(forms.ModelForm):
    objectives = forms.CharField(
        label=_("objectifs"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Un objectif par ligne, commençant par un verbe."),
    )
    video_upload = forms.FileField(
        label=_("nouveau fichier vidéo"),
        required=False,
        help_text=_("MP4 (H.264) ou WebM. Le contenu du fichier est vérifié."),
    )
    embed_url = forms.URLField(
        label=_("adresse de la vidéo hébergée"),
        required=False,
        assume_scheme="https",
        help_text=_(
            "Seulement chez un hébergeur autorisé par le territoire (réglage VIDEO_HOSTS)."
        ),
    )
    captions_upload = forms.FileField(
        label=_("nouveaux sous-titres (WebVTT)"),
        required=False,
        help_text=_("Obligatoires pour publier une vidéo. Fichier .vtt."),
    )

    class Meta:
        model = Module
        fields = [
            "chapter", "title", "slug", "kind", "position", "objectives", "body",
            "duration_minutes", "transcript", "embed_url", "status",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["objectives"] = "\n".join(self.instance.objectives or [])

    def clean_objectives(self):
        lines = [line.strip() for line in self.cleaned_data["objectives"].splitlines()]
        return [line for line in lines if line]

    def clean_video_upload(self):
        return checked_upload(self, "video_upload", video_check)

    def clean_captions_upload(self):
        return checked_upload(self, "captions_upload", captions_check)

    def clean_embed_url(self):
        return checked_upload(self, "embed_url", embed_check)

    def _post_clean(self):
        super()._post_clean()
        module = self.instance
        if module.status != Status.PUBLISHED or self.errors:
            return
        # Check the publishing rules on what the module will be once saved.
        pending_video = self.cleaned_data.get("video_upload")
        pending_captions = self.cleaned_data.get("captions_upload")
        saved_video, saved_captions = module.video.name, module.captions.name
        if pending_video:
            module.video.name = module.video.name or "pending"
        if pending_captions:
            module.captions.name = module.captions.name or "pending"
        problems = services.module_problems(module)
        module.video.name, module.captions.name = saved_video, saved_captions
        if problems:
            self.add_error(
                "status",
                _("Ce module ne peut pas être publié : %(problems)s")
                % {"problems": " ".join(problems)},
            )


class QuizInline(admin.StackedInline):
    model = Quiz
    fields = ["pass_mark", "questions_link"]
    readonly_fields = ["questions_link"]
    extra = 0
    max_num = 1

    @admin.display(description=_("questions"))
    def questions_link(self, obj):
        if not obj.pk:
            return _("Enregistrez d'abord, puis ajoutez les questions.")
        url = reverse("admin:learning_quiz_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Modifier les questions et réponses"))


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    form = ModuleForm
    change_form_template = "admin/learning/module/change_form.html"
    list_display = ["title", "chapter", "kind", "status", "duration_minutes", "updated_at"]
    list_filter = ["status", "kind", "chapter__path"]
    search_fields = ["title", "slug", "body"]
    readonly_fields = ["reading", "preview_link", "media_files", "body_preview"]
    fieldsets = [
        (None, {"fields": ["chapter", "title", "slug", "kind", "position", "objectives"]}),
        (_("Texte"), {"fields": ["body", "reading", "body_preview"]}),
        (
            _("Vidéo"),
            {
                "fields": [
                    "media_files",
                    "video_upload",
                    "captions_upload",
                    "transcript",
                    "embed_url",
                    "duration_minutes",
                ]
            },
        ),
        (_("Publication"), {"fields": ["status", "preview_link"]}),
    ]
    inlines = [QuizInline]
    actions = [publish, unpublish]

    @admin.display(description=_("temps de lecture"))
    def reading(self, obj):
        words = word_count(obj.body or "")
        fast, slow = reading_minutes(words)
        return _("%(words)s mots, %(fast).1f à %(slow).1f min (leçon : 450 à 700 mots)") % {
            "words": words,
            "fast": fast,
            "slow": slow,
        }

    @admin.display(description=_("aperçu du texte"))
    def body_preview(self, obj):
        return markdown_html(obj.body or "") if obj.pk else "—"

    @admin.display(description=_("aperçu"))
    def preview_link(self, obj):
        if not obj.pk:
            return "—"
        url = reverse("learning:preview", args=[obj.pk])
        return format_html('<a href="{}" target="_blank">{}</a>', url, _("Voir l'aperçu"))

    @admin.display(description=_("fichiers actuels"))
    def media_files(self, obj):
        names = [n for n in (obj.video.name, obj.captions.name) if n]
        return ", ".join(names) or _("aucun")

    def save_model(self, request, obj, form, change):
        wanted = obj.status
        was_published = (
            change and Module.objects.filter(pk=obj.pk, status=Status.PUBLISHED).exists()
        )
        if wanted == Status.PUBLISHED and not was_published:
            obj.status = Status.DRAFT  # published below, once files are in place
        services.module_refresh_reading(obj)
        obj.save()
        video, captions = (
            form.cleaned_data.get("video_upload"),
            form.cleaned_data.get("captions_upload"),
        )
        if video or captions:
            services.module_set_media(module=obj, video=video, captions=captions)
        if wanted == Status.PUBLISHED and not was_published:
            try:
                services.module_publish(module=obj)
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)

    def _preview_redirect(self, request, obj, response):
        if "_preview" in request.POST:
            return HttpResponseRedirect(reverse("learning:preview", args=[obj.pk]))
        return response

    def response_change(self, request, obj):
        return self._preview_redirect(request, obj, super().response_change(request, obj))

    def response_add(self, request, obj, post_url_continue=None):
        return self._preview_redirect(request, obj, super().response_add(request, obj))


class AnswerFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not ANSWERS_MIN <= len(kept) <= ANSWERS_MAX:
            raise ValidationError(
                _("Une question propose de %(min)s à %(max)s réponses.")
                % {"min": ANSWERS_MIN, "max": ANSWERS_MAX}
            )
        if not any(data.get("correct") for data in kept):
            raise ValidationError(
                _("Cette question n'a aucune bonne réponse : cochez « bonne réponse » pour au "
                  "moins une réponse.")
            )  # fmt: skip


class AnswerInline(admin.TabularInline):
    model = Answer
    formset = AnswerFormSet
    fields = ["position", "text", "correct", "feedback"]
    extra = 0
    min_num = 2


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "quiz"]
    search_fields = ["text"]
    fields = ["quiz", "position", "text"]
    inlines = [AnswerInline]


class QuestionFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        module = self.instance.module
        if module.status != Status.PUBLISHED:
            return
        if any(not form.instance.pk and form.has_changed() for form in self.forms):
            raise ValidationError(
                _("Repassez le module en brouillon pour ajouter des questions : une question "
                  "sans réponses ne peut pas être publiée.")
            )  # fmt: skip


class QuestionInline(admin.TabularInline):
    model = Question
    formset = QuestionFormSet
    fields = ["position", "text"]
    extra = 0
    show_change_link = True


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["__str__", "pass_mark"]
    fields = ["module", "pass_mark"]
    readonly_fields = ["module"]
    inlines = [QuestionInline]

    def has_add_permission(self, request):
        return False  # a quiz is added from its module's page

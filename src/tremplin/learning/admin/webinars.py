"""Back office for webinars: sessions, capacity (never below the seats taken), replays."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from tremplin.core.errors import DomainError
from tremplin.learning.admin.content import checked_upload
from tremplin.learning.media import captions_check, video_check
from tremplin.learning.models import Webinar
from tremplin.learning.services import webinars as webinar_services


class WebinarForm(forms.ModelForm):
    conference_url = forms.URLField(
        label=_("lien de la visioconférence"),
        assume_scheme="https",
        help_text=_("BigBlueButton, Jitsi… Montré seulement aux personnes inscrites."),
    )
    replay_video = forms.FileField(
        label=_("rediffusion : fichier vidéo"),
        required=False,
        help_text=_("Après la séance : la vidéo devient un module du chapitre, en brouillon."),
    )
    replay_captions = forms.FileField(label=_("rediffusion : sous-titres (WebVTT)"), required=False)
    replay_transcript = forms.CharField(
        label=_("rediffusion : transcription"), required=False, widget=forms.Textarea
    )

    class Meta:
        model = Webinar
        fields = [
            "chapter", "title", "description", "starts_at", "duration_minutes", "capacity",
            "host_name", "conference_url", "status",
        ]  # fmt: skip

    def clean_replay_video(self):
        return checked_upload(self, "replay_video", video_check)

    def clean_replay_captions(self):
        return checked_upload(self, "replay_captions", captions_check)

    def clean_capacity(self):
        from tremplin.core.models import SeatPool

        capacity = self.cleaned_data["capacity"]
        if self.instance.pk:
            pool = SeatPool.objects.filter(key=self.instance.pool_key).first()
            if pool and pool.taken > capacity:
                raise ValidationError(
                    _("%(taken)s personnes sont déjà inscrites : la jauge ne peut pas descendre "
                      "en dessous.") % {"taken": pool.taken}
                )  # fmt: skip
        return capacity


@admin.register(Webinar)
class WebinarAdmin(admin.ModelAdmin):
    form = WebinarForm
    list_display = ["title", "starts_at", "chapter", "status", "registered", "capacity", "replay"]
    list_filter = ["status", "chapter__path"]
    search_fields = ["title"]
    readonly_fields = ["replay"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(registered_count=Count("registrations"))

    @admin.display(description=_("inscrits"), ordering="registered_count")
    def registered(self, obj):
        return obj.registered_count

    def save_model(self, request, obj, form, change):
        if change and "capacity" in form.changed_data:
            capacity = obj.capacity
            obj.capacity = Webinar.objects.get(pk=obj.pk).capacity
            obj.save()
            webinar_services.webinar_capacity_set(webinar=obj, capacity=capacity)
        else:
            obj.save()
        video = form.cleaned_data.get("replay_video")
        if video:
            try:
                module = webinar_services.webinar_attach_replay(
                    webinar=obj,
                    video=video,
                    captions=form.cleaned_data.get("replay_captions"),
                    transcript=form.cleaned_data.get("replay_transcript", ""),
                )
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("Rediffusion ajoutée en brouillon : « %(title)s ». Publiez-la une fois les "
                      "sous-titres vérifiés.") % {"title": module.title},
                    messages.SUCCESS,
                )  # fmt: skip

"""The access journal: who read whose personal data, when and why. Append-only.

Staff and mediators read other people's data to help them; the journal lets those people (and
the data-protection officer) check every such read. Entries are never edited; they are purged
as a whole when older than the retention period (one year by default, CNIL guidance for logs).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    pass


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("the access journal cannot be modified")

    def delete(self):
        raise AppendOnlyError("the access journal cannot be deleted (see access_journal_purge)")

    def about(self, user) -> AccessLogQuerySet:
        return self.filter(subject_id=user.pk)


class AccessLogEntry(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", _("consultation")
        LIST = "list", _("liste")
        EXPORT = "export", _("export")
        DOWNLOAD = "download", _("téléchargement")

    at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("qui"),
    )
    actor_label = models.CharField(_("qui (au moment de l'accès)"), max_length=254)
    actor_role = models.CharField(_("rôle"), max_length=20)
    subject_id = models.BigIntegerField(_("personne concernée"), null=True, db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("type de donnée"), max_length=100)
    object_id = models.CharField(_("identifiant"), max_length=64, blank=True)
    object_label = models.CharField(_("donnée"), max_length=200, blank=True)
    reason = models.CharField(_("motif"), max_length=200)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("accès à des données personnelles")
        verbose_name_plural = _("journal des accès aux données personnelles")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise AppendOnlyError("access journal entries cannot be modified")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("access journal entries cannot be deleted")

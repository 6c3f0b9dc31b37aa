"""The change queue that keeps the search index a faithful projection of the database.

Every write that changes a searchable document adds a row here in the same transaction; the
indexing task drains the rows in order. A rolled-back write leaves no row, so the index never
holds what the database does not.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchChange(models.Model):
    class Action(models.TextChoices):
        UPSERT = "upsert", _("ajout ou mise à jour")
        DELETE = "delete", _("suppression")

    doc_type = models.CharField(_("type de document"), max_length=50)
    object_id = models.CharField(_("identifiant"), max_length=64)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("changement à indexer")
        verbose_name_plural = _("changements à indexer")
        ordering = ["id"]
        indexes = [models.Index(fields=["doc_type", "id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.doc_type}:{self.object_id}"

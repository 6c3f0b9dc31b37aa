from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicRun(models.Model):
    """One enqueued occurrence of a periodic job.

    The unique (job, slot) pair is the guard that makes a job impossible to enqueue twice for the
    same time slot, whatever the number of scheduler processes.
    """

    job = models.CharField(_("tâche"), max_length=100)
    slot = models.DateTimeField(_("créneau"))
    enqueued_at = models.DateTimeField(_("mise en file"), auto_now_add=True)
    task_result_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("exécution périodique")
        verbose_name_plural = _("exécutions périodiques")
        ordering = ["-slot"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="unique_job_slot")]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyStat(models.Model):
    """An anonymous daily counter (sign-ups per role, businesses declared per département…).

    Counters are written when something happens and never point to a person, so they survive
    account deletion: the territory keeps its statistics without keeping anyone's data.
    """

    date = models.DateField(_("jour"))
    metric = models.CharField(_("indicateur"), max_length=64)
    dimension = models.CharField(_("dimension"), max_length=64, blank=True, default="")
    value = models.PositiveIntegerField(_("valeur"), default=0)

    class Meta:
        verbose_name = _("statistique quotidienne")
        verbose_name_plural = _("statistiques quotidiennes")
        ordering = ["-date", "metric", "dimension"]
        constraints = [
            models.UniqueConstraint(
                fields=["date", "metric", "dimension"], name="unique_daily_stat"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.metric}[{self.dimension}] = {self.value}"

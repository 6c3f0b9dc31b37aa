"""The territory's statistics: aggregates only, each figure backed by at least 10 results.

- Each table splits the respondents (the latest completed diagnostic of each business, plus
  each diagnostic taken with a private link) by one variable: sector, size band or
  département; the monthly trend counts every completed diagnostic in the month it was done.
- Primary suppression: a group with fewer than 10 results is hidden.
- Secondary suppression: the table also publishes its total, so a single hidden group could be
  recomputed (total minus the groups shown). Whenever groups are hidden, the hidden groups must
  be at least two and hold at least 10 results together; otherwise the smallest groups shown are
  hidden too. The figures of a hidden group are never computed into anything published except
  the total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Avg, Count, Exists, F, Max, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tremplin.accounts.models.business import SizeBand
from tremplin.core.models import Department
from tremplin.diagnostic.conf import stats_min_count
from tremplin.diagnostic.models import Diagnostic, DimensionScore

ONLINE = ("partly", "yes")


def suppress(counts: dict, total: int, minimum: int) -> tuple[set, bool]:
    """Which groups to hide, and whether the total itself must be hidden.

    ``counts`` maps each group of a partition of the results to its number of results.
    """
    if total < minimum:
        return set(counts), True
    hidden = {g for g, n in counts.items() if n < minimum}
    if not hidden:
        return hidden, False
    shown = sorted((g for g in counts if g not in hidden), key=lambda g: (counts[g], str(g)))
    while (len(hidden) < 2 or sum(counts[g] for g in hidden) < minimum) and shown:
        hidden.add(shown.pop(0))
    return hidden, False


@dataclass
class Row:
    key: str
    label: str
    count: int
    overall: float | None = None
    dimensions: dict[str, float | None] = field(default_factory=dict)
    online: float | None = None  # % selling online (partly or mostly)
    hidden: bool = False

    @property
    def dimension_values(self) -> list[float | None]:
        """The dimension means in the questionnaire's order (None: masked)."""
        return list(self.dimensions.values())


@dataclass
class Table:
    key: str
    title: str
    variable: str
    rows: list[Row]
    total: Row


def respondents():
    """Latest completed diagnostic per business, and every private-link one."""
    later = Diagnostic.objects.filter(
        business=OuterRef("business"),
        status=Diagnostic.Status.COMPLETED,
        completed_at__gt=OuterRef("completed_at"),
    ).order_by()
    return Diagnostic.objects.completed().exclude(Exists(later)).order_by()


def _figures(queryset, group: str | None) -> tuple[dict, dict]:
    measures = {
        "n": Count("id"),
        "overall": Avg("overall_score"),
        "told": Count("id", filter=~Q(sells_online="")),
        "online": Count("id", filter=Q(sells_online__in=ONLINE)),
    }
    if group:
        figures = {r[group]: r for r in queryset.order_by().values(group).annotate(**measures)}
    else:
        figures = {None: queryset.aggregate(**measures)}
    scores = DimensionScore.objects.filter(diagnostic__in=queryset.values("pk"))
    if group == "month":
        scores = scores.annotate(group=TruncMonth("diagnostic__completed_at"))
    elif group:
        scores = scores.annotate(group=F(f"diagnostic__{group}"))
    dimension_rows = (
        scores.order_by()
        .values(*(["group"] if group else []), "dimension")
        .annotate(n=Count("id"), mean=Avg("score"))
    )
    dimensions: dict = {}
    for r in dimension_rows:
        dimensions.setdefault(r["group"] if group else None, {})[r["dimension"]] = (
            r["n"],
            r["mean"],
        )
    return figures, dimensions


def _row(key, label, figures, dimensions, dimension_keys, minimum) -> Row:
    row = Row(key=str(key), label=label, count=figures["n"])
    row.overall = round(figures["overall"], 1)
    for dim in dimension_keys:
        n, mean = dimensions.get(dim, (0, None))
        row.dimensions[dim] = round(mean, 1) if n >= minimum and mean is not None else None
    if figures["told"] >= minimum:
        row.online = round(100 * figures["online"] / figures["told"], 1)
    return row


def _hidden_row(key, label, count) -> Row:
    return Row(key=str(key), label=label, count=count, hidden=True)


def table(
    *,
    key: str,
    title: str,
    variable: str,
    queryset,
    group,
    labels: dict,
    dimension_keys,
    label_of=None,
) -> Table:
    """One table: a row per group (in the order of ``labels``, others sorted after), a total."""
    minimum = stats_min_count()
    figures, dimensions = _figures(queryset, group)
    totals, total_dims = _figures(queryset, None)
    total_figures = totals.get(None) or {"n": 0}
    counts = {k: f["n"] for k, f in figures.items()}
    hidden, total_hidden = suppress(counts, total_figures["n"], minimum)
    order = list(labels) + sorted((k for k in counts if k not in labels), key=str)
    label_of = label_of or (lambda k: labels.get(k) or _("Non renseigné"))
    rows = []
    for k in order:
        if k not in counts:
            continue
        if k in hidden:
            rows.append(_hidden_row(k, label_of(k), counts[k]))
        else:
            rows.append(
                _row(k, label_of(k), figures[k], dimensions.get(k, {}), dimension_keys, minimum)
            )
    if total_hidden:
        total = _hidden_row("total", _("Ensemble"), total_figures["n"])
    else:
        total = _row(
            "total", _("Ensemble"), total_figures, total_dims.get(None, {}), dimension_keys, minimum
        )
    return Table(key=key, title=title, variable=variable, rows=rows, total=total)


def _department_labels(codes) -> dict:
    return {d.code: f"{d.name} ({d.code})" for d in Department.objects.filter(code__in=codes)}


def territory_tables(questionnaire) -> list[Table]:
    base = respondents()
    dims = [d.key for d in questionnaire.dimensions]
    departments = sorted(set(base.values_list("department_code", flat=True)) - {""})
    common = {"queryset": base, "dimension_keys": dims}
    return [
        table(
            key="secteur",
            title=_("Par secteur"),
            variable=_("Secteur"),
            group="sector",
            labels={s.key: s.label for s in questionnaire.sectors},
            **common,
        ),
        table(
            key="effectif",
            title=_("Par taille d'entreprise"),
            variable=_("Effectif"),
            group="size_band",
            labels={v: str(label) for v, label in SizeBand.choices},
            **common,
        ),
        table(
            key="departement",
            title=_("Par département"),
            variable=_("Département"),
            group="department_code",
            labels=_department_labels(departments),
            **common,
        ),
    ]


def trend_table(questionnaire) -> Table:
    """Every completed diagnostic, by the month it was completed (the site's time zone)."""
    return table(
        key="mois",
        title=_("Par mois"),
        variable=_("Mois"),
        queryset=Diagnostic.objects.completed().annotate(month=TruncMonth("completed_at")),
        group="month",
        labels={},
        dimension_keys=[d.key for d in questionnaire.dimensions],
        label_of=lambda month: timezone.localtime(month).strftime("%m/%Y"),
    )


def territory_figures(questionnaire) -> tuple[list[Table], Table]:
    """The tables and the trend, kept in the cache until a diagnostic is added, changed or
    deleted (measured: a few seconds of computing at 50,000 results, see bench/)."""
    stamp = Diagnostic.objects.aggregate(
        n=Count("id", filter=Q(status=Diagnostic.Status.COMPLETED)),
        last=Max("updated_at"),
    )
    key = "diagnostic:stats:" + ":".join(
        str(part)
        for part in (
            questionnaire.version,
            stamp["n"],
            stamp["last"].timestamp() if stamp["last"] else 0,
            stats_min_count(),
            get_language(),
        )
    )
    found = cache.get(key)
    if found is None:
        found = (territory_tables(questionnaire), trend_table(questionnaire))
        cache.set(key, found, 24 * 3600)
    return found

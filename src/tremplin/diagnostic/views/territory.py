"""The territory's statistics (staff only): aggregates with suppression, charts, CSV."""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tremplin.diagnostic import charts, conf, selectors, stats


def _staff_only(request):
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if not request.user.is_staff:
        raise PermissionDenied
    return None


def _data():
    questionnaire = selectors.version_current().questionnaire
    tables, trend = stats.territory_figures(questionnaire)
    return questionnaire, tables, trend


@require_GET
def territory(request):
    if response := _staff_only(request):
        return response
    questionnaire, tables, trend = _data()
    total = tables[0].total
    dimensions = [(d.key, d.label) for d in questionnaire.dimensions]
    overview = charts.bar_chart(
        [(label, None if total.hidden else total.dimensions.get(key)) for key, label in dimensions]
    )
    by_group = [
        (t, charts.bar_chart([(r.label, None if r.hidden else r.overall) for r in t.rows]))
        for t in tables
    ]
    trend_chart = charts.trend_chart(
        [r.label for r in trend.rows],
        [
            (
                _("Score global moyen"),
                "current",
                [None if r.hidden else r.overall for r in trend.rows],
            ),
            (
                _("Part des répondants qui vendent en ligne (%)"),
                "previous",
                [None if r.hidden else r.online for r in trend.rows],
            ),
        ],
    )
    return render(
        request,
        "diagnostic/territory.html",
        {
            "questionnaire": questionnaire,
            "dimensions": dimensions,
            "total": total,
            "overview_rows": [(label, total.dimensions.get(key)) for key, label in dimensions],
            "overview": overview,
            "tables": by_group,
            "trend": trend,
            "trend_chart": trend_chart,
            "min_count": conf.stats_min_count(),
        },
    )


def _number(value) -> str:
    return "" if value is None else number_format(value, decimal_pos=1)


@require_GET
def territory_csv(request):
    """One file with every table; a hidden figure is an empty cell marked « masqué »."""
    if response := _staff_only(request):
        return response
    questionnaire, tables, trend = _data()
    dimensions = [(d.key, d.label) for d in questionnaire.dimensions]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"diagnostic-statistiques-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # spreadsheets then read the accents right
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("tableau"),
            _("groupe"),
            _("nombre de résultats"),
            _("score global moyen"),
            *[_("score moyen : %(label)s") % {"label": label} for _key, label in dimensions],
            _("vendent en ligne (%)"),
            _("masqué"),
        ]
    )
    hidden_mark = _("masqué (moins de %(n)s résultats ou secret secondaire)") % {
        "n": conf.stats_min_count()
    }
    for table in [*tables, trend]:
        for row in [*table.rows, table.total]:
            if row.hidden:
                writer.writerow(
                    [table.title, row.label, "", "", *["" for _d in dimensions], "", hidden_mark]
                )
                continue
            writer.writerow(
                [
                    table.title,
                    row.label,
                    row.count,
                    _number(row.overall),
                    *[_number(row.dimensions.get(key)) for key, _label in dimensions],
                    _number(row.online),
                    "",
                ]
            )
    return response

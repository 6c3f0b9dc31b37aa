"""Statistics for the territory's staff: charts (server-rendered SVG), tables and CSV."""

from __future__ import annotations

import csv

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tremplin.learning.models import Path
from tremplin.learning.stats import chart, path_stats


@staff_member_required
@require_GET
def stats_index(request):
    return render(
        request,
        "learning/stats_index.html",
        {
            "paths": Path.objects.all(),
            "crumbs": [(reverse("learning:path_list"), _("Apprendre")), ("", _("Statistiques"))],
        },
    )


@staff_member_required
@require_GET
def stats_path(request, path_slug):
    path = get_object_or_404(Path, slug=path_slug)
    stats = path_stats(path)
    rows = stats.modules
    charts = [
        chart(_("Modules commencés et terminés"), [(str(m.number), m.starts) for m in rows]),
        chart(
            _("Abandon le long du parcours : part des apprenants qui ont ouvert chaque module"),
            [(str(m.number), m.reach) for m in rows],
            unit="%",
            maximum=100,
        ),
        chart(
            _("Réussite aux quiz (part des tentatives réussies)"),
            [(str(m.number), m.pass_rate) for m in rows],
            unit="%",
            maximum=100,
        ),
    ]
    # Completions share the starts' scale, drawn as a second, thinner bar.
    top = max([m.starts for m in rows] + [1])
    completions = chart("", [(str(m.number), m.completions) for m in rows], maximum=top)
    for bar, done in zip(charts[0].bars, completions.bars, strict=True):
        bar.second_value, bar.second_width = done.value, done.width
    return render(
        request,
        "learning/stats_path.html",
        {
            "path": path,
            "stats": stats,
            "charts": charts,
            "crumbs": [
                (reverse("learning:path_list"), _("Apprendre")),
                (reverse("learning:stats"), _("Statistiques")),
                ("", path.title),
            ],
        },
    )


@staff_member_required
@require_GET
def stats_csv(request, path_slug, table):
    path = get_object_or_404(Path, slug=path_slug)
    if table not in {"modules", "questions"}:
        raise Http404
    stats = path_stats(path)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{path.slug}-{table}.csv"'
    response.write("\ufeff")  # so that spreadsheet software reads the accents right
    writer = csv.writer(response, delimiter=";")
    if table == "modules":
        writer.writerow(
            ["numero", "chapitre", "module", "identifiant", "commences", "termines",
             "taux_achevement_pct", "duree_mediane_secondes", "part_apprenants_pct",
             "tentatives_quiz", "quiz_reussis", "taux_reussite_quiz_pct"]
        )  # fmt: skip
        for m in stats.modules:
            writer.writerow(
                [m.number, m.module.chapter.title, m.module.title, m.module.slug, m.starts,
                 m.completions, _blank(m.completion_rate), _blank(m.median_seconds), m.reach,
                 m.attempts, m.passed, _blank(m.pass_rate)]
            )  # fmt: skip
    else:
        writer.writerow(
            ["numero_module", "module", "numero_question", "question", "reponses",
             "bonnes_reponses", "taux_reussite_pct"]
        )  # fmt: skip
        for m in stats.modules:
            for q in m.questions:
                writer.writerow(
                    [m.number, m.module.title, q.number, q.text, q.answers, q.correct,
                     _blank(q.rate)]
                )  # fmt: skip
    return response


def _blank(value):
    return "" if value is None else value

"""The widget page (made to be framed by partner sites) and its snippet generator for staff."""

from __future__ import annotations

from csp.constants import SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tremplin.jobs.publishing import search
from tremplin.jobs.publishing.views import crumbs
from tremplin.jobs.publishing.widget import (
    SnippetForm,
    framable,
    snippet,
    widget_search_params,
    widget_url,
)


@require_GET
@framable
def widget(request):
    params, count, title = widget_search_params(request.GET)
    found = search.results(params, sort="date", per_page=count)
    query = search.canonical_query(params)
    return render(
        request,
        "jobs/publishing/widget.html",
        {
            "offers": found.offers,
            "total": found.total,
            "title": title,
            "search_url": request.build_absolute_uri(
                reverse("jobs:offer_list") + (f"?{query}" if query else "")
            ),
        },
    )


@staff_member_required
@require_GET
@csp_replace({"frame-src": [SELF]})  # the live preview frames the widget (nothing else)
def widget_snippet(request):
    form = SnippetForm(request.GET or None)
    code = preview = None
    if request.GET and form.is_valid():
        query = form.query()
        code = snippet(
            src=widget_url(query),
            title=form.cleaned_data["title"],
            height=form.cleaned_data["height"],
        )
        preview = reverse("jobs:widget") + "?" + query
    return render(
        request,
        "jobs/publishing/widget_snippet.html",
        {
            "form": form,
            "code": code,
            "preview": preview,
            "height": form.data.get("height", 600),
            "frame_ancestors": settings.FRAME_ANCESTORS,
            "crumbs": crumbs.myspace((None, _("Widget pour un site partenaire"))),
        },
    )

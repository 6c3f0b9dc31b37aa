"""What a search page shows besides results: facets with counts, pages, suggestions.

Presentation only: the search itself is :mod:`tremplin.jobs.search.engine`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from tremplin.core.search.analysis import html_to_text
from tremplin.core.search.highlight import matcher, snippet

from .cards import choices

#: The snippet is cut from the first characters of a description's HTML (enough for a good
#: passage; the rest would cost time for every result).
SNIPPET_SOURCE = 1200


@dataclass
class Option:
    id: str
    value: str
    label: str
    count: int | None
    checked: bool


@dataclass
class Group:
    name: str  # query-string parameter
    legend: str
    kind: str  # checkbox or radio
    options: list[Option]


def _head(html: str) -> str:
    """The beginning of an HTML text, not cut inside a tag."""
    head = html[:SNIPPET_SOURCE]
    cut = head.rfind("<")
    return head[:cut] if cut > head.rfind(">") else head


def facet_groups(form, result, spec) -> list[Group]:
    """``spec``: (parameter, index field or "@date", hide options with no result) triples."""
    groups = []
    for name, field_name, hide_empty in spec:
        field = form.fields[name]
        chosen = {
            str(v) for v in (form.data.getlist(name) if hasattr(form.data, "getlist") else [])
        }
        if field_name == "@date":
            counts = {str(k): v for k, v in result.date_counts.items()}
            kind = "radio"
        else:
            counts = result.facets.get(field_name, {})
            kind = "checkbox"
        options = []
        for value, label in choices(field):
            value = str(value)
            count = counts.get(value, 0) if value else None
            checked = value in chosen or (kind == "radio" and not value and not chosen - {""})
            if hide_empty and not count and not checked:
                continue
            options.append(Option(f"f-{name}-{value or 'tous'}", value, str(label), count, checked))
        if options:
            groups.append(Group(name, str(field.label), kind, options))
    return groups


def querystring(params: dict, **changes) -> str:
    """The query string of the current search with some parameters changed (page, filters)."""
    merged = {**params, **changes}
    pairs = []
    for key, value in merged.items():
        if value in (None, "", [], ()):
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            pairs.append((key, item))
    return urlencode(pairs)


def current_params(request) -> dict:
    keep = {}
    for key in request.GET:
        if key in {"page", "commune_code"}:
            continue
        values = [v for v in request.GET.getlist(key) if v]
        if values:
            keep[key] = values
    code = request.GET.get("commune_code")
    if code:
        keep["commune_code"] = [code]
    return keep


@dataclass
class Pages:
    """What core/includes/pagination.html expects of a page object."""

    number: int
    num_pages: int

    @property
    def paginator(self):
        return self

    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def suggestion_links(result, params_dict: dict, filters: dict[str, tuple[str, str]]) -> list[dict]:
    """Each suggestion as a sentence and a link; ``filters``: engine name → (parameter, label)."""
    links = []
    for s in result.suggestions:
        changed = dict(params_dict)
        if s["kind"] == "spelling":
            changed["q"] = [s["params"].q]
            text = _("Vouliez-vous dire « %(q)s » ?") % {"q": s["params"].q}
        elif s["kind"] == "radius":
            changed["rayon"] = [str(s["params"].radius)]
            text = _("Élargir la recherche à %(km)s km") % {"km": s["params"].radius}
        elif s["kind"] == "anywhere":
            changed.pop("commune", None)
            changed.pop("commune_code", None)
            changed.pop("rayon", None)
            text = _("Chercher dans tout le territoire")
        elif s["kind"] == "filter":
            param, label = filters.get(s["name"], (s["name"], s["name"]))
            changed.pop(param, None)
            text = _("Sans le filtre « %(filter)s »") % {"filter": label}
        else:
            changed["q"] = [s["word"]]
            text = _("Chercher seulement « %(word)s »") % {"word": s["word"]}
        links.append({"text": text, "count": s["count"], "query": querystring(changed)})
    return links


def plain(html: str) -> str:
    return html_to_text(html)


def search_context(request, form, *, search, load, text_of, facets, filters) -> dict:
    """Everything a search page shows: results with highlights, facets, pages, suggestions.

    ``search`` runs the engine on the form's parameters, ``load`` fetches the rows of the
    result's ids (dicts with "pk" and "title"), ``text_of`` gives the text a snippet is cut
    from.
    """
    from tremplin.core.search import SearchUnavailable

    params = form.params()
    context = {"form": form, "params": params, "unavailable": False}
    try:
        result = search(params)
    except SearchUnavailable:
        context["unavailable"] = True
        return context
    current = current_params(request)
    matches = matcher(result.match.terms, result.match.fuzzy)
    context.update(
        result=result,
        items=[
            {
                "object": row,
                "title": snippet(row["title"], first=True, matches=matches),
                "snippet": snippet(plain(_head(text_of(row))), matches=matches),
                "distance": result.distances.get(row["pk"]),
            }
            for row in load(result.ids)
        ],
        groups=facet_groups(form, result, facets),
        pages=Pages(params.page, result.pages),
        querystring_prefix=(querystring(current) + "&") if current else "",
        suggestions=suggestion_links(result, current, filters),
    )
    return context

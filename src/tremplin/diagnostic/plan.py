"""The personal plan that follows a result, and the registry other apps add to it.

For each weak dimension (score below 50, weakest first) the plan lists the learning modules the
questionnaire names, as the learning app publishes them, ticked when the person has completed
them. Other apps add their own items — workshops nearby, local providers — by registering a
contributor in a module named ``diagnostic_plan.py``, which this app imports at start-up::

    from tremplin.diagnostic.plan import PlanContributor, PlanItem, plan_contributor_register

    def workshops(request):  # request: PlanRequest
        return [PlanItem(title=..., url=..., meta=..., dimension="readiness")]

    plan_contributor_register(
        PlanContributor(key="events.workshops", title=_("Ateliers près de chez vous"),
                        items=workshops, order=20)
    )

An item with a ``dimension`` is shown under that dimension; without one, under the
contributor's own heading. A contributor with nothing to offer shows nothing: the plan only
shows what exists. A failing contributor is logged and skipped, so that another app's bug never
hides a person's result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlanItem:
    title: str
    url: str
    meta: str = ""
    done: bool | None = None  # None: nothing to tick
    dimension: str = ""


@dataclass(frozen=True)
class PlanRequest:
    dimensions: tuple[str, ...]  # the plan's dimensions, weakest first
    sector: str
    department_code: str
    commune_insee: str
    user: object | None  # the owner looking at their plan, or None


@dataclass(frozen=True)
class PlanContributor:
    key: str
    title: str
    items: Callable[[PlanRequest], list[PlanItem]]
    order: int = 100


_contributors: dict[str, PlanContributor] = {}


def plan_contributor_register(contributor: PlanContributor) -> None:
    _contributors[contributor.key] = contributor


def plan_contributor_unregister(key: str) -> None:
    _contributors.pop(key, None)


def plan_contributors() -> list[PlanContributor]:
    return sorted(_contributors.values(), key=lambda c: (c.order, c.key))


@dataclass
class PlanDimension:
    key: str
    label: str
    score: int
    priority: str
    modules: list[PlanItem] = field(default_factory=list)
    extras: list[PlanItem] = field(default_factory=list)


@dataclass
class PlanSlot:
    title: str
    items: list[PlanItem]


@dataclass
class Plan:
    dimensions: list[PlanDimension]
    slots: list[PlanSlot]
    all_strong: bool  # no weak dimension: the plan shows the two lowest instead
    ticks: bool = False  # whether modules are ticked (someone signed in looks at their plan)

    @property
    def modules(self) -> list[PlanItem]:
        return [m for d in self.dimensions for m in d.modules]

    @property
    def done_count(self) -> int:
        return sum(1 for m in self.modules if m.done)


def _module_items(slugs: list[str], user) -> dict[str, PlanItem]:
    from tremplin.learning import selectors as learning

    modules = learning.modules_by_slugs(slugs)
    done = (
        learning.completed_module_slugs(user=user, slugs=[m.slug for m in modules])
        if user
        else set()
    )
    return {
        m.slug: PlanItem(
            title=m.title,
            url=m.url,
            meta=_("%(minutes)s min — %(path)s, « %(chapter)s »")
            % {"minutes": m.duration_minutes, "path": m.path_title, "chapter": m.chapter_title},
            done=m.slug in done if user else None,
        )
        for m in modules
    }


def plan_for(summary, *, user=None) -> Plan:
    """The plan of a result (``summary``: selectors.ResultSummary); ``user`` ticks modules."""
    weak = list(summary.priorities)
    all_strong = not weak
    if all_strong:
        weak = sorted(summary.rows, key=lambda r: r.score)[:2]
    questionnaire = summary.questionnaire
    wanted: list[str] = []
    for row in weak:
        for slug in questionnaire.dimension(row.key).modules:
            if slug not in wanted:
                wanted.append(slug)
    items = _module_items(wanted, user) if wanted else {}
    placed: set[str] = set()
    dimensions = []
    for row in weak:
        plan_dimension = PlanDimension(
            key=row.key,
            label=row.label,
            score=row.score,
            priority=questionnaire.dimension(row.key).priority,
        )
        for slug in questionnaire.dimension(row.key).modules:
            if slug in items and slug not in placed:
                plan_dimension.modules.append(items[slug])
                placed.add(slug)
        dimensions.append(plan_dimension)
    diagnostic = summary.diagnostic
    business = diagnostic.business
    request = PlanRequest(
        dimensions=tuple(d.key for d in dimensions),
        sector=diagnostic.sector,
        department_code=diagnostic.department_code,
        commune_insee=business.commune.insee if business else "",
        user=user,
    )
    by_key = {d.key: d for d in dimensions}
    slots = []
    for contributor in plan_contributors():
        try:
            found = list(contributor.items(request))
        except Exception:
            log.exception("plan contributor %s failed", contributor.key)
            continue
        general = []
        for item in found:
            if item.dimension in by_key:
                by_key[item.dimension].extras.append(item)
            elif not item.dimension:
                general.append(item)
        if general:
            slots.append(PlanSlot(title=str(contributor.title), items=general))
    return Plan(dimensions=dimensions, slots=slots, all_strong=all_strong, ticks=user is not None)

"""Reads of the learning app, for its own views and for other apps.

``modules_by_slugs`` and ``completed_module_slugs`` are a public interface: the diagnostic's
personal plan calls them. Keep their signatures.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from tremplin.learning.models import Module, Path, Progress, Status


@dataclass(frozen=True)
class ModuleRef:
    """A published module, as another app shows it in a list of things to read."""

    slug: str
    title: str
    url: str
    duration_minutes: int
    chapter_title: str
    path_title: str
    path_slug: str = ""
    kind: str = "lesson"


def _visible_modules():
    return Module.objects.filter(status=Status.PUBLISHED, chapter__path__status=Status.PUBLISHED)


def modules_by_slugs(slugs: list[str]) -> list[ModuleRef]:
    """Published modules among ``slugs``, in the order given (unknown or draft ones left out)."""
    wanted = [slug for slug in dict.fromkeys(slugs) if slug]
    if not wanted:
        return []
    found = {
        module.slug: module
        for module in _visible_modules()
        .filter(slug__in=wanted)
        .select_related("chapter__path")
        .only(
            "slug",
            "title",
            "kind",
            "duration_minutes",
            "chapter__title",
            "chapter__path__title",
            "chapter__path__slug",
        )
    }
    return [
        ModuleRef(
            slug=module.slug,
            title=module.title,
            url=reverse("learning:module", args=[module.chapter.path.slug, module.slug]),
            duration_minutes=module.duration_minutes,
            chapter_title=module.chapter.title,
            path_title=module.chapter.path.title,
            path_slug=module.chapter.path.slug,
            kind=module.kind,
        )
        for slug in wanted
        if (module := found.get(slug)) is not None
    ]


def completed_module_slugs(*, user, slugs: list[str]) -> set[str]:
    """Which of ``slugs`` the person has completed; always empty for an anonymous visitor."""
    if user is None or not getattr(user, "is_authenticated", False) or not slugs:
        return set()
    return set(
        Progress.objects.filter(
            user=user, module__slug__in=list(slugs), completed_at__isnull=False
        ).values_list("module__slug", flat=True)
    )


# ---- the learner's pages ------------------------------------------------------------------


@dataclass
class ModuleRow:
    module: Module
    state: str  # "todo", "started" or "done"
    best_score: int | None = None


@dataclass
class ChapterOutline:
    chapter: object
    rows: list[ModuleRow]
    webinars: list


@dataclass
class PathOutline:
    path: object
    chapters: list[ChapterOutline]
    resume: Module | None
    has_progress: bool

    @property
    def rows(self) -> list[ModuleRow]:
        return [row for chapter in self.chapters for row in chapter.rows]

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def done(self) -> int:
        return sum(1 for row in self.rows if row.state == "done")

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def minutes_total(self) -> int:
        return sum(row.module.duration_minutes for row in self.rows)

    @property
    def minutes_left(self) -> int:
        return sum(row.module.duration_minutes for row in self.rows if row.state != "done")

    @property
    def completed(self) -> bool:
        return self.total > 0 and self.done == self.total


def published_paths():
    from django.db.models import Count, Q, Sum

    published = Q(chapters__modules__status=Status.PUBLISHED)
    return (
        Path.objects.published()
        .annotate(
            module_count=Count("chapters__modules", filter=published),
            minutes=Sum("chapters__modules__duration_minutes", filter=published),
        )
        .filter(module_count__gt=0)
    )


def path_for(slug: str, *, preview: bool = False):
    """The path at ``slug`` if the visitor may see it (staff preview drafts), else None."""
    paths = Path.objects.all() if preview else Path.objects.published()
    return paths.filter(slug=slug).first()


def module_for(path, slug: str, *, preview: bool = False) -> Module | None:
    modules = Module.objects.all() if preview else Module.objects.published()
    return (
        modules.filter(chapter__path=path, slug=slug)
        .select_related("chapter__path")
        .prefetch_related("quiz__questions__answers")
        .first()
    )


def path_modules(path, *, preview: bool = False) -> list[Module]:
    modules = Module.objects.all() if preview else Module.objects.published()
    return list(
        modules.filter(chapter__path=path)
        .select_related("chapter")
        .order_by("chapter__position", "chapter__pk", "position", "pk")
    )


def module_neighbours(module: Module, *, preview: bool = False):
    modules = path_modules(module.chapter.path, preview=preview)
    index = next((i for i, m in enumerate(modules) if m.pk == module.pk), None)
    if index is None:
        return None, None, modules
    previous = modules[index - 1] if index > 0 else None
    following = modules[index + 1] if index + 1 < len(modules) else None
    return previous, following, modules


def path_outline(*, path, user, now=None) -> PathOutline:
    from django.utils import timezone

    from tremplin.learning.models import Webinar

    modules = path_modules(path)
    progress = {}
    if user is not None and user.is_authenticated:
        progress = {
            p.module_id: p
            for p in Progress.objects.filter(user=user, module__in=[m.pk for m in modules])
        }
    now = now or timezone.now()
    webinars: dict[int, list] = {}
    for webinar in Webinar.objects.published().upcoming(now).filter(chapter__path=path):
        webinars.setdefault(webinar.chapter_id, []).append(webinar)
    chapters: dict[int, ChapterOutline] = {}
    for module in modules:
        item = progress.get(module.pk)
        state = "todo" if item is None else ("done" if item.completed_at else "started")
        outline = chapters.setdefault(
            module.chapter_id,
            ChapterOutline(
                chapter=module.chapter, rows=[], webinars=webinars.get(module.chapter_id, [])
            ),
        )
        outline.rows.append(ModuleRow(module, state, item.best_score if item else None))
    outline = PathOutline(
        path=path, chapters=list(chapters.values()), resume=None, has_progress=bool(progress)
    )
    outline.resume = _resume(modules, progress)
    return outline


def _resume(modules: list[Module], progress: dict) -> Module | None:
    """Where to pick up: the last module opened if unfinished, else the next unfinished one."""
    if not modules:
        return None
    if not progress:
        return modules[0]
    last = max(progress.values(), key=lambda p: p.last_seen_at)
    order = [m.pk for m in modules]
    start = order.index(last.module_id) if last.module_id in order else 0
    if last.completed_at is None and last.module_id in order:
        return modules[start]
    for module in modules[start:] + modules[:start]:
        item = progress.get(module.pk)
        if item is None or item.completed_at is None:
            return module
    return None


def learner_paths(user) -> list[PathOutline]:
    """Paths the person has started, most recent first (for « Mon espace »)."""
    started = (
        Progress.objects.filter(user=user, module__chapter__path__status=Status.PUBLISHED)
        .order_by("-last_seen_at")
        .values_list("module__chapter__path_id", flat=True)
    )
    order = list(dict.fromkeys(started))
    paths = {p.pk: p for p in Path.objects.filter(pk__in=order)}
    return [path_outline(path=paths[pk], user=user) for pk in order if pk in paths]

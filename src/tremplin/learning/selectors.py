"""Reads of the learning app, for its own views and for other apps.

``modules_by_slugs`` and ``completed_module_slugs`` are a public interface: the diagnostic's
personal plan calls them. Keep their signatures.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from tremplin.learning.models import Module, Progress, Status


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

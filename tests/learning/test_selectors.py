"""The selectors other apps (the diagnostic's plan) rely on."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from tests.learning.factories import ChapterFactory, ModuleFactory, PathFactory
from tremplin.learning.models import Progress
from tremplin.learning.selectors import ModuleRef, completed_module_slugs, modules_by_slugs

pytestmark = pytest.mark.django_db


def test_modules_by_slugs_keeps_the_order_given_and_skips_unpublished():
    chapter = ChapterFactory(title="Préparer", path=PathFactory(title="Accélérateur"))
    first = ModuleFactory(chapter=chapter, slug="faire-le-point", duration_minutes=4)
    ModuleFactory(chapter=chapter, slug="brouillon", draft=True)
    second = ModuleFactory(chapter=chapter, slug="budget-et-aides")
    hidden_path = ChapterFactory(path=PathFactory(status="draft"))
    ModuleFactory(chapter=hidden_path, slug="dans-un-parcours-brouillon")

    refs = modules_by_slugs(
        ["budget-et-aides", "inconnu", "brouillon", "faire-le-point", "dans-un-parcours-brouillon"]
    )

    assert [ref.slug for ref in refs] == [second.slug, first.slug]
    ref = refs[1]
    assert isinstance(ref, ModuleRef)
    assert ref.title == first.title
    assert ref.url == f"/apprendre/{chapter.path.slug}/faire-le-point/"
    assert ref.duration_minutes == 4
    assert ref.chapter_title == "Préparer"
    assert ref.path_title == "Accélérateur"
    assert modules_by_slugs([]) == []


def test_modules_by_slugs_is_one_query(django_assert_num_queries):
    for index in range(5):
        ModuleFactory(slug=f"m-{index}")
    with django_assert_num_queries(1):
        assert len(modules_by_slugs([f"m-{index}" for index in range(5)])) == 5


def test_completed_module_slugs():
    from django.contrib.auth.models import AnonymousUser
    from django.utils import timezone

    done, started, other = ModuleFactory(), ModuleFactory(), ModuleFactory()
    user = UserFactory()
    Progress.objects.create(user=user, module=done, completed_at=timezone.now())
    Progress.objects.create(user=user, module=started)
    Progress.objects.create(user=UserFactory(), module=other, completed_at=timezone.now())

    slugs = [done.slug, started.slug, other.slug]
    assert completed_module_slugs(user=user, slugs=slugs) == {done.slug}
    assert completed_module_slugs(user=AnonymousUser(), slugs=slugs) == set()
    assert completed_module_slugs(user=user, slugs=[]) == set()

"""The personal plan: learning modules for the weak dimensions, ticked as they are completed,
and the slots other apps fill through the contributor registry."""

from __future__ import annotations

import pytest

from tests.diagnostic.conftest import best_answers
from tests.helpers import text
from tests.learning.factories import ModuleFactory
from tremplin.diagnostic import selectors
from tremplin.diagnostic.plan import (
    PlanContributor,
    PlanItem,
    plan_contributor_register,
    plan_contributor_unregister,
    plan_for,
)
from tremplin.learning.services.progress import module_complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def modules(db):
    return {
        "fixer-ses-objectifs": ModuleFactory(
            slug="fixer-ses-objectifs", title="Fixer ses objectifs"
        ),
        "faire-le-point": ModuleFactory(slug="faire-le-point", title="Faire le point"),
        "budget-et-aides": ModuleFactory(
            slug="budget-et-aides", title="Brouillon des aides", draft=True
        ),
        "rgpd": ModuleFactory(slug="rgpd", title="Le RGPD simplement"),
    }


def test_weak_dimensions_list_their_published_modules_and_tick_them(
    client, take, owner, business, modules
):
    diagnostic = take(actor=owner, business=business)  # everything at 0: all seven are weak
    module_complete(user=owner, module=modules["faire-le-point"])
    plan = plan_for(selectors.result_summary(diagnostic), user=owner)
    assert [d.key for d in plan.dimensions][:2] == ["strategy", "readiness"]
    strategy = plan.dimensions[0]
    assert [m.title for m in strategy.modules] == ["Fixer ses objectifs", "Faire le point"]
    assert [m.done for m in strategy.modules] == [False, True]
    people = next(d for d in plan.dimensions if d.key == "people")
    assert "Faire le point" not in [m.title for m in people.modules]  # listed once only
    data = next(d for d in plan.dimensions if d.key == "data")
    assert [m.title for m in data.modules] == ["Le RGPD simplement"]
    assert plan.done_count == 1 and plan.slots == []

    client.force_login(owner)
    page = text(client.get(f"/diagnostic/{diagnostic.pk}/"))
    assert "1 module suivi sur 3." in page
    assert modules["rgpd"].chapter.path.slug in page  # links into the learning app
    assert "Brouillon des aides" not in page  # a draft module is not offered
    assert "suivi" in page


def test_a_private_link_plan_has_no_ticks(client, take, modules, communes):
    diagnostic = take()
    plan = plan_for(selectors.result_summary(diagnostic), user=None)
    assert all(m.done is None for m in plan.modules)
    page = text(client.get(f"/diagnostic/lien/{diagnostic.token}/"))
    assert "suivi sur" not in page and "suivis sur" not in page
    assert "Connectez-vous et rattachez" in page


def test_all_strong_shows_the_two_lowest(take, questionnaire, modules, communes):
    diagnostic = take(answers=best_answers(questionnaire, "commerce"))
    plan = plan_for(selectors.result_summary(diagnostic), user=None)
    assert plan.all_strong and len(plan.dimensions) == 2


def test_other_apps_add_items_through_the_registry(client, take, owner, business, modules):
    seen = []

    def workshops(request):
        seen.append(request)
        return [
            PlanItem(
                title="Atelier : votre fiche sur les cartes",
                url="/ateliers/1/",
                meta="Saint-Étienne, jeudi",
                dimension="readiness",
            ),
            PlanItem(title="Permanence numérique", url="/ateliers/2/"),
        ]

    def broken(request):
        raise RuntimeError("bug in another app")

    plan_contributor_register(
        PlanContributor(key="test.workshops", title="Ateliers près de chez vous", items=workshops)
    )
    plan_contributor_register(PlanContributor(key="test.broken", title="Cassé", items=broken))
    plan_contributor_register(
        PlanContributor(key="test.empty", title="Prestataires locaux", items=lambda r: [])
    )
    try:
        diagnostic = take(actor=owner, business=business)
        client.force_login(owner)
        page = text(client.get(f"/diagnostic/{diagnostic.pk}/"))
    finally:
        for key in ("test.workshops", "test.broken", "test.empty"):
            plan_contributor_unregister(key)
    assert seen[0].commune_insee == "42218" and seen[0].department_code == "42"
    assert seen[0].dimensions[0] == "strategy" and seen[0].user == owner
    assert "Atelier : votre fiche sur les cartes" in page and "Saint-Étienne, jeudi" in page
    assert "Ateliers près de chez vous" in page and "Permanence numérique" in page
    assert "Prestataires locaux" not in page and "Cassé" not in page


def test_method_page_names_the_published_modules(client, modules):
    page = text(client.get("/diagnostic/methode/"))
    assert "Le RGPD simplement" in page and "Fixer ses objectifs" in page
    assert "Brouillon des aides" not in page  # a draft is not offered

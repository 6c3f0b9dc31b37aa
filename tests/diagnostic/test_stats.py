"""The territory's statistics: at least 10 results behind every figure, and no hidden figure
that can be recomputed from the totals."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.helpers import text
from tremplin.diagnostic import stats
from tremplin.diagnostic.stats import suppress


def test_suppress_nothing_when_every_group_is_big_enough():
    assert suppress({"a": 10, "b": 25}, 35, 10) == (set(), False)


def test_a_single_small_group_takes_the_next_smallest_with_it():
    hidden, total_hidden = suppress({"a": 40, "b": 12, "c": 15, "d": 3}, 70, 10)
    assert hidden == {"d", "b"} and not total_hidden


def test_hidden_groups_must_add_up_to_the_threshold():
    # Two small groups of 2 and 3: together 5 < 10, so a third one is hidden too.
    hidden, _ = suppress({"a": 2, "b": 3, "c": 11, "d": 30}, 46, 10)
    assert hidden == {"a", "b", "c"}


def test_everything_is_hidden_below_the_threshold():
    assert suppress({"a": 4, "b": 5}, 9, 10) == ({"a", "b"}, True)


@pytest.mark.parametrize("seed", range(30))
def test_no_hidden_group_can_be_recomputed_from_the_total(seed):
    import random

    rng = random.Random(seed)
    counts = {f"g{i}": rng.choice([0, 1, 3, 7, 9, 10, 12, 30]) for i in range(rng.randint(2, 7))}
    counts = {g: n for g, n in counts.items() if n}
    total = sum(counts.values())
    hidden, total_hidden = suppress(counts, total, 10)
    assert all(counts[g] >= 10 for g in counts if g not in hidden)
    if hidden and not total_hidden:
        assert len(hidden) >= 2  # total minus the shown groups mixes at least two groups
        assert sum(counts[g] for g in hidden) >= 10  # and that mix has 10 results or more


@pytest.fixture
def results(db, make_results):
    """Commerce 20 (score 60), artisanat 12 (40), agriculture 4 (20): agriculture is hidden,
    and artisanat with it, or the total would give agriculture away."""
    make_results(20, score=60, sector="commerce", online="yes", department="42")
    make_results(12, score=40, sector="artisanat", online="no", department="69")
    make_results(4, score=20, sector="agriculture", online="partly", department="42")


def test_sector_table_applies_primary_and_secondary_suppression(results, questionnaire):
    sector = stats.territory_tables(questionnaire)[0]
    rows = {row.key: row for row in sector.rows}
    assert rows["commerce"].overall == 60.0 and not rows["commerce"].hidden
    assert rows["commerce"].online == 100.0
    assert rows["agriculture"].hidden and rows["artisanat"].hidden
    assert rows["agriculture"].overall is None and rows["artisanat"].dimensions == {}
    total = sector.total
    assert total.count == 36 and not total.hidden
    # The total mixes the two hidden groups: (12 × 40 + 4 × 20) / 16 = 35, never 20 alone.
    assert total.overall == round((20 * 60 + 12 * 40 + 4 * 20) / 36, 1)
    assert total.online == round(100 * 24 / 36, 1)  # « yes » and « partly » both sell online
    by_department = {r.key: r for r in stats.territory_tables(questionnaire)[2].rows}
    assert by_department["42"].count == 24 and not by_department["42"].hidden
    assert by_department["69"].overall == 40.0


def test_only_the_latest_result_of_a_business_counts(db, take, owner, business, questionnaire):
    for days in (300, 200, 100):
        take(actor=owner, business=business, when=timezone.now() - timedelta(days=days))
    assert stats.respondents().count() == 1
    assert stats.trend_table(questionnaire).total.count == 3


def test_trend_by_month(db, make_results, questionnaire):
    now = timezone.now()
    make_results(10, score=30, when=now - timedelta(days=62))
    make_results(3, score=90, when=now - timedelta(days=31))
    make_results(12, score=50, when=now)
    trend = stats.trend_table(questionnaire)
    assert [r.count for r in trend.rows] == [10, 3, 12]
    assert [r.hidden for r in trend.rows] == [True, True, False]  # 3 alone would be derivable
    assert trend.total.count == 25


def test_territory_page_is_for_staff_and_shows_no_hidden_figure(client, staff, owner, results):
    client.force_login(owner)
    assert client.get("/diagnostic/territoire/").status_code == 403
    client.force_login(staff)
    page = text(client.get("/diagnostic/territoire/"))
    assert "36 répondants" in page and "66,7 %" in page
    assert "masqué" in page
    assert "<svg" in page and "<table" in page


def test_csv_export_blanks_hidden_cells(client, staff, results):
    client.force_login(staff)
    response = client.get("/diagnostic/territoire/statistiques.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["tableau", "groupe", "nombre de résultats", "score global moyen"]
    by_group = {(r[0], r[1]): r for r in body}
    assert by_group[("Par secteur", "Commerce")][2:4] == ["20", "60,0"]
    hidden = by_group[("Par secteur", "Agriculture")]
    assert hidden[2] == "" and hidden[3] == "" and hidden[-1].startswith("masqué")
    assert by_group[("Par secteur", "Ensemble")][2] == "36"


def test_territory_page_queries_do_not_grow_with_results(
    client, staff, make_results, django_assert_max_num_queries
):
    make_results(30, score=55)
    client.force_login(staff)
    assert "30 répondants" in text(client.get("/diagnostic/territoire/"))
    make_results(60, score=45, sector="services", department="69")
    with django_assert_max_num_queries(40):
        page = text(client.get("/diagnostic/territoire/"))
    assert "90 répondants" in page  # the cached figures followed the new results
    with django_assert_max_num_queries(12):  # from the cache this time
        client.get("/diagnostic/territoire/")

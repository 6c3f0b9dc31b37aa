"""How long do the diagnostic's scoring and the territory's statistics take? Prints figures.

Runs against the configured database (after `make demo`); the extra results it writes are rolled
back at the end. Usage: `python bench/diagnostic_stats.py --results 1000 10000 50000`.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import time


class Rollback(Exception):
    pass


def timed(function, repeat: int = 5) -> float:
    """Median wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", type=int, nargs="+", default=[1000, 10000, 50000])
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tremplin.settings")
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from tremplin.diagnostic import stats
    from tremplin.diagnostic.demo import demo_answers
    from tremplin.diagnostic.models import Diagnostic, DimensionScore
    from tremplin.diagnostic.scoring import score
    from tremplin.diagnostic.selectors import version_current

    version = version_current()
    questionnaire = version.questionnaire
    rng = random.Random(1)
    answers = [demo_answers(questionnaire, "commerce", rng.random(), rng) for _ in range(1000)]
    start = time.perf_counter()
    for item in answers:
        score(questionnaire, item, "commerce")
    per_score = (time.perf_counter() - start) * 1000 / len(answers)
    print(f"database: {connection.vendor}")
    print(f"scoring one diagnostic (27 answers): {per_score:.3f} ms")

    sectors = [s.key for s in questionnaire.sectors]
    departments = ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"]
    written = Diagnostic.objects.completed().count()
    print(f"results already in the database: {written}")
    try:
        with transaction.atomic():
            for target in sorted(args.results):
                missing = target - Diagnostic.objects.completed().count()
                now = timezone.now()
                for offset in range(0, max(missing, 0), 2000):
                    batch = [
                        Diagnostic(
                            version=version,
                            token_hash=secrets.token_hex(32),
                            sector=rng.choice(sectors),
                            department_code=rng.choice(departments),
                            size_band=rng.choice(["0", "1-2", "3-5", "6-9"]),
                            status="completed",
                            completed_at=now - timezone.timedelta(days=rng.randint(0, 720)),
                            overall_score=rng.randint(0, 100),
                            level="avance",
                            sells_online=rng.choice(["no", "partly", "yes"]),
                        )
                        for _ in range(min(2000, missing - offset))
                    ]
                    Diagnostic.objects.bulk_create(batch)
                    DimensionScore.objects.bulk_create(
                        DimensionScore(diagnostic=d, dimension=k.key, score=rng.randint(0, 100))
                        for d in batch
                        for k in questionnaire.dimensions
                    )
                count = Diagnostic.objects.completed().count()
                tables = timed(lambda: stats.territory_tables(questionnaire), repeat=3)
                trend = timed(lambda: stats.trend_table(questionnaire), repeat=3)
                stats.territory_figures(questionnaire)  # fills the cache
                cached = timed(lambda: stats.territory_figures(questionnaire), repeat=3)
                print(
                    f"{count:>7} results: three tables {tables:8.1f} ms, "
                    f"monthly trend {trend:8.1f} ms, page figures from the cache {cached:6.1f} ms"
                )
            raise Rollback
    except Rollback:
        print("(extra results rolled back)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

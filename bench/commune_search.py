"""How fast is the commune lookup people type into? Prints p50/p95/p99 in milliseconds.

Runs against the configured database (after `make demo`: the demo's SQLite file), with the whole
geography of France loaded. Usage: `make bench-communes` or
`python bench/commune_search.py --repeat 20`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

QUERIES = [
    "st eti",
    "saint-étienne",
    "42000",
    "lyon",
    "69003",
    "mar",
    "st gen",
    "bourg",
    "annecy",
    "clermont",
    "75011",
    "ville",
    "le puy",
    "aix",
    "chamb",
    "saint",
    "13001",
    "privas",
    "vals",
    "Montbrison",
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tremplin.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from tremplin.core.models import Commune
    from tremplin.core.selectors import commune_search

    count = Commune.objects.count()
    if count < 30_000:
        print("Load the geography first: tremplin geo load", file=sys.stderr)
        return 2
    client = Client()
    timings: dict[str, list[float]] = {"selector": [], "htmx suggestions": []}
    for _ in range(args.repeat):
        for query in QUERIES:
            start = time.perf_counter()
            commune_search(query, limit=8)
            timings["selector"].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            client.get(
                "/communes/suggestions/",
                {"q": query},
                HTTP_HX_REQUEST="true",
                HTTP_HOST="127.0.0.1",
            )
            timings["htmx suggestions"].append((time.perf_counter() - start) * 1000)
    print(
        f"database: {connection.vendor}, {count} communes, {len(QUERIES)} queries x {args.repeat}"
    )
    for name, values in timings.items():
        print(
            f"{name:<18} p50 {statistics.median(values):6.2f} ms   "
            f"p95 {percentile(values, 0.95):6.2f} ms   p99 {percentile(values, 0.99):6.2f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Weight and rendering time of the learning pages, and reading time of every module.

Runs against the configured database after `tremplin demo` (or `tremplin learning import`).
Prints, for each published module: words, minutes at 150/165/180 words a minute, the page's own
HTML size (raw and gzip) and the median render time; then the slowest and heaviest.
Usage: `python bench/learning_pages.py --repeat 5`.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="renders per page (default 5)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tremplin.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from tremplin.learning.models import Module

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    modules = list(
        Module.objects.published()
        .filter(chapter__path__status="published")
        .select_related("chapter__path")
        .order_by("chapter__path__position", "chapter__position", "position")
    )
    if not modules:
        print("Aucun module publié : lancez d'abord `tremplin learning import`.", file=sys.stderr)
        return 1
    header = ("module", "mots", "150", "165", "180", "HTML", "gzip", "ms")
    print("{:<36} {:>5} {:>5} {:>5} {:>5} {:>7} {:>6} {:>6}".format(*header))
    rows = []
    for module in modules:
        url = module.get_absolute_url()
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        html = response.content
        row = (
            module.slug,
            module.words,
            len(html),
            len(gzip.compress(html)),
            statistics.median(timings),
        )
        rows.append(row)
        w = module.words
        print(
            f"{module.slug[:36]:<36} {w:>5} {w / 150:>5.2f} {w / 165:>5.2f} {w / 180:>5.2f} "
            f"{len(html):>7} {row[3]:>6} {row[4]:>6.1f}"
        )
    gz = [r[3] for r in rows]
    words = [r[1] for r in rows]
    print(
        f"\n{len(rows)} modules, {sum(words)} mots ({min(words)}–{max(words)} par leçon) ; "
        f"HTML gzip {min(gz)}–{max(gz)} octets (limite 51200) ; "
        f"rendu médian {statistics.median(r[4] for r in rows):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

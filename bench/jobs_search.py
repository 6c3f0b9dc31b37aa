"""Job offer search at scale: import speed, then search and results-page latency.

1. Generates ``--count`` offers (default 1,000,000) with the demo's vocabulary (real ROME job
   titles, made-up employers, sentences and skills, communes weighted by population) as one
   France Travail JSON file, and imports it through the France Travail importer into the
   configured database and search index, duplicate detection and indexing included, as
   ``tremplin import-offers`` does (the feed read by a second process, the new offers indexed
   by the import itself), with the task worker's drain loop running beside it. Prints
   offers/s, until the last offer is searchable.
2. Runs a fixed set of searches (1–3 words, common and rare words, typos, with and without
   filters, radius and sorts; facet counts always) and prints p50/p95/p99 in ms for the search
   call (``offer_search``) and for the whole results page (search + database + template,
   through Django's test client).
3. In the same run, the same queries on a bare tantivy index of the same documents (tantivy's
   own French analyzer, parsed query, the same filters, top 20 + exact count + the same facet
   counts in one aggregation): the reference.

Run it on a database of its own: ``make bench-jobs`` uses ``var/bench-jobs/``. It migrates and
loads the geography if needed, and refuses a database that already holds other offers.
Usage: ``python bench/jobs_search.py --count 25000``; ``--reuse`` searches an existing import.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from jobs_search_queries import searches

SOURCE = "bench-francetravail"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(name: str, values: list[float]) -> str:
    return (
        f"{name:<34} p50 {percentile(values, 0.5):7.2f}  p95 {percentile(values, 0.95):7.2f}  "
        f"p99 {percentile(values, 0.99):7.2f}  mean {statistics.mean(values):7.2f} ms"
    )


# --- 1. Generation and import ------------------------------------------------------------


def generate(path: Path, count: int, seed: int) -> float:
    from django.utils import timezone

    from tremplin.core.territory import current_territory
    from tremplin.jobs.generator import OfferGenerator, Places

    start = time.perf_counter()
    rng = random.Random(seed)
    generator = OfferGenerator(
        rng,
        Places.of_territory(current_territory().insee_codes),
        now=timezone.now(),
        prefix="BENCH",
    )
    with path.open("w", encoding="utf-8") as out:
        out.write('{"resultats": [\n')
        for number in range(1, count + 1):
            if number > 1:
                out.write(",\n")
            out.write(json.dumps(generator.offer(number), ensure_ascii=False))
        out.write("\n]}\n")
    return time.perf_counter() - start


def _drain_loop(stop_path: str) -> None:
    """A second process drains the change queue while the import runs (the task worker's job)."""
    import logging

    import django

    django.setup()
    from django.db import connections

    from tremplin.core.search import drain

    # "being written by another process" every 0.2 s while the import holds the writer.
    logging.getLogger("tremplin.core.search.queue").setLevel(logging.WARNING)

    connections.close_all()
    while True:
        applied = drain(["jobs.offer"])
        if not applied:
            if os.path.exists(stop_path):
                drain(["jobs.offer"])
                return
            time.sleep(0.2)


def import_offers(path: Path) -> dict:
    """Import the feed as ``tremplin import-offers`` does: the import reads the feed in a
    second process and indexes the offers it creates itself; meanwhile a third process runs
    the queue's drain loop, as the task worker does in production (it leaves the offers'
    index to the import, which holds its writer, and drains what else is queued)."""
    from django.db import connections

    from tremplin.core.models import SearchChange
    from tremplin.core.search import drain
    from tremplin.jobs.importing.run import offers_import

    stop = Path(tempfile.mkdtemp()) / "stop"
    connections.close_all()
    drainer = multiprocessing.get_context("fork").Process(target=_drain_loop, args=(str(stop),))
    drainer.start()
    start = time.perf_counter()
    with path.open("rb") as stream:
        run = offers_import(stream=stream, format="francetravail", source_name=SOURCE)
    imported = time.perf_counter() - start
    stop.touch()
    drainer.join()
    drain(["jobs.offer"])
    total = time.perf_counter() - start
    shutil.rmtree(stop.parent, ignore_errors=True)
    assert not SearchChange.objects.filter(doc_type="jobs.offer").exists()
    return {"run": run, "import_s": imported, "total_s": total}


# --- 2. Search call and whole page -------------------------------------------------------


def measure(queries: list[dict], repeat: int) -> dict[str, list[float]]:
    from django.http import QueryDict
    from django.test import Client

    from tremplin.jobs.forms import OfferSearchForm
    from tremplin.jobs.search.engine import offer_search

    client = Client(HTTP_HOST="127.0.0.1")
    timings: dict[str, list[float]] = {"search": [], "page": [], "page (htmx)": []}
    params = []
    for query in queries:
        data = QueryDict(mutable=True)
        for key, value in query.items():
            if not key.startswith("_"):
                data[key] = value
        params.append((data, OfferSearchForm(data).params()))
    for data, search in params[:20]:  # warm up: caches, first readers
        offer_search(search)
        client.get("/emplois/", data)
    for _ in range(repeat):
        for data, search in params:
            start = time.perf_counter()
            offer_search(search)
            timings["search"].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            response = client.get("/emplois/", data)
            timings["page"].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
            start = time.perf_counter()
            client.get("/emplois/", data, HTTP_HX_REQUEST="true")
            timings["page (htmx)"].append((time.perf_counter() - start) * 1000)
    return timings


# --- 3. The bare tantivy reference -------------------------------------------------------


FACETS = ["contract", "time", "remote", "domain", "department"]


def bare_index(directory: Path):
    """The same documents in a plain tantivy index with tantivy's own French analysis."""
    import tantivy

    from tremplin.core.search.analysis import html_to_text
    from tremplin.jobs.models import JobOffer

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", tokenizer_name="fr_bare")
    builder.add_text_field("all", tokenizer_name="fr_bare")
    for name in [*FACETS, "insee"]:
        builder.add_text_field(name, tokenizer_name="raw", fast=True)
    builder.add_date_field("published", indexed=True, fast=True)
    schema = builder.build()
    index = tantivy.Index(schema, path=str(directory))
    analyzer = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stopword("french"))
        .filter(tantivy.Filter.stemmer("french"))
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )
    index.register_tokenizer("fr_bare", analyzer)
    writer = index.writer(200_000_000, 2)
    rows = JobOffer.objects.live().values_list(
        "pk",
        "title",
        "job_title",
        "description",
        "employer__name",
        "commune__name",
        "contract_type",
        "working_time",
        "remote",
        "rome_code",
        "department__code",
        "commune__insee",
        "published_at",
    )
    for row in rows.iterator(5000):
        (
            pk,
            title,
            job,
            description,
            employer,
            commune,
            contract,
            time_,
            remote,
            rome,
            department,
            insee,
            published,
        ) = row
        doc = tantivy.Document()
        doc.add_integer("id", pk)
        doc.add_text("title", f"{title} {job}")
        doc.add_text(
            "all", " ".join((title, job, employer or "", commune or "", html_to_text(description)))
        )
        for name, value in (
            ("contract", contract),
            ("time", time_),
            ("remote", remote),
            ("domain", rome[:1]),
            ("department", department),
            ("insee", insee),
        ):
            if value:
                doc.add_text(name, value)
        doc.add_date("published", published)
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def measure_bare(index, queries: list[dict], repeat: int) -> list[float]:
    from tantivy import Occur, Order, Query

    from tremplin.jobs.search.engine import communes_around

    schema = index.schema
    searcher = index.searcher()
    fields = {
        "contrat": "contract",
        "temps": "time",
        "teletravail": "remote",
        "domaine": "domain",
        "departement": "department",
    }
    prepared = []
    for query in queries:
        parts = []
        if query.get("q"):
            parsed, _errors = index.parse_query_lenient(
                query["q"],
                ["title", "all"],
                field_boosts={"title": 3.0},
                conjunction_by_default=True,
            )
            parts.append(parsed)
        for key, field in fields.items():
            if key in query:
                parts.append(Query.term_query(schema, field, query[key]))
        if "commune" in query:
            codes = [c for c, _ in communes_around(query["commune"], int(query["rayon"]))]
            parts.append(Query.term_set_query(schema, "insee", codes or ["-"]))
        if not parts:
            parts.append(Query.all_query())
        combined = Query.boolean_query([(Occur.Must, p) for p in parts])
        offset = (int(query.get("page", 1)) - 1) * 20
        order = (
            {"order_by_field": "published", "order": Order.Desc}
            if (query.get("tri") in {"date", "distance"} or not query.get("q"))
            else {}
        )
        prepared.append((combined, offset, order))
    aggregation = {name: {"terms": {"field": name, "size": 200}} for name in FACETS}
    timings = []
    for combined, offset, order in prepared[:20]:
        searcher.search(combined, 20, count=True, offset=offset, **order)
    for _ in range(repeat):
        for combined, offset, order in prepared:
            start = time.perf_counter()
            searcher.search(combined, 20, count=True, offset=offset, **order)
            searcher.aggregate(combined, aggregation)
            timings.append((time.perf_counter() - start) * 1000)
    return timings


# --- Main ----------------------------------------------------------------------------------


def setup_database() -> int:
    from django.core.management import call_command

    from tremplin.core.models import Commune

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # the page renders assets
    if Commune.objects.count() < 30_000:
        print("Loading the geography of France (once)…", flush=True)
        call_command("geo", "load", verbosity=0)
    return Commune.objects.count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000, help="offers to generate")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the searches")
    parser.add_argument("--reuse", action="store_true", help="search the offers already there")
    parser.add_argument("--import-only", action="store_true", help="stop after the import")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tremplin.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from tremplin.jobs.models import JobListing, JobOffer

    communes = setup_database()
    others = JobListing.objects.exclude(source_name=SOURCE).exists()
    if others:
        print(
            "This database holds other offers: use a database of its own (make bench-jobs).",
            file=sys.stderr,
        )
        return 2
    print(
        f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']}), "
        f"{communes} communes, index {settings.SEARCH_INDEX_DIR}"
    )
    if not args.reuse:
        if JobOffer.objects.exists():
            print(
                "Offers from a previous run are there: use --reuse, or start from an empty "
                "database.",
                file=sys.stderr,
            )
            return 2
        work = Path(tempfile.mkdtemp(prefix="bench-jobs-"))
        feed = work / "offres.json"
        seconds = generate(feed, args.count, args.seed)
        size = feed.stat().st_size / 1e6
        print(
            f"generated {args.count} offers ({size:.0f} MB of France Travail JSON) "
            f"in {seconds:.1f} s"
        )
        result = import_offers(feed)
        run = result["run"]
        print(
            f"import: {run.read} read, {run.created} created, {run.merged} merged as "
            f"duplicates, {run.rejected} refused, {run.skipped} skipped"
        )
        print(
            f"import: {args.count / result['import_s']:.0f} offers/s into the database "
            f"({result['import_s']:.1f} s); {args.count / result['total_s']:.0f} offers/s "
            f"with duplicate detection and indexing done ({result['total_s']:.1f} s)"
        )
        shutil.rmtree(work, ignore_errors=True)
        if args.import_only:
            return 0
    live = JobOffer.objects.live().count()
    queries = searches(args.seed)
    print(f"searches: {len(queries)} distinct, {args.repeat} passes, on {live} live offers")
    timings = measure(queries, args.repeat)
    reference_dir = Path(tempfile.mkdtemp(prefix="bench-jobs-bare-"))
    start = time.perf_counter()
    index = bare_index(reference_dir)
    print(f"bare tantivy reference index built in {time.perf_counter() - start:.1f} s")
    bare = measure_bare(index, queries, args.repeat)
    shutil.rmtree(reference_dir, ignore_errors=True)
    print(summary("search call (offer_search)", timings["search"]))
    print(summary("whole results page", timings["page"]))
    print(summary("results page (htmx partial)", timings["page (htmx)"]))
    print(summary("bare tantivy (same queries)", bare))
    ratio = percentile(timings["search"], 0.95) / percentile(bare, 0.95)
    print(f"search call p95 / bare tantivy p95 = {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

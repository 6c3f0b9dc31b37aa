"""The documents the index holds for job and training offers, rebuilt from the database.

Every offer not expired is a document, whatever its moderation state (``status``): searches
keep the published ones; the duplicate detection sees them all (a second source must not bring
back an offer staff hid). ``load`` answers None for expired offers, which removes them.
"""

from __future__ import annotations

import zlib
from collections import defaultdict

from tremplin.core.search import DocType, Field, doc_type_register
from tremplin.core.search.analysis import Analysed, html_to_text, index_text

OFFER = "jobs.offer"
TRAINING = "jobs.training"

OFFER_FIELDS = (
    Field("title", "text"),
    Field("all", "text"),
    Field("contract", "keyword"),
    Field("time", "keyword"),
    Field("remote", "keyword"),
    Field("domain", "keyword"),
    Field("rome", "keyword"),
    Field("department", "keyword"),
    Field("insee", "keyword"),
    Field("published", "date"),
    Field("expires", "date"),
    Field("employer", "int"),
    Field("status", "keyword"),
    Field("sources", "keyword"),
    Field("dup", "key"),
)

TRAINING_FIELDS = (
    Field("title", "text"),
    Field("all", "text"),
    Field("mode", "keyword"),
    Field("funding", "keyword"),
    Field("domain", "keyword"),
    Field("rome", "keyword"),
    Field("certifying", "keyword"),
    Field("department", "keyword"),
    Field("insee", "keyword"),
    Field("published", "date"),
    Field("start", "date"),
    Field("expires", "date"),
    Field("employer", "int"),
    Field("status", "keyword"),
    Field("sources", "keyword"),
    Field("dup", "key"),
)


def _text_parts(
    title: str,
    job_title: str,
    label: str,
    commune: str | None,
    department_name: str | None,
    description: str,
) -> tuple[str, str, str]:
    """An offer's title text, and its ``all`` text before and after the employer's name:
    the one composition of both texts, whoever analyses them."""
    return (
        f"{title} {job_title}",
        f"{title} {job_title} {label}",
        f"{commune or ''} {department_name or ''} {html_to_text(description)}",
    )


def offer_texts(
    fields: dict, label: str, commune: str | None, department_name: str | None
) -> tuple[str, str, str]:
    """An offer's analysed title, and its analysed ``all`` text before and after the
    employer's name (the one part an import learns only when writing): what
    :func:`offer_document` builds, analysed where the import reads the feed.

    Plain strings, not :class:`Analysed`: they cross a pipe, where a ``str`` subclass costs
    ten times a ``str`` to pickle; :func:`offer_document` marks them."""
    parts = _text_parts(
        fields["title"], fields["job_title"], label, commune, department_name, fields["description"]
    )
    return tuple(index_text(part) for part in parts)


def rome_labels(codes) -> dict[str, str]:
    from tremplin.jobs.models import RomeCode

    codes = {c for c in codes if c}
    if not codes:
        return {}
    return dict(RomeCode.objects.filter(code__in=codes).values_list("code", "label"))


def _current(model):
    """Offers not expired, whatever their moderation state."""
    from django.db.models import Q
    from django.utils import timezone

    return model.objects.filter(expired_at__isnull=True).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
    )


def _sources(listing_model, fk: str, ids) -> dict[int, list[str]]:
    found = defaultdict(list)
    for offer_id, name in listing_model.objects.filter(**{f"{fk}__in": ids}).values_list(
        fk, "source_name"
    ):
        found[offer_id].append(name)
    return found


def _offer_ids():
    from tremplin.jobs.models import JobOffer

    yield from _current(JobOffer).order_by("pk").values_list("pk", flat=True).iterator(5000)


_OFFER_COLUMNS = (
    "o.id, o.title, o.job_title, o.description, o.contract_type, o.working_time, o.remote, "
    "o.rome_code, o.published_at, o.expires_at, o.employer_id, e.name, c.insee, c.name, "
    "d.code, d.name, o.status, o.dedup_keys"
)


def _offer_rows(ids: list[int]) -> list[tuple]:
    """The offers' indexed values in one plain query per 2,000 ids.

    Draining an import indexes a million offers: the ORM's query building and row dicts
    cost more than the query itself (measured: a third of the drain), so the columns are
    named here once. The conditions are those of :func:`_current`.
    """
    from django.db import connection
    from django.utils import timezone

    from tremplin.core.models import Commune, Department
    from tremplin.jobs.models import Employer, JobOffer

    quote = connection.ops.quote_name
    offers, employers, communes, departments = (
        quote(model._meta.db_table) for model in (JobOffer, Employer, Commune, Department)
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows: list[tuple] = []
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 2000):
            chunk = [int(pk) for pk in ids[start : start + 2000]]
            marks = ", ".join(["%s"] * len(chunk))
            # Table names come from the models; every value is a parameter.
            sql = (
                f"SELECT {_OFFER_COLUMNS} FROM {offers} o "  # noqa: S608
                f"LEFT JOIN {employers} e ON e.id = o.employer_id "
                f"LEFT JOIN {communes} c ON c.id = o.commune_id "
                f"LEFT JOIN {departments} d ON d.id = o.department_id "
                "WHERE o.expired_at IS NULL AND (o.expires_at IS NULL OR o.expires_at > %s) "
                f"AND o.id IN ({marks})"
            )
            cursor.execute(sql, [now, *chunk])
            rows.extend(cursor.fetchall())
    return rows


def load_offers(ids: list[int]) -> dict[int, dict | None]:
    from tremplin.core.sql import select_in
    from tremplin.jobs.models import JobListing

    rows = _offer_rows(ids)
    labels = rome_labels(row[7] for row in rows)
    sources: dict[int, list[str]] = defaultdict(list)
    for offer_id, name in select_in(
        JobListing, ["offer", "source_name"], "offer", [row[0] for row in rows]
    ):
        sources[offer_id].append(name)
    found: dict[int, dict | None] = dict.fromkeys(ids)
    for row in rows:
        found[row[0]] = offer_document(row, labels, sources.get(row[0], []))
    return found


def offer_document(
    row: tuple, labels: dict[str, str], sources: list[str], texts: tuple | None = None
) -> dict:
    """The document of one offer, from a row of :data:`_OFFER_COLUMNS` (read from the
    database, or assembled by an import that has just written it, which may bring the
    ``title`` and ``all`` texts already analysed, as plain strings: see
    :func:`offer_texts`)."""
    (
        pk,
        title,
        job_title,
        description,
        contract,
        working_time,
        remote,
        rome,
        published,
        expires,
        employer_id,
        employer,
        insee,
        commune,
        department,
        department_name,
        status,
        dedup_keys,
    ) = row
    if texts is None:
        title_text, before, after = _text_parts(
            title, job_title, labels.get(rome, ""), commune, department_name, description
        )
        texts = (title_text, f"{before} {employer or ''} {after}")
    else:
        texts = (Analysed(texts[0]), Analysed(texts[1]))
    return {
        "title": texts[0],
        "all": texts[1],
        "contract": contract,
        "time": working_time,
        "remote": remote,
        "domain": rome[:1],
        "rome": rome,
        "department": department,
        "insee": insee,
        "published": published,
        "expires": expires,
        # Offers without a known employer each count as their own employer.
        "employer": employer_id or -pk,
        "status": status,
        "sources": sources,
        "dup": dedup_keys.split(),
    }


def _training_ids():
    from tremplin.jobs.models import TrainingOffer

    yield from _current(TrainingOffer).order_by("pk").values_list("pk", flat=True)


def load_trainings(ids: list[int]) -> dict[int, dict | None]:
    from tremplin.jobs.models import TrainingListing, TrainingOffer, TrainingRome

    rows = list(
        _current(TrainingOffer)
        .filter(pk__in=ids)
        .values(
            "pk",
            "title",
            "organisation",
            "objectives",
            "content",
            "certification",
            "teaching_mode",
            "funding",
            "is_certifying",
            "start_date",
            "published_at",
            "expires_at",
            "commune__insee",
            "commune__name",
            "department__code",
            "department__name",
            "status",
            "dedup_keys",
        )
    )
    sources = _sources(TrainingListing, "training_id", [row["pk"] for row in rows])
    romes = defaultdict(list)
    for training_id, code in TrainingRome.objects.filter(
        training_id__in=[r["pk"] for r in rows]
    ).values_list("training_id", "rome_code"):
        romes[training_id].append(code)
    labels = rome_labels(code for codes in romes.values() for code in codes)
    found: dict[int, dict | None] = dict.fromkeys(ids)
    for row in rows:
        codes = sorted(romes.get(row["pk"], []))
        found[row["pk"]] = {
            "title": row["title"],
            "all": " ".join(
                [
                    row["title"],
                    row["organisation"],
                    row["certification"],
                    row["commune__name"] or "",
                    row["department__name"] or "",
                    html_to_text(row["objectives"]),
                    html_to_text(row["content"]),
                ]
                + [labels.get(code, "") for code in codes]
            ),
            "mode": row["teaching_mode"],
            "funding": list(row["funding"] or []),
            "domain": sorted({code[:1] for code in codes}),
            "rome": codes,
            "certifying": "1" if row["is_certifying"] else "0",
            "department": row["department__code"],
            "insee": row["commune__insee"],
            "published": row["published_at"],
            "start": row["start_date"],
            "expires": row["expires_at"],
            "employer": zlib.crc32(row["organisation"].lower().encode()) & 0x7FFFFFFF,
            "status": row["status"],
            "sources": sources.get(row["pk"], []),
            "dup": row["dedup_keys"].split(),
        }
    return found


def register() -> None:
    doc_type_register(DocType(OFFER, OFFER_FIELDS, load_offers, _offer_ids))
    doc_type_register(DocType(TRAINING, TRAINING_FIELDS, load_trainings, _training_ids))

"""The documents the index holds for job and training offers, rebuilt from the database.

Every offer not expired is a document, whatever its moderation state (``status``): searches
keep the published ones; the duplicate detection sees them all (a second source must not bring
back an offer staff hid). ``load`` answers None for expired offers, which removes them.
"""

from __future__ import annotations

import zlib
from collections import defaultdict

from tremplin.core.search import DocType, Field, doc_type_register
from tremplin.core.search.analysis import html_to_text

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
    Field("dup", "keyword"),
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
    Field("dup", "keyword"),
)


def _rome_labels(codes) -> dict[str, str]:
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


def load_offers(ids: list[int]) -> dict[int, dict | None]:
    from tremplin.jobs.models import JobListing, JobOffer

    rows = list(
        _current(JobOffer)
        .filter(pk__in=ids)
        .values(
            "pk",
            "title",
            "job_title",
            "description",
            "contract_type",
            "working_time",
            "remote",
            "rome_code",
            "published_at",
            "expires_at",
            "employer_id",
            "employer__name",
            "commune__insee",
            "commune__name",
            "department__code",
            "department__name",
            "status",
            "dedup_keys",
        )
    )
    labels = _rome_labels(row["rome_code"] for row in rows)
    sources = _sources(JobListing, "offer_id", [row["pk"] for row in rows])
    found: dict[int, dict | None] = dict.fromkeys(ids)
    for row in rows:
        rome = row["rome_code"]
        found[row["pk"]] = {
            "title": f"{row['title']} {row['job_title']}",
            "all": " ".join(
                (
                    row["title"],
                    row["job_title"],
                    labels.get(rome, ""),
                    row["employer__name"] or "",
                    row["commune__name"] or "",
                    row["department__name"] or "",
                    html_to_text(row["description"]),
                )
            ),
            "contract": row["contract_type"],
            "time": row["working_time"],
            "remote": row["remote"],
            "domain": rome[:1],
            "rome": rome,
            "department": row["department__code"],
            "insee": row["commune__insee"],
            "published": row["published_at"],
            "expires": row["expires_at"],
            # Offers without a known employer each count as their own employer.
            "employer": row["employer_id"] or -row["pk"],
            "status": row["status"],
            "sources": sources.get(row["pk"], []),
            "dup": row["dedup_keys"].split(),
        }
    return found


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
    labels = _rome_labels(code for codes in romes.values() for code in codes)
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

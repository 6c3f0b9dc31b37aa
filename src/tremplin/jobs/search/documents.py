"""The documents the index holds for job and training offers, rebuilt from the database.

Only live offers (published, not expired) are documents: ``load`` answers None for the others,
which removes them from the index.
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
)


def _rome_labels(codes) -> dict[str, str]:
    from tremplin.jobs.models import RomeCode

    codes = {c for c in codes if c}
    if not codes:
        return {}
    return dict(RomeCode.objects.filter(code__in=codes).values_list("code", "label"))


def _offer_ids():
    from tremplin.jobs.models import JobOffer

    yield from JobOffer.objects.live().order_by("pk").values_list("pk", flat=True).iterator(5000)


def load_offers(ids: list[int]) -> dict[int, dict | None]:
    from tremplin.jobs.models import JobOffer

    rows = list(
        JobOffer.objects.live()
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
        )
    )
    labels = _rome_labels(row["rome_code"] for row in rows)
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
        }
    return found


def _training_ids():
    from tremplin.jobs.models import TrainingOffer

    yield from TrainingOffer.objects.live().order_by("pk").values_list("pk", flat=True)


def load_trainings(ids: list[int]) -> dict[int, dict | None]:
    from tremplin.jobs.models import TrainingOffer, TrainingRome

    rows = list(
        TrainingOffer.objects.live()
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
        )
    )
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
        }
    return found


def register() -> None:
    doc_type_register(DocType(OFFER, OFFER_FIELDS, load_offers, _offer_ids))
    doc_type_register(DocType(TRAINING, TRAINING_FIELDS, load_trainings, _training_ids))

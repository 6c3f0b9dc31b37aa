"""What job offers and training offers are made of, for the batch writer."""

from __future__ import annotations

from django.utils import timezone

from tremplin.core.search.analysis import Analysed, index_text
from tremplin.jobs.models import (
    JobListing,
    JobOffer,
    RomeCode,
    Status,
    TrainingListing,
    TrainingOffer,
    TrainingRome,
    TrainingSession,
)
from tremplin.jobs.search.documents import OFFER, TRAINING, offer_document, offer_texts

from ..text import clean_html
from .writer import BatchWriter, Prepared


class JobWriter(BatchWriter):
    model = JobOffer
    listing_model = JobListing
    offer_field = "offer"
    doc_type = OFFER
    indexes_directly = True

    def __init__(self, **options) -> None:
        super().__init__(**options)
        # Read before the feed is (a child process reading it cannot query the database).
        self.labels = dict(RomeCode.objects.values_list("code", "label"))
        self._employer_texts: dict[int | None, str] = {None: ""}

    def add_index_texts(self, prepared: list[Prepared]) -> None:
        """Analyse the offers' texts for the index (see :func:`offer_texts`)."""
        communes, departments = self.places.commune_names, self.places.department_names
        for p in prepared:
            f = p.fields
            p.extra["texts"] = offer_texts(
                f,
                self.labels.get(f["rome_code"], ""),
                communes.get(f["commune_id"], (None, None))[1],
                departments.get(f["department_id"], (None, None))[1],
            )

    def documents_of(self, ids: list[int], fresh: list[Prepared]) -> dict[int, dict]:
        """The documents :func:`~tremplin.jobs.search.documents.load_offers` would build,
        from what was just written and the names the resolvers know."""
        communes, departments = self.places.commune_names, self.places.department_names
        employers = self.employers.names
        sources = [self.source_name]
        documents = {}
        self.add_index_texts([p for p in fresh if "texts" not in p.extra])
        for pk, p in zip(ids, fresh, strict=True):
            f = p.fields
            title_text, before, after = p.extra["texts"]
            employer_id = f["employer_id"]
            employer_text = self._employer_texts.get(employer_id)
            if employer_text is None:
                employer_text = self._employer_texts[employer_id] = index_text(
                    employers.get(employer_id) or ""
                )
            insee, commune = communes.get(f["commune_id"], (None, None))
            department, department_name = departments.get(f["department_id"], (None, None))
            row = (
                pk,
                f["title"],
                f["job_title"],
                f["description"],
                f["contract_type"],
                f["working_time"],
                f["remote"],
                f["rome_code"],
                f["published_at"],
                f["expires_at"],
                employer_id,
                employers.get(employer_id),
                insee,
                commune,
                department,
                department_name,
                Status.PUBLISHED.value,
                f["dedup_keys"],
            )
            texts = (title_text, Analysed.join((before, employer_text, after)))
            documents[pk] = offer_document(row, self.labels, sources, texts=texts)
        return documents

    def offer_fields(self, record, located) -> dict:
        return {
            "title": record.title,
            "description": clean_html(record.description),
            "commune_id": located.commune_id,
            "department_id": located.department_id,
            "latitude": located.latitude,
            "longitude": located.longitude,
            "location_label": record.place.label[:200],
            "contract_type": record.contract_type,
            "contract_label": record.contract_label,
            "working_time": record.working_time,
            "working_hours": record.working_hours,
            "salary_min": record.salary_min,
            "salary_max": record.salary_max,
            "salary_period": record.salary_period,
            "salary_label": record.salary_label,
            "rome_code": record.rome_code,
            "job_title": record.job_title,
            "experience_months": record.experience_months,
            "experience_label": record.experience_label,
            "remote": record.remote,
            "positions": record.positions,
            "published_at": record.published_at or self.now,
            "source_updated_at": record.updated_at,
            "expires_at": record.expires_at,
        }

    def candidate_rows(self, offer_ids):
        return (
            JobOffer.objects.filter(pk__in=offer_ids, expired_at__isnull=True)
            .values_list("pk", "title", "description", "employer__name", "dedup_keys")
            .iterator()
        )

    def enrich(self, pairs: list[tuple[int, Prepared]]) -> None:
        """A duplicate listing may know the employer or the salary the first one lacked."""
        missing = set(
            JobOffer.objects.filter(pk__in=[o for o, _ in pairs])
            .filter(employer__isnull=True)
            .values_list("pk", flat=True)
        )
        changed = []
        for offer_id, p in pairs:
            if offer_id in missing and p.fields.get("employer_id"):
                JobOffer.objects.filter(pk=offer_id).update(employer_id=p.fields["employer_id"])
                changed.append(offer_id)
        if changed:
            from tremplin.core.search import search_change_record

            search_change_record(self.doc_type, changed)


class TrainingWriter(BatchWriter):
    model = TrainingOffer
    listing_model = TrainingListing
    offer_field = "training"
    doc_type = TRAINING

    uses_employers = False  # the organisation is a name on the training, not an Employer

    def employer_of(self, record) -> tuple[str, str, str]:
        return self.employers.key(record.organisation, record.organisation_siret)

    def text_of(self, fields: dict) -> tuple[str, str]:
        return fields["title"], fields.get("objectives", "") + fields.get("content", "")

    def extra_of(self, record) -> dict:
        return {
            "rome": tuple(sorted(set(record.rome_codes))),
            "sessions": tuple((s.source_id, s.start, s.end) for s in record.sessions),
        }

    def offer_fields(self, record, located) -> dict:
        upcoming = sorted(
            (s for s in record.sessions if not s.end or s.end >= timezone.localdate()),
            key=lambda s: (s.start is None, s.start),
        )
        first = upcoming[0] if upcoming else None
        return {
            "title": record.title,
            "organisation": record.organisation[:200],
            "organisation_siret": record.organisation_siret[:14],
            "organisation_url": record.organisation_url[:500],
            "objectives": clean_html(record.objectives),
            "content": clean_html(record.content),
            "expected_results": clean_html(record.expected_results),
            "commune_id": located.commune_id,
            "department_id": located.department_id,
            "latitude": located.latitude,
            "longitude": located.longitude,
            "location_label": record.place.label[:200],
            "teaching_mode": record.teaching_mode,
            "start_date": first.start if first else None,
            "end_date": first.end if first else None,
            "duration_hours": record.duration_hours,
            "duration_label": record.duration_label,
            "funding": sorted(set(record.funding)),
            "certification": record.certification,
            "certification_code": record.certification_code,
            "is_certifying": record.is_certifying,
            "rhythm": record.rhythm,
            "registration_url": record.registration_url,
            "published_at": record.published_at or self.now,
            "source_updated_at": record.updated_at,
            "expires_at": record.expires_at,
        }

    def candidate_rows(self, offer_ids):
        for pk, title, objectives, content, organisation, keys in TrainingOffer.objects.filter(
            pk__in=offer_ids, expired_at__isnull=True
        ).values_list("pk", "title", "objectives", "content", "organisation", "dedup_keys"):
            yield pk, title, objectives + content, organisation, keys

    def after_write(self, offers: dict[int, Prepared]) -> None:
        ids = list(offers)
        TrainingRome.objects.filter(training_id__in=ids).delete()
        TrainingSession.objects.filter(training_id__in=ids).delete()
        TrainingRome.objects.bulk_create(
            [
                TrainingRome(training_id=pk, rome_code=code)
                for pk, p in offers.items()
                for code in p.extra["rome"]
            ]
        )
        TrainingSession.objects.bulk_create(
            [
                TrainingSession(training_id=pk, source_id=sid[:200], start_date=start, end_date=end)
                for pk, p in offers.items()
                for sid, start, end in p.extra["sessions"]
            ]
        )

"""The demo's jobs: deterministic, idempotent, with duplicates to show."""

from __future__ import annotations

from tremplin.core.demo_loaders import DemoContext, demo_run
from tremplin.core.territory import current_territory
from tremplin.jobs import demo
from tremplin.jobs.models import JobListing, JobOffer, TrainingOffer


def _run(capture, seed=7):
    """Each loader commits before the next (as ``tremplin demo`` does): its index follows."""
    context = DemoContext(seed=seed, territory=current_territory(), out=lambda text: None)
    summary = {}
    for name in ("jobs.offers", "jobs.partner", "jobs.trainings"):
        with capture(execute=True):
            summary.update(demo_run(context, only={name}))
    return summary


def test_demo_offers(communes, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(demo, "JOB_OFFERS", 250)
    summary = _run(django_capture_on_commit_callbacks)
    assert JobOffer.objects.count() == 250
    assert JobListing.objects.filter(source_name="demo-partenaire").count() == 10
    assert "10 reconnues comme doublons" in summary["jobs.partner"]
    assert TrainingOffer.objects.count() >= 26
    first = list(JobOffer.objects.order_by("pk").values_list("title", "commune__insee")[:20])
    again = _run(django_capture_on_commit_callbacks)
    assert "250 inchangées" in again["jobs.offers"]
    assert JobOffer.objects.count() == 250
    assert (
        list(JobOffer.objects.order_by("pk").values_list("title", "commune__insee")[:20]) == first
    )
    big = JobOffer.objects.filter(employer__name="Intérim Plus Services").count()
    assert 5 <= big <= 60  # a few big employers publish many offers

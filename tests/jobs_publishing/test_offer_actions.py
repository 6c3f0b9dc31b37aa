"""The offer page's action area and the search page's actions (rendered as the pages do)."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from tremplin.jobs.publishing.services import application_submit

pytestmark = pytest.mark.django_db


def render(template, user, **context):
    request = RequestFactory().get("/emplois/?q=vendeur&commune=42218&rayon=20&page=2")
    request.user = user
    return render_to_string(template, {"request": request, **context})


def test_tremplin_offer_offers_to_apply_here(offer, job_seeker):
    html = render("jobs/includes/offer_actions.html", job_seeker, offer=offer)
    assert f"/emplois/postuler/{offer.pk}/" in html
    assert f"/emplois/signaler/{offer.pk}/" in html
    assert "Recevoir les offres semblables" in html and "commune=42218" in html


def test_external_offer_links_to_its_original_page(external_offer, job_seeker):
    html = render("jobs/includes/offer_actions.html", job_seeker, offer=external_offer)
    assert "https://candidat.exemple.fr/offre/" in html
    assert "/emplois/postuler/" not in html


def test_after_applying_the_state_shows(offer, job_seeker):
    application_submit(candidate=job_seeker, offer=offer, message="Bonjour")
    html = render("jobs/includes/offer_actions.html", job_seeker, offer=offer)
    assert "Vous avez postulé le" in html and "Reçue" in html


def test_expired_offer_has_no_action(offer):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import timezone

    offer.expired_at = timezone.now()
    offer.save()
    html = render("jobs/includes/offer_actions.html", AnonymousUser(), offer=offer)
    assert "Postuler" not in html and "Signaler" not in html


def test_search_actions_keep_the_criteria(job_seeker, saint_etienne):
    from django.template import Context, Template

    request = RequestFactory().get("/emplois/?q=vendeur&commune=42218&rayon=20&page=2&tri=date")
    request.user = job_seeker
    html = Template("{% load jobs_publishing %}{% search_actions %}|{% search_feed_url %}").render(
        Context({"request": request})
    )
    assert "/emplois/alertes/creer/?commune=42218&amp;q=vendeur&amp;rayon=20" in html
    assert "/emplois/flux.atom?commune=42218&amp;q=vendeur&amp;rayon=20" in html
    assert "page=2" not in html

"""French by default, English when chosen; the English catalogue is complete."""

from __future__ import annotations

import pytest

from tremplin.core.i18n_compile import catalogues, untranslated


def test_english_catalogue_is_complete():
    paths = catalogues()
    assert paths, "no catalogue found"
    for path in paths:
        assert untranslated(path) == [], path


@pytest.mark.django_db
def test_french_by_default_even_with_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert '<html lang="fr">' in response.content.decode()
    assert "Ce que vous pouvez faire ici" in response.content.decode()


@pytest.mark.django_db
def test_english_once_chosen(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "What you can do here" in page
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert "Ce que vous pouvez faire ici" in client.get("/").content.decode()

"""Security headers, a strict CSP, no third-party asset, deploy checks."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

PAGES = [
    "/",
    "/compte/login/",
    "/compte/signup/",
    "/communes/?q=lyon",
    "/donnees-personnelles/",
    "/mentions-legales/",
    "/accessibilite/",
    "/plan-du-site/",
    "/code-source/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_pages_have_a_strict_csp_and_security_headers(client, communes, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_pages_load_nothing_from_elsewhere_and_have_no_inline_script(client, communes, url):
    html = client.get(url).content.decode()
    assets = re.findall(
        r"<(?:script|link|img|iframe|source|video|audio|embed)\b[^>]*\b(?:src|href)=\"([^\"]+)\"",
        html,
    )
    assert assets, "the page loads its own assets"
    assert [url for url in assets if re.match(r"^(https?:)?//", url)] == []
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    assert " style=" not in html and " onclick=" not in html


def test_deploy_checks_pass_with_production_settings():
    drop = {"HTTPS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the browser tests set the last one
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        DJANGO_SETTINGS_MODULE="tremplin.settings",
        DEBUG="false",
        SECRET_KEY="a-long-random-production-secret-" + "k" * 40,
        ALLOWED_HOSTS="tremplin.exemple.fr",
        EMAIL_URL="smtp://relais.exemple.fr:25",
        TREMPLIN_TERRITORY="region:84",
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout

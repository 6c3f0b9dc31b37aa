"""The territory brands the site; colours that cannot be read are refused."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from tremplin.core.colors import contrast_ratio
from tremplin.core.models import SiteBranding
from tremplin.core.models.branding import validate_readable_on_white
from tremplin.core.selectors import branding_get
from tremplin.core.services import branding_set_logo


def test_contrast_ratio_matches_wcag_examples():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("color", ["#1d4f91", "#000000", "#8a3b12"])
def test_readable_colours_are_accepted(color):
    validate_readable_on_white(color)


@pytest.mark.parametrize(
    ("color", "code"),
    [("#ffcc00", "contrast"), ("#88aaff", "contrast"), ("rouge", "format"), ("#12345", "format")],
)
def test_unreadable_or_malformed_colours_are_refused(color, code):
    with pytest.raises(ValidationError) as error:
        validate_readable_on_white(color)
    assert error.value.code == code


@pytest.mark.django_db
def test_admin_refuses_a_pale_colour_and_keeps_the_old_one(client, staff):
    from tests.helpers import totp_code  # noqa: F401 - second factor is forced by force_login

    client.force_login(staff)
    branding = branding_get()
    data = {
        f: getattr(branding, f) or ""
        for f in [
            "name",
            "territory_name",
            "tagline",
            "primary_color",
            "secondary_color",
            "publisher_name",
            "publisher_address",
            "publication_director",
            "host_name",
            "host_address",
            "contact_email",
            "dpo_email",
            "accessibility_status",
        ]
    }
    data.update(primary_color="#ffee88", accessibility_audit_date="")
    response = client.post(f"/admin/core/sitebranding/{branding.pk}/change/", data)
    assert response.status_code == 200
    assert "pas assez contrastée" in response.content.decode()
    assert SiteBranding.objects.get().primary_color == "#1d4f91"


@pytest.mark.django_db
def test_theme_stylesheet_carries_the_colours(client):
    branding = branding_get()
    SiteBranding.objects.filter(pk=branding.pk).update(primary_color="#005f4b")
    response = client.get("/theme.css")
    assert response["Content-Type"].startswith("text/css")
    assert "--primary: #005f4b;" in response.content.decode()


def _png(size=(800, 400)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1d4f91").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_logo_is_reencoded_and_served_by_the_platform(client):
    branding = branding_set_logo(branding=branding_get(), data=_png())
    response = client.get(f"/logo-{branding.logo_version}.png")
    assert response.status_code == 200
    with Image.open(io.BytesIO(response.content)) as image:
        assert image.format == "PNG" and max(image.size) == 512
    assert "immutable" in response["Cache-Control"]
    assert client.get("/logo-000000000000.png").status_code == 404


@pytest.mark.django_db
def test_a_logo_that_is_not_an_image_is_refused():
    with pytest.raises(ValidationError, match="image"):
        branding_set_logo(branding=branding_get(), data=b"<svg onload='alert(1)'/>")
    assert not branding_get().logo_version

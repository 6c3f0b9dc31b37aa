"""Certificates (attestations) of completed paths, with a code anyone can check online."""

from __future__ import annotations

import base64
import io
import re
import secrets
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path as FsPath

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from tremplin.core.errors import DomainError
from tremplin.core.pdf import PdfUnavailable, weasyprint  # noqa: F401 - PdfUnavailable re-exported
from tremplin.learning.models import Certificate, Path

# No letters that read like digits (I, L, O, U) nor 0/1: codes are typed from paper.
ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
CODE = re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")
FONTS = FsPath(__file__).resolve().parents[2] / "core" / "static" / "core" / "fonts"


def code_new() -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(3))


def code_normalize(text: str) -> str:
    raw = re.sub(r"[^A-Z0-9]", "", (text or "").upper())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@transaction.atomic
def certificate_issue(*, user, path: Path, full_name: str) -> Certificate:
    """Deliver the certificate once every published module of the path is completed."""
    from tremplin.learning.selectors import path_outline

    name = " ".join((full_name or "").split())
    if not name:
        raise DomainError(_("Indiquez le nom à inscrire sur l'attestation."), code="name")
    if len(name) > 200:
        raise DomainError(_("Ce nom est trop long (200 caractères au plus)."), code="name")
    existing = Certificate.objects.filter(user=user, path=path).first()
    if existing is not None:
        return existing
    outline = path_outline(path=path, user=user)
    if not outline.completed:
        raise DomainError(
            _("Terminez d'abord tous les modules du parcours (%(done)s sur %(total)s pour "
              "l'instant).") % {"done": outline.done, "total": outline.total},
            code="incomplete",
        )  # fmt: skip
    hours = (Decimal(outline.minutes_total) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    user=user,
                    path=path,
                    code=code_new(),
                    full_name=name,
                    path_title=path.title,
                    hours=hours,
                )
        except IntegrityError:
            existing = Certificate.objects.filter(user=user, path=path).first()
            if existing is not None:  # the same person asking twice at once
                return existing
    raise DomainError(_("Réessayez dans un instant."), code="retry")


def _qr_data_uri(url: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=1)
    out = io.BytesIO()
    image.save(out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


def certificate_pdf(certificate: Certificate, *, verify_url: str, territory: str) -> bytes:
    """Render the certificate as PDF with the platform's own font files.

    WeasyPrint is imported here, not at the top: a server without Pango still serves every
    other page, and only this download says it is unavailable.
    """
    HTML = weasyprint().HTML  # raises PdfUnavailable without Pango
    from weasyprint.text.fonts import FontConfiguration

    html = render_to_string(
        "learning/certificate_pdf.html",
        {
            "certificate": certificate,
            "verify_url": verify_url,
            "territory": territory,
            "qr": _qr_data_uri(verify_url),
            "fonts": FONTS.as_uri(),
        },
    )
    fonts = FontConfiguration()
    return HTML(string=html, base_url=str(FONTS)).write_pdf(font_config=fonts)

"""Writes of the shared kernel: the territory's identity and anonymous statistics."""

from __future__ import annotations

import hashlib
import io
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from tremplin.core.models import DailyStat, SiteBranding

LOGO_MAX_BYTES = 512 * 1024
LOGO_MAX_SIDE = 512


@transaction.atomic
def branding_ensure(*, territory_name: str = "") -> SiteBranding:
    """The single identity row, created with the territory's name if missing."""
    branding = SiteBranding.objects.select_for_update().first()
    if branding is None:
        if not territory_name:
            from tremplin.core.territory import current_territory

            territory_name = current_territory().name
        branding = SiteBranding.objects.create(territory_name=territory_name)
    return branding


def logo_prepare(data: bytes) -> bytes:
    """Check an uploaded logo and re-encode it as a PNG of at most 512 px.

    Re-encoding strips anything an image file may smuggle (metadata, scripts in exotic
    formats); SVG is refused for the same reason.
    """
    if len(data) > LOGO_MAX_BYTES * 4:
        raise ValidationError(_("Le logo est trop lourd (2 Mo au plus)."))
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in {"PNG", "JPEG", "WEBP"}:
                raise ValidationError(_("Le logo doit être une image PNG, JPEG ou WebP."))
            image.load()
            image.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
            out = io.BytesIO()
            image.convert("RGBA").save(out, format="PNG", optimize=True)
    except (UnidentifiedImageError, OSError) as exc:
        raise ValidationError(_("Ce fichier n'est pas une image lisible.")) from exc
    return out.getvalue()


@transaction.atomic
def branding_set_logo(*, branding: SiteBranding, data: bytes | None) -> SiteBranding:
    if data is None:
        branding.logo_png = None
        branding.logo_version = ""
    else:
        png = logo_prepare(data)
        branding.logo_png = png
        branding.logo_version = hashlib.sha256(png).hexdigest()[:12]
    branding.save(update_fields=["logo_png", "logo_version", "updated_at"])
    return branding


def stat_increment(
    metric: str, dimension: str = "", *, amount: int = 1, day: date | None = None
) -> None:
    """Add to an anonymous daily counter, safely under concurrent writers."""
    day = day or timezone.localdate()
    updated = DailyStat.objects.filter(date=day, metric=metric, dimension=dimension).update(
        value=F("value") + amount
    )
    if updated:
        return
    try:
        with transaction.atomic():
            DailyStat.objects.create(date=day, metric=metric, dimension=dimension, value=amount)
    except IntegrityError:
        DailyStat.objects.filter(date=day, metric=metric, dimension=dimension).update(
            value=F("value") + amount
        )


def database_statistics_refresh(models=None) -> None:
    """Tell PostgreSQL's planner what a bulk load just wrote (no-op on SQLite).

    Autovacuum analyses new rows only after they are committed and only after a while; until
    then the planner sees tables of the wrong size and can pick plans that rescan a table for
    every row (seen: seconds for a user's businesses right after the demo's bulk loads). Bulk
    loaders call this at the end, with the models they wrote (all tables when None). ANALYZE
    also sees the current transaction's own rows, so it helps inside a test's transaction too.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    tables = [connection.ops.quote_name(m._meta.db_table) for m in models or []]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(tables) if tables else "ANALYZE")

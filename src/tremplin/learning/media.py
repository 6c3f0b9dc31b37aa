"""Checks on uploaded media: a video must really be MP4 or WebM, captions really WebVTT.

We sniff the file's first bytes with ``filetype`` (never trust the name or the browser's
declared type) and parse captions with ``webvtt-py``.
"""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import filetype
import webvtt
from django.utils.translation import gettext as _

from tremplin.core.errors import DomainError
from tremplin.learning import conf

VIDEO_TYPES = {"video/mp4": "mp4", "video/webm": "webm", "video/x-m4v": "mp4"}


def _head(upload, size: int = 8192) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def video_check(upload) -> str:
    """The file's real extension (mp4 or webm); DomainError when it is not such a video."""
    if upload.size is not None and upload.size > conf.VIDEO_MAX_BYTES:
        raise DomainError(
            _("Cette vidéo est trop lourde (%(max)s Go au plus).")
            % {"max": conf.VIDEO_MAX_BYTES // 1024**3},
            code="video_size",
        )
    kind = filetype.guess(_head(upload))
    if kind is None or kind.mime not in VIDEO_TYPES:
        found = kind.mime if kind else _("inconnu")
        raise DomainError(
            _(
                "« %(name)s » n'est pas une vidéo MP4 ou WebM (contenu reconnu : %(found)s). "
                "Exportez la vidéo au format MP4 (H.264) ou WebM depuis votre logiciel de montage."
            )
            % {"name": getattr(upload, "name", "") or _("le fichier"), "found": found},
            code="not_video",
        )
    return VIDEO_TYPES[kind.mime]


def captions_check(upload) -> int:
    """The number of cues; DomainError when the file is not valid WebVTT."""
    name = getattr(upload, "name", "") or _("le fichier")
    if upload.size is not None and upload.size > conf.CAPTIONS_MAX_BYTES:
        raise DomainError(_("Ce fichier de sous-titres est trop lourd."), code="captions_size")
    upload.seek(0)
    raw = upload.read()
    upload.seek(0)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DomainError(
            _(
                "« %(name)s » n'est pas un fichier texte UTF-8 : ce n'est pas un sous-titrage "
                "WebVTT."
            )
            % {"name": name},
            code="not_vtt",
        ) from exc
    try:
        captions = webvtt.from_buffer(io.StringIO(text))
        cues = len(captions.captions)
    except Exception as exc:  # webvtt-py raises several types (MalformedFileError, ValueError…)
        raise DomainError(
            _(
                "« %(name)s » n'est pas un sous-titrage WebVTT valide : le fichier doit commencer "
                "par « WEBVTT » et contenir des répliques datées (00:00:01.000 --> 00:00:04.000)."
            )
            % {"name": name},
            code="not_vtt",
        ) from exc
    if not cues:
        raise DomainError(
            _("« %(name)s » ne contient aucune réplique de sous-titre.") % {"name": name},
            code="empty_vtt",
        )
    return cues


def embed_check(url: str) -> str:
    """An embed must come from a host the territory allows (settings.VIDEO_HOSTS, also in CSP)."""
    parts = urlsplit(url or "")
    origin = f"{parts.scheme}://{parts.netloc}"
    allowed = {f"{urlsplit(h).scheme}://{urlsplit(h).netloc}" for h in conf.video_hosts()}
    if parts.scheme != "https" or origin not in allowed:
        hosts = ", ".join(sorted(allowed)) or _("aucun (réglage VIDEO_HOSTS vide)")
        raise DomainError(
            _(
                "Les vidéos intégrées doivent venir d'un hébergeur autorisé par le territoire, en "
                "https. Hébergeurs autorisés : %(hosts)s."
            )
            % {"hosts": hosts},
            code="embed_host",
        )
    return url

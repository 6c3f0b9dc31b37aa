"""CVs: checked to be real PDFs, stored outside the public media, handed out after a check.

Why a hand-written structural check rather than a PDF library: the platform never renders or
rewrites a CV, it only has to refuse what is not a PDF (a renamed ZIP, an executable, a
truncated upload) and PDFs that carry active content. ``filetype`` (a maintained magic-bytes
library) names what the file really is; the few lines below then check the skeleton every PDF
has (header, cross-reference offset, end marker). A full parser would add a dependency and a
large attack surface for no benefit to the person reading the CV.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.jobs.publishing import conf

HEAD_BYTES = 1024
TAIL_BYTES = 2048
_VERSION = re.compile(rb"^%PDF-(1\.[0-7]|2\.0)")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF", re.DOTALL)
_XREF_AT = re.compile(rb"\s*(xref|\d+\s+\d+\s+obj)")
# Active content a CV never needs: scripts, launching programs, files hidden inside.
_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia)\b")


def _damaged() -> str:
    return _("Ce PDF est incomplet ou abîmé. Enregistrez-le de nouveau et réessayez.")


class CVRejected(ValueError):
    """The file is not an acceptable CV; ``str(exc)`` is the French message for the person."""


@dataclass(frozen=True)
class CheckedPDF:
    size: int
    version: str


def _size(size: int) -> str:
    return filesizeformat(size).replace("\xa0", " ")


def pdf_check(upload) -> CheckedPDF:
    """Refuse anything but a plausible, size-limited PDF without active content.

    ``upload`` is a Django ``UploadedFile`` (or any file object with ``size``).
    """
    limit = conf.value("JOBS_CV_MAX_BYTES")
    size = upload.size
    if size > limit:
        raise CVRejected(
            _("Le fichier pèse %(size)s : un CV doit faire %(limit)s au plus.")
            % {"size": _size(size), "limit": _size(limit)}
        )
    if size == 0:
        raise CVRejected(_("Le fichier est vide."))
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    kind = filetype.guess(data[:HEAD_BYTES])
    if kind is None or kind.mime != "application/pdf":
        if kind is not None:
            raise CVRejected(
                _(
                    "Ce fichier n'est pas un PDF : c'est un fichier %(kind)s. Enregistrez votre "
                    "CV au format PDF (menu « Enregistrer sous » ou « Exporter ») puis réessayez."
                )
                % {"kind": kind.extension.upper()}
            )
        raise CVRejected(
            _(
                "Ce fichier n'est pas un PDF. Enregistrez votre CV au format PDF (menu "
                "« Enregistrer sous » ou « Exporter ») puis réessayez."
            )
        )
    version = _VERSION.match(data)
    xref = _STARTXREF.search(data[-TAIL_BYTES:])
    if version is None or xref is None:
        raise CVRejected(_damaged())
    offset = int(xref.group(1))
    if offset >= size or not _XREF_AT.match(data, offset):
        raise CVRejected(_damaged())
    if _ACTIVE.search(data):
        raise CVRejected(
            _(
                "Ce PDF contient des éléments actifs (script, pièce jointe ou lancement de "
                "programme) : enregistrez votre CV en PDF simple et réessayez."
            )
        )
    return CheckedPDF(size=size, version=version.group(1).decode())


class ProtectedStorage(FileSystemStorage):
    """Files under PROTECTED_MEDIA_ROOT, with no public URL at all.

    The location is read from the settings at each access (not frozen when models load), so a
    test or a deployment can move it.
    """

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self):  # type: ignore[override]
        return str(settings.PROTECTED_MEDIA_ROOT)

    @property
    def location(self):  # type: ignore[override]
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("protected files have no public URL")


def protected_storage() -> ProtectedStorage:
    return ProtectedStorage()


def cv_upload_to(instance, filename: str) -> str:
    """A random name: the person's file name says nothing to someone browsing the disk."""
    return f"cv/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


class SizeLimitUploadHandler(FileUploadHandler):
    """Stop storing an upload as soon as it passes the CV limit.

    A 50 MB "PDF" is then never written to disk: its chunks are dropped as they arrive and the
    view finds the field name in ``request.oversized_uploads`` to say why.
    """

    def __init__(self, request=None) -> None:
        super().__init__(request)
        self.received = 0
        if request is not None and not hasattr(request, "oversized_uploads"):
            request.oversized_uploads = set()

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > conf.value("JOBS_CV_MAX_BYTES"):
            self.request.oversized_uploads.add(self.field_name)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def limit_uploads(request) -> None:
    """Put the size limit first among the request's upload handlers (before reading POST)."""
    request.upload_handlers.insert(0, SizeLimitUploadHandler(request))

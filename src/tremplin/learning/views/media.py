"""Videos and captions: the app checks who may see them, then nginx streams the bytes.

With ``settings.X_ACCEL_REDIRECT`` the response is an empty ``X-Accel-Redirect`` to nginx's
internal location over PROTECTED_MEDIA_ROOT (see docs/learning.md); nginx then answers range
requests itself. Without it (the demo, a small install) the app serves byte ranges itself:
Django's FileResponse has no Range support and WhiteNoise only serves public static files, so
this small, tested function does it (single ranges, which is what browsers ask for video).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import http_date
from django.views.decorators.http import require_http_methods

from tremplin.learning import conf
from tremplin.learning.models import Module

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 256 * 1024


def _content_type(kind: str, name: str) -> str:
    if kind == "captions":
        return "text/vtt; charset=utf-8"
    return "video/webm" if name.endswith(".webm") else "video/mp4"


def _chunks(handle, start: int, length: int):
    handle.seek(start)
    while length > 0:
        block = handle.read(min(CHUNK, length))
        if not block:
            break
        length -= len(block)
        yield block


def ranged_response(request, field, content_type: str):
    size = field.storage.size(field.name)
    header = request.headers.get("Range", "")
    match = RANGE.match(header.strip()) if header else None
    if not match or (not match.group(1) and not match.group(2)):
        response = FileResponse(field.storage.open(field.name, "rb"), content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        first, last = match.groups()
        if first:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        else:  # "bytes=-500": the last 500 bytes
            start, end = max(size - int(last), 0), size - 1
        if start >= size or start > end:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        length = end - start + 1
        handle = field.storage.open(field.name, "rb")
        response = StreamingHttpResponse(
            _chunks(handle, start, length), status=206, content_type=content_type
        )
        response._resource_closers.append(handle.close)  # closed with the response
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    return response


@require_http_methods(["GET", "HEAD"])
def module_media(request, pk: int, kind: str):
    if kind not in {"video", "captions"}:
        raise Http404
    module = get_object_or_404(Module.objects.select_related("chapter__path"), pk=pk)
    public = module.is_published and module.chapter.path.is_published
    if not public and not request.user.is_staff:
        raise Http404
    field = module.video if kind == "video" else module.captions
    if not field:
        raise Http404
    content_type = _content_type(kind, field.name)
    if settings.X_ACCEL_REDIRECT:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = conf.X_ACCEL_PREFIX + field.name
    else:
        try:
            response = ranged_response(request, field, content_type)
        except FileNotFoundError as exc:
            raise Http404 from exc
    response["Cache-Control"] = "public, max-age=86400" if public else "private, no-store"
    response["Last-Modified"] = http_date(module.updated_at.timestamp())
    response["X-Content-Type-Options"] = "nosniff"
    return response

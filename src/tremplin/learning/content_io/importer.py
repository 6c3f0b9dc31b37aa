"""``tremplin learning import``: Markdown files (a folder or an exported zip) into the database.

Once imported, the database is the truth. A module that staff changed since the last import is
kept as it is unless ``force``; a file with a problem is reported (file and reason) and nothing
of it is written, while the other files go in. Each module is written in its own transaction.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from django.db import transaction
from django.utils.translation import gettext as _

from tremplin.core.errors import DomainError
from tremplin.learning.content_io.fingerprints import (
    chapter_canonical,
    fingerprint,
    module_canonical,
    path_canonical,
)
from tremplin.learning.content_io.format import (
    ChapterData,
    ContentError,
    ModuleData,
    PathData,
    path_read,
)
from tremplin.learning.models import Chapter, Module, Path, Status
from tremplin.learning.services import content as services
from tremplin.learning.storage import protected_storage

ZIP_MAX_BYTES = 4 * 1024**3
SHIPPED = FsPath(__file__).resolve().parent.parent / "content"


@dataclass
class ImportReport:
    paths: list[str] = field(default_factory=list)
    chapters: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: list[str] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)

    def summary(self) -> str:
        return _(
            "%(paths)s parcours, %(chapters)s chapitres ; modules : %(created)s créés, "
            "%(updated)s mis à jour, %(unchanged)s inchangés, %(kept)s modifiés dans "
            "l'administration et conservés ; %(errors)s fichiers refusés."
        ) % {
            "paths": len(self.paths),
            "chapters": self.chapters,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "kept": len(self.kept),
            "errors": len(self.errors),
        }


def _sha_stored(name: str) -> str:
    import hashlib

    if not name:
        return ""
    digest = hashlib.sha256()
    with protected_storage().open(name, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def module_db_canonical(module: Module) -> dict:
    """The same canonical form as a file's, built from the database (see format.py)."""
    from tremplin.learning.content_io.fingerprints import quiz_canonical

    return {
        "title": module.title,
        "kind": module.kind,
        "objectives": list(module.objectives or []),
        "body": (module.body or "").strip(),
        "duration": module.duration_minutes if module.kind != Module.Kind.LESSON else None,
        "transcript": (module.transcript or "").strip(),
        "embed_url": module.embed_url,
        "video": _sha_stored(module.video.name),
        "captions": _sha_stored(module.captions.name),
        "quiz": quiz_canonical(services.quiz_data(module)),
    }


def _extract(archive: FsPath, target: FsPath) -> None:
    with zipfile.ZipFile(archive) as bundle:
        total = 0
        for member in bundle.infolist():
            parts = FsPath(member.filename).parts
            if member.filename.startswith("/") or ".." in parts:
                raise ContentError(archive.name, _("l'archive contient un chemin refusé."))
            total += member.file_size
        if total > ZIP_MAX_BYTES:
            raise ContentError(archive.name, _("l'archive est trop volumineuse."))
        bundle.extractall(target)  # members checked just above


def discover(source: FsPath) -> list[FsPath]:
    if (source / "_path.md").is_file():
        return [source]
    roots = sorted(p for p in source.iterdir() if p.is_dir() and (p / "_path.md").is_file())
    if not roots:
        raise ContentError(
            str(source), _("aucun parcours trouvé (il faut un dossier contenant « _path.md »).")
        )
    return roots


def content_import(
    source: FsPath | None = None,
    *,
    force: bool = False,
    publish: bool = True,
    progress: Callable[[int], object] | None = None,
) -> ImportReport:
    """Import one path, a folder of paths or an exported zip (default: the shipped paths)."""
    source = FsPath(source) if source else SHIPPED
    report = ImportReport()
    if not source.exists():
        raise ContentError(str(source), _("fichier ou dossier introuvable."))
    if source.is_file():
        if not zipfile.is_zipfile(source):
            raise ContentError(source.name, _("ce n'est ni un dossier ni une archive zip."))
        with tempfile.TemporaryDirectory(prefix="tremplin-import-") as tmp:
            _extract(source, FsPath(tmp))
            for root in discover(FsPath(tmp)):
                _import_path(root, root.name, force, publish, report, progress)
        return report
    for root in discover(source):
        _import_path(root, root.name, force, publish, report, progress)
    return report


def count_modules(source: FsPath | None = None) -> int:
    source = FsPath(source) if source else SHIPPED
    if source.is_file():
        with zipfile.ZipFile(source) as bundle:
            return sum(
                1
                for n in bundle.namelist()
                if n.endswith(".md") and not FsPath(n).name.startswith("_")
            )
    return sum(1 for f in source.rglob("*.md") if not f.name.startswith("_"))


def _import_path(root, label, force, publish, report, progress) -> None:
    try:
        data = path_read(root, label=label)
    except ContentError as error:
        report.errors.append(error)
        return
    report.errors.extend(data.errors)
    path = _write_path(data, force, report)
    for chapter_data in data.chapters:
        chapter = _write_chapter(path, chapter_data, force, report)
        for module_data in chapter_data.modules:
            _write_module(chapter, module_data, force, publish, report)
            if progress:
                progress(1)
    report.paths.append(path.slug)
    if publish and path.status == Status.DRAFT and not path.published_at:
        try:
            services.path_publish(path=path)
        except DomainError:
            report.drafts.append(data.source)


@transaction.atomic
def _write_path(data: PathData, force: bool, report: ImportReport) -> Path:
    wanted = path_canonical(data.title, data.summary, data.audience, data.intro)
    path = Path.objects.filter(slug=data.slug).first()
    if path is not None:
        current = fingerprint(path_canonical(path.title, path.summary, path.audience, path.intro))
        if current == fingerprint(wanted):
            return path
        if path.imported_hash and current != path.imported_hash and not force:
            report.kept.append(data.source)
            return path
    else:
        path = Path(slug=data.slug, position=Path.objects.count())
    path.title, path.summary, path.audience, path.intro = (
        data.title,
        data.summary,
        data.audience,
        data.intro,
    )
    path.imported_hash = fingerprint(wanted)
    path.save()
    return path


@transaction.atomic
def _write_chapter(path: Path, data: ChapterData, force: bool, report: ImportReport) -> Chapter:
    report.chapters += 1
    wanted = fingerprint(chapter_canonical(data.title, data.summary, data.intro))
    chapter = Chapter.objects.filter(path=path, slug=data.slug).first()
    if chapter is not None:
        current = fingerprint(chapter_canonical(chapter.title, chapter.summary, chapter.intro))
        if current == wanted:
            return chapter
        if chapter.imported_hash and current != chapter.imported_hash and not force:
            report.kept.append(data.source)
            return chapter
    else:
        chapter = Chapter(path=path, slug=data.slug, position=data.position)
    chapter.title, chapter.summary, chapter.intro = data.title, data.summary, data.intro
    chapter.imported_hash = wanted
    chapter.save()
    return chapter


def _write_module(chapter, data: ModuleData, force, publish, report) -> None:
    module = Module.objects.filter(slug=data.slug).select_related("chapter__path").first()
    if module is not None and module.chapter.path_id != chapter.path_id:
        report.errors.append(
            ContentError(
                data.source,
                _("l'identifiant « %(slug)s » est déjà utilisé dans le parcours « %(path)s ».")
                % {"slug": data.slug, "path": module.chapter.path.title},
            )
        )
        return
    wanted = fingerprint(module_canonical(data))
    if module is not None:
        current = fingerprint(module_db_canonical(module))
        if current == wanted:
            report.unchanged += 1
            if module.imported_hash != current:
                Module.objects.filter(pk=module.pk).update(imported_hash=current)
            return
        if module.imported_hash and current != module.imported_hash and not force:
            report.kept.append(data.source)
            return
    created = module is None
    try:
        with transaction.atomic():
            module = _module_fill(module or Module(), chapter, data)
            # A new module is published at once, except a video still waiting for captions.
            if publish and created and (module.kind != Module.Kind.VIDEO or module.captions):
                services.module_publish(module=module)
    except DomainError as error:
        report.errors.append(ContentError(data.source, error.message))
        return
    if created:
        report.created += 1
        if module.status == Status.DRAFT and publish:
            report.drafts.append(data.source)
    else:
        report.updated += 1


def _module_fill(module: Module, chapter: Chapter, data: ModuleData) -> Module:
    module.chapter = chapter
    module.slug = data.slug
    module.position = data.position
    module.title = data.title
    module.kind = data.kind
    module.objectives = list(data.objectives)
    module.body = data.body
    module.transcript = data.transcript
    module.embed_url = data.embed_url
    if data.duration_minutes:
        module.duration_minutes = data.duration_minutes
    services.module_refresh_reading(module)
    module.save()
    if data.kind == Module.Kind.EMBED:
        services.module_set_embed(module=module, url=data.embed_url)
    if data.video or data.captions:
        with _open(data.video) as video, _open(data.captions) as captions:
            services.module_set_media(module=module, video=video, captions=captions)
    services.quiz_write(module=module, data=data.quiz)
    module.refresh_from_db()
    module.imported_hash = fingerprint(module_db_canonical(module))
    module.save(update_fields=["imported_hash"])
    return module


class _open:
    """Open a media file as a Django File, or give None when there is none."""

    def __init__(self, file: FsPath | None):
        self.file = file
        self.handle = None

    def __enter__(self):
        if self.file is None:
            return None
        from django.core.files import File

        self.handle = self.file.open("rb")
        return File(self.handle, name=self.file.name)

    def __exit__(self, *exc):
        if self.handle:
            self.handle.close()

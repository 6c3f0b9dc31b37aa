"""The embedded tantivy indexes: where they live, how readers follow writers, one writer.

Layout under ``settings.SEARCH_INDEX_DIR``, one folder per document type::

    jobs-offer/CURRENT      name of the generation readers use (replaced atomically)
    jobs-offer/g…/          a tantivy index (a rebuild writes a new generation, then swaps)
    jobs-offer/.lock        held by the one process writing this document type

Readers are cached per process and reload when the generation's ``meta.json`` changes (a
commit), so a page sees an indexed change as soon as it is committed.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

from ..memory import bulk_work
from .analysis import ANALYZER, Analysed, index_analyzer, index_text
from .registry import DocType, doc_type_get

log = logging.getLogger(__name__)

WRITER_HEAP = 96_000_000
_GENERATIONS_KEPT = 2


class SearchUnavailable(Exception):
    """The index cannot answer (being created, or built with other fields): rebuild it."""


def root_of(doc_type_name: str) -> Path:
    return Path(settings.SEARCH_INDEX_DIR) / doc_type_name.replace(".", "-")


_generations: dict[str, tuple[int, str | None]] = {}


def _current_generation(root: Path) -> str | None:
    """The generation readers use; the file is read again only when it changed (a rebuild)."""
    path = root / "CURRENT"
    try:
        stamp = os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None
    known = _generations.get(str(path))
    if known is not None and known[0] == stamp:
        return known[1]
    generation = path.read_text().strip() or None
    _generations[str(path)] = (stamp, generation)
    return generation


def _set_current(root: Path, generation: str) -> None:
    tmp = root / f"CURRENT.{os.getpid()}.tmp"
    tmp.write_text(generation)
    os.replace(tmp, root / "CURRENT")


def _new_generation_name() -> str:
    return "g" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")


def _open_tantivy(doc_type: DocType, path: Path, *, create: bool):
    import tantivy

    if create:
        path.mkdir(parents=True, exist_ok=True)
        (path / "FINGERPRINT").write_text(doc_type.fingerprint)
        index = tantivy.Index(doc_type.schema(), path=str(path))
    else:
        stored = (path / "FINGERPRINT").read_text().strip() if path.exists() else ""
        if stored != doc_type.fingerprint:
            raise SearchUnavailable(
                f"the index of {doc_type.name} was built with other fields: "
                "run `tremplin search rebuild`"
            )
        index = tantivy.Index.open(str(path))
    index.register_tokenizer(ANALYZER, index_analyzer())
    return index


@contextlib.contextmanager
def writer_lock(doc_type_name: str, *, blocking: bool):
    """Hold the write lock of a document type; yields False if another process holds it."""
    root = root_of(doc_type_name)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a+") as handle:
        flags = fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB)
        try:
            fcntl.flock(handle, flags)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_generation(doc_type: DocType) -> str:
    """The current generation, created empty on first use (under the write lock)."""
    root = root_of(doc_type.name)
    generation = _current_generation(root)
    if generation and (root / generation).exists():
        return generation
    with writer_lock(doc_type.name, blocking=True):
        return ensure_generation_locked(doc_type)


def ensure_generation_locked(doc_type: DocType) -> str:
    root = root_of(doc_type.name)
    generation = _current_generation(root)
    if generation and (root / generation).exists():
        return generation
    generation = _new_generation_name()
    _open_tantivy(doc_type, root / generation, create=True)
    _set_current(root, generation)
    return generation


def open_writer_locked(doc_type: DocType, *, heap: int = 64_000_000, threads: int = 1):
    """A writer on the current generation; the caller holds the write lock.

    An index built with other fields is rebuilt first (the queue is drained right after).
    """
    root = root_of(doc_type.name)
    generation = ensure_generation_locked(doc_type)
    try:
        index = _open_tantivy(doc_type, root / generation, create=False)
    except SearchUnavailable:
        log.warning("search: %s has new fields, rebuilding its index", doc_type.name)
        rebuild_locked(doc_type)
        index = _open_tantivy(doc_type, root / _current_generation(root), create=False)
    return index.writer(heap, threads)


@dataclass
class SearchIndex:
    """A reader on the current generation of one document type (cached per process)."""

    doc_type: DocType
    root: Path
    generation: str
    index: object
    schema: object
    _meta_mtime: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def searcher(self):
        meta = self.root / self.generation / "meta.json"
        try:
            mtime = meta.stat().st_mtime_ns
        except FileNotFoundError:
            mtime = 0
        if mtime != self._meta_mtime:
            with self._lock:
                self.index.reload()
                self._meta_mtime = mtime
        return self.index.searcher()


_readers: dict[str, SearchIndex] = {}


def open_index(doc_type_name: str) -> SearchIndex:
    """The reader of a document type's current index, reopened after a rebuild."""
    doc_type = doc_type_get(doc_type_name)
    root = root_of(doc_type_name)
    generation = _current_generation(root)
    cached = _readers.get(str(root))
    if cached is not None and cached.generation == generation and generation is not None:
        return cached
    generation = ensure_generation(doc_type)
    index = _open_tantivy(doc_type, root / generation, create=False)
    reader = SearchIndex(
        doc_type=doc_type, root=root, generation=generation, index=index, schema=index.schema
    )
    _readers[str(root)] = reader
    return reader


def readers_forget() -> None:
    """Drop cached readers (tests switch SEARCH_INDEX_DIR between tests)."""
    _readers.clear()


def _to_datetime(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def build_document(doc_type: DocType, pk: int, values: dict):
    """A tantivy document from the plain values an app's ``load`` returns."""
    import tantivy

    doc = tantivy.Document()
    doc.add_integer("id", int(pk))
    for name, kind in doc_type.plan:
        value = values.get(name)
        if value is None or value == "" or value == []:
            continue
        many = type(value) in _MANY
        if kind == "keyword":
            for item in value if many else (value,):
                if item is not None and item != "":
                    doc.add_text(name, item if type(item) is str else str(item))
        elif kind == "text":
            if type(value) is not Analysed:
                value = index_text(" ".join(value) if many else value)
            doc.add_text(name, value)
        elif kind == "key":
            for item in value if many else (value,):
                doc.add_unsigned(name, int(item))
        elif kind == "int":
            doc.add_integer(name, int(value))
        elif kind == "float":
            doc.add_float(name, float(value))
        elif kind == "date":
            doc.add_date(name, _to_datetime(value))
    return doc


_MANY = frozenset({list, tuple, set})


def write_documents(writer, doc_type: DocType, ids: list[int], *, fresh: bool = False) -> int:
    """Replace the documents of ``ids`` by what the database says now; returns how many exist."""
    loaded = doc_type.load(ids)
    written = 0
    for pk in ids:
        if not fresh:
            writer.delete_documents_by_term("id", int(pk))
        values = loaded.get(pk)
        if values is not None:
            writer.add_document(build_document(doc_type, pk, values))
            written += 1
    return written


def rebuild(doc_type_name: str, *, batch: int = 2000, progress=None) -> int:
    """Index every searchable object into a new generation, then make it current.

    Changes queued meanwhile stay in the queue (the lock keeps drains out) and are applied
    right after the swap, so nothing written during a rebuild is lost.
    """
    from .queue import drain_locked

    doc_type = doc_type_get(doc_type_name)
    with writer_lock(doc_type_name, blocking=True), bulk_work():
        total = rebuild_locked(doc_type, batch=batch, progress=progress)
        drain_locked(doc_type)
    return total


def rebuild_locked(doc_type: DocType, *, batch: int = 2000, progress=None) -> int:
    """Build a new generation from the database and make it current (lock held)."""
    root = root_of(doc_type.name)
    generation = _new_generation_name()
    index = _open_tantivy(doc_type, root / generation, create=True)
    writer = index.writer(WRITER_HEAP, 2)
    total = 0
    chunk: list[int] = []
    for pk in doc_type.ids():
        chunk.append(pk)
        if len(chunk) >= batch:
            total += write_documents(writer, doc_type, chunk, fresh=True)
            if progress:
                progress(len(chunk))
            chunk = []
    if chunk:
        total += write_documents(writer, doc_type, chunk, fresh=True)
        if progress:
            progress(len(chunk))
    writer.commit()
    writer.wait_merging_threads()
    _set_current(root, generation)
    _prune_generations(root, keep=generation)
    return total


def _prune_generations(root: Path, *, keep: str) -> None:
    """Remove old generations, keeping the previous one for readers still on it."""
    generations = sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("g"))
    old = [p for p in generations if p.name != keep]
    for path in old[: max(0, len(old) - (_GENERATIONS_KEPT - 1))]:
        # A reader opened long ago may still map these files; on POSIX that is harmless.
        shutil.rmtree(path, ignore_errors=True)

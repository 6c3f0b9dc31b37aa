"""Document types: what each app puts in the search index, declared the same way by all.

An app describes a document type (its fields, how to load documents from the database, how to
list every searchable object) and registers it; core owns the index, the change queue and the
writer. The database stays the truth: a document is rebuilt from the database each time it is
indexed, and ``load`` answering None for an object means "not searchable, remove it".
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from .analysis import ANALYZER

FieldKind = Literal["text", "keyword", "key", "int", "float", "date"]


@dataclass(frozen=True)
class Field:
    """A field of a document type.

    - ``text``: analysed French text (see :mod:`.analysis`), for matching and scoring;
    - ``keyword``: exact values (one or a list), for filters and facet counts;
    - ``key``: unsigned 64-bit values (one or a list), only looked up: no columnar copy
      (duplicate keys: ten a document, a third of the indexing time as text keywords);
    - ``int``, ``float``, ``date``: for filters, sorting and fast reads of a window of hits.
    """

    name: str
    kind: FieldKind


@dataclass(frozen=True)
class DocType:
    name: str  # "jobs.offer"
    fields: tuple[Field, ...]
    load: Callable[[list[int]], dict[int, dict | None]]
    ids: Callable[[], Iterable[int]]

    def field(self, name: str) -> Field:
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(name)

    @property
    def fingerprint(self) -> str:
        """Changes when the fields change: an index built with other fields is rebuilt."""
        spec = ";".join(f"{f.name}:{f.kind}" for f in self.fields) + f";{ANALYZER}:5"
        return hashlib.sha1(spec.encode(), usedforsecurity=False).hexdigest()[:12]

    @cached_property
    def plan(self) -> tuple[tuple[str, str], ...]:
        """(name, kind) of each field, as documents are built."""
        return tuple((f.name, f.kind) for f in self.fields)

    def schema(self):
        from tantivy import SchemaBuilder

        builder = SchemaBuilder()
        builder.add_integer_field("id", stored=True, indexed=True, fast=True)
        for field in self.fields:
            if field.kind == "text":
                builder.add_text_field(field.name, tokenizer_name=ANALYZER, index_option="freq")
            elif field.kind == "keyword":
                builder.add_text_field(
                    field.name, tokenizer_name="raw", fast=True, index_option="basic"
                )
            elif field.kind == "key":
                builder.add_unsigned_field(field.name, indexed=True)
            elif field.kind == "int":
                builder.add_integer_field(field.name, indexed=True, fast=True)
            elif field.kind == "float":
                builder.add_float_field(field.name, indexed=True, fast=True)
            elif field.kind == "date":
                builder.add_date_field(field.name, indexed=True, fast=True)
        return builder.build()


_doc_types: dict[str, DocType] = {}


def doc_type_register(doc_type: DocType) -> None:
    if "id" in {f.name for f in doc_type.fields}:
        raise ValueError("'id' is reserved: it holds the object's primary key")
    _doc_types[doc_type.name] = doc_type


def doc_type_get(name: str) -> DocType:
    try:
        return _doc_types[name]
    except KeyError:
        raise LookupError(f"unknown search document type {name!r}") from None


def doc_types() -> list[DocType]:
    return [dt for _, dt in sorted(_doc_types.items())]

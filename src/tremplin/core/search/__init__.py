"""Full-text search on embedded tantivy indexes, a rebuildable projection of the database.

- :mod:`.registry`: apps declare their document types (fields, loader, ids);
- :mod:`.analysis`: the forgiving French analysis shared by documents and queries;
- :mod:`.queue`: changes recorded in the writing transaction, drained by a task;
- :mod:`.index`: where indexes live, cached readers, one writer, rebuild;
- :mod:`.query`: building blocks for queries (words, filters, facets, windows);
- :mod:`.highlight`: result snippets with the matched words marked.
"""

from .index import SearchIndex, SearchUnavailable, open_index, readers_forget, rebuild
from .queue import drain, search_change_record
from .registry import DocType, Field, doc_type_get, doc_type_register, doc_types

__all__ = [
    "DocType",
    "Field",
    "SearchIndex",
    "SearchUnavailable",
    "doc_type_get",
    "doc_type_register",
    "doc_types",
    "drain",
    "open_index",
    "readers_forget",
    "rebuild",
    "search_change_record",
]

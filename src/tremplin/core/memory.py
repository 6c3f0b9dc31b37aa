"""Bulk work without the garbage collector's passes.

An import of a million offers allocates tens of millions of short-lived objects while it
keeps large tables alive (the communes, the ids already read, a commit's documents). Python's
collector walks them again and again: measured at 6 % to 9 % of an import's or a drain's
time, even with rarer passes. Reference counting still frees everything at once (the work
makes no reference cycles, bar an exception now and then); cycles wait for the end of the
work, when the collector runs again.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

_depth = 0


@contextmanager
def bulk_work():
    """Run a block without the garbage collector (nested blocks: the outer one decides)."""
    global _depth
    if _depth:
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
        return
    was_enabled = gc.isenabled()
    gc.disable()
    _depth = 1
    try:
        yield
    finally:
        _depth = 0
        if was_enabled:
            gc.enable()

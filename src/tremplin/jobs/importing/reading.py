"""A feed read into prepared batches, here or in a second process while this one writes.

An import does two kinds of work: reading (parsing JSON, XML or CSV, mapping fields, cleaning
HTML, computing duplicate keys: computation only) and writing (the database). On a million
France Travail offers, reading is half of the importing process's time. So a big feed is
read by a forked child process that sends prepared batches through a pipe while this process
writes the previous ones, and a machine's second core shares the work. The batches are the
same, in the same order, as when reading here: the results are the same. The child touches
neither the database nor the search index (everything it needs was loaded before the fork)
and ends with the feed.

Two steps of the work can be done on either side: a batch's duplicate keys and the analysis
of its index texts (the writing side computes whatever a batch arrives without). The child
does them while the writing side is busy (batches wait to be sent), and leaves them to it
when it waits for the child: each side then stays busy, whichever is slower on the feed and
the machine at hand. Measured on two cores and 300,000 France Travail offers: from about
3,800 to about 4,500 offers/s, the cores busy 1.9 of 2 instead of 1.7.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..sources.base import FeedError, Issue, Rejected
from .writer import Counts, Prepared, RecordRef

log = logging.getLogger(__name__)

#: Feeds from this size are read in a child process (below, starting it costs more than it
#: saves: about 5,000 France Travail offers).
CHILD_MIN_BYTES = 8 * 1024 * 1024
#: Batches the child may read ahead of the writing side: more than one commit's worth, so
#: that reading goes on while the writing side indexes what it committed (a few MB each).
CHILD_BATCHES_AHEAD = 12
#: The child computes a batch's duplicate keys when at least this many batches wait to be
#: sent (the writing side is busy), and its index texts from ``TEXTS_FROM`` on. Keys go
#: first: they are small to send, where analysed texts are as long as the descriptions.
KEYS_FROM = 1
TEXTS_FROM = 2


@dataclass
class Batch:
    """Records ready to write, with what reading them counted and reported."""

    prepared: list[Prepared] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    issues: list[Issue] = field(default_factory=list)
    read: int = 0


def batches_here(reader, writer, size: int) -> Iterator[Batch]:
    """Prepared batches of ``size`` records. A broken feed raises :class:`FeedError` (with
    ``read``, the records read before it) after the batch read before the break."""
    read = 0
    batch = Batch()
    try:
        for item in reader.records():
            if isinstance(item, Issue):
                batch.issues.append(item)
                continue
            read += 1
            batch.read += 1
            if isinstance(item, Rejected):
                batch.issues.append(item.issue)
                batch.counts.rejected += 1
            else:
                prepared = writer.prepare(item, batch.issues, batch.counts)
                if prepared is not None:
                    batch.prepared.append(prepared)
            if len(batch.prepared) >= size:
                yield batch
                batch = Batch()
    except FeedError as exc:
        exc.read = read
        yield batch
        raise
    yield batch


def wants_child(stream, reader) -> bool:
    """Read in a child process: a big feed, a second core, and ``fork`` to share the
    loaded communes and employers without reloading them."""
    if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return False
    stream = getattr(reader, "stream", None) or stream  # some readers buffer stdin
    try:
        size = os.fstat(stream.fileno()).st_size
    except (AttributeError, OSError, ValueError):
        buffer = getattr(stream, "getbuffer", None)
        size = buffer().nbytes if buffer else 0
    return size >= CHILD_MIN_BYTES


def batches_from_child(reader, writer, size: int) -> Iterator[Batch]:
    """The batches of :func:`batches_here`, read by a forked child process."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_read_in_child, args=(sender, reader, writer, size), name="tremplin-import-reader"
    )
    child.start()
    sender.close()
    try:
        while True:
            try:
                item = receiver.recv()
            except EOFError:
                raise RuntimeError("le processus de lecture du flux s'est arrêté") from None
            if isinstance(item, Batch):
                yield item
            elif item[0] == "end":
                return
            elif item[0] == "feed-error":
                error = FeedError(item[1])
                error.read = item[2]
                raise error
            else:
                raise RuntimeError(f"lecture du flux impossible :\n{item[1]}")
    finally:
        receiver.close()
        child.join(timeout=5)
        if child.is_alive():  # this side stopped early (an error while writing)
            child.terminate()
            child.join()


def _read_in_child(sender, reader, writer, size: int) -> None:
    # A thread sends while this one reads on: the writing side takes a batch only when it is
    # done with the previous one, and reading must not wait for it meanwhile.
    outbox: queue.Queue = queue.Queue(maxsize=CHILD_BATCHES_AHEAD)
    thread = threading.Thread(target=_send_all, args=(sender, outbox), daemon=True)
    thread.start()
    try:
        for batch in batches_here(reader, writer, size):
            waiting = outbox.qsize()
            if waiting >= KEYS_FROM:
                writer.add_keys(batch.prepared)
            if waiting >= TEXTS_FROM:
                writer.add_index_texts(batch.prepared)
            # What the writing side needs of each record; the rest stays here.
            for prepared in batch.prepared:
                record = prepared.record
                prepared.record = RecordRef(record.source_id, record.url, record.position)
            outbox.put(batch)
        outbox.put(("end",))
    except FeedError as exc:
        outbox.put(("feed-error", str(exc), getattr(exc, "read", 0)))
    except BaseException:  # reported on the writing side, which stops the import
        outbox.put(("crash", traceback.format_exc()))
    finally:
        outbox.put(None)
        thread.join()
        sender.close()


def _send_all(sender, outbox: queue.Queue) -> None:
    broken = False
    while (item := outbox.get()) is not None:
        if broken:
            continue  # the writing side stopped: let the reading side finish, sending nothing
        try:
            sender.send(item)
        except OSError:
            broken = True

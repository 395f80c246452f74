"""Long writes in batches, so that readers and other writers keep working (decision 0015).

An import that held one transaction for its whole length held SQLite's only write
lock as long: other writers waited past their busy timeout ("database is locked").
Written in batches of IMPORT_BATCH_SIZE rows, each in its own short transaction,
an import lets others write between two batches. Every import that uses this is
idempotent by natural key (an origin id, a name, a source URI and its digest, or
the restore's journal), so after a failure part-way, running it again finishes
the work without writing anything twice.

On SQLite a writer that waits polls for the lock (its busy handler sleeps 1 ms,
then longer, up to 100 ms): an import that began its next batch at once would
win the lock again and again and starve it. So after each batch the import
pauses as long as the batch took (at most 100 ms), which lets any waiting writer
in; PostgreSQL locks rows, not the database, and needs no pause.
"""

import time

from django.conf import settings
from django.db import connection, transaction

PAUSE_CAP = 0.1  # SQLite's busy handler polls every 100 ms once it has waited a while


def batch_size():
    return max(1, int(getattr(settings, "IMPORT_BATCH_SIZE", 200)))


def chunks(items, size=None):
    """Yield successive lists of at most `size` (IMPORT_BATCH_SIZE) items."""
    items = list(items)
    size = size or batch_size()
    for start in range(0, len(items), size):
        yield items[start:start + size]


def write_in_batches(items, write, size=None):
    """Call `write(chunk)` for each chunk of `items`, each in its own transaction; return the number written.

    A failure stops at its batch: the batches before it stay written, the failing
    one is rolled back whole.
    """
    written = 0
    for chunk in chunks(items, size):
        began = time.monotonic()
        with transaction.atomic():
            write(chunk)
        written += len(chunk)
        let_writers_in(time.monotonic() - began)
    return written


def let_writers_in(batch_seconds):
    """Pause after a batch on SQLite, as long as it took (at most PAUSE_CAP), so that a waiting writer gets in."""
    if connection.vendor == "sqlite":
        time.sleep(min(PAUSE_CAP, max(batch_seconds, 0.005)))

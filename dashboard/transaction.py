"""One DuckDB transaction as a `with` block: a change and its audit entry commit together."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import duckdb

from dashboard import store_version

_STATE = threading.local()


def active() -> bool:
    """Returns True inside a `transaction()` block of the calling thread."""
    return bool(getattr(_STATE, "ends", None))


def at_end(callback: Callable[[], None]) -> None:
    """Runs `callback` when the calling thread's current transaction has committed or rolled
    back (the audit chain keeps its lock until its entry is visible to the next writer)."""
    _STATE.ends[-1].append(callback)


@contextmanager
def transaction(
    con: duckdb.DuckDBPyConnection, *, changes_data: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yields `con` inside BEGIN … COMMIT; any exception rolls everything back and propagates.

    After the COMMIT the store version moves (page caches read again), unless the caller says
    the transaction changes no data a page shows (the audit entry of a sign-in).
    """
    con.execute("BEGIN TRANSACTION")
    if not hasattr(_STATE, "ends"):
        _STATE.ends = []
    _STATE.ends.append([])
    try:
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        if changes_data:
            store_version.bump()  # after COMMIT: a version read before it saw the old rows
    finally:
        for callback in _STATE.ends.pop():
            callback()

"""One DuckDB transaction as a `with` block: a change and its audit entry commit together."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from dashboard import store_version


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yields `con` inside BEGIN … COMMIT; any exception rolls everything back and propagates."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    store_version.bump()  # after COMMIT: a version read before it saw the old rows

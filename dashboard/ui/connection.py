"""The app's one DuckDB connection per database file, and one cursor per browser session.

DuckDB allows one process to attach a file once; every Streamlit session shares that
connection through `st.cache_resource` and gets its own `cursor()`, because a DuckDB
connection object must not be used from two threads at the same time.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import streamlit as st

from dashboard import db, store_rewrite
from dashboard.auth import setup
from dashboard.views import demo

_REOPEN = threading.Lock()


@dataclass
class _Store:
    con: duckdb.DuckDBPyConnection
    cursors: weakref.WeakSet = field(default_factory=weakref.WeakSet)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _release(store: _Store) -> None:
    # Cursors keep the file attached; close them all so a cleared cache really lets go of it.
    for cur in list(store.cursors):
        cur.close()
    store.con.close()


@st.cache_resource(show_spinner=False, on_release=_release)
def _store(path: str) -> _Store:
    con = db.connect(path)
    demo.ensure_demo(con)
    setup.announce(con)  # a store without accounts: the code for the Setup page, on the console
    return _Store(con)


def database_path() -> str:
    """Returns the store this process serves ($DASHBOARD_DB: a file path or a PostgreSQL URL)."""
    return db.resolve_target()


def cursor() -> duckdb.DuckDBPyConnection:
    """Returns this session's cursor on the shared connection (created on first use, and
    again after the connection was reopened by `rewrite_after_deletion`)."""
    path = database_path()
    key = f"_cursor::{path}"
    with _REOPEN:  # not while the file is being rewritten
        store = _store(path)
    opened = st.session_state.get(key)
    if opened is None or opened[0] is not store:
        with store.lock:
            cur = store.con.cursor()
            cur.execute(f"USE {db.STORE}")  # a cursor starts in the in-memory catalog
            store.cursors.add(cur)
        opened = st.session_state[key] = (store, cur)
    return opened[1]


def rewrite_after_deletion() -> str:
    """Closes the shared connection and every session's cursor, rewrites the file so deleted
    rows leave no bytes (dashboard.store_rewrite), and lets the next `cursor()` reopen it.

    Returns "" or why the rewrite failed. Call it after an erasure or a retention run that
    deleted rows, then rerun the page: the caller's cursor is closed. Another session's query
    running at this moment fails once; its next click gets a fresh cursor.
    """
    path = database_path()
    with _REOPEN:
        _store.clear()  # on_release closes every cursor and the connection, synchronously
        return store_rewrite.rewrite_after_deletion(Path(path))


def release_all() -> None:
    """Closes every connection this process holds and forgets the page data computed from
    them (tests call it between databases)."""
    from dashboard.ui import cache  # cache reads this module's database_path

    _store.clear()
    cache.clear()

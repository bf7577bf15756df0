"""Rewriting the store into a fresh file: no bytes of deleted rows left behind, or a new key.

DuckDB marks deleted rows free but leaves their bytes in the file (and its write-ahead log)
until the blocks happen to be reused; neither CHECKPOINT nor VACUUM overwrites them. After an
erasure or a retention run, and to change the encryption key, the store is therefore copied
into a fresh file (only live rows travel), checked table by table, swapped in atomically with
a rename, and the old file is overwritten with zeros before its last reference goes.

Cost: one full copy of the store (time and, briefly, disk space of its size); nobody may use
the file meanwhile. Backups made before still hold what was deleted.
Limit: on copy-on-write or flash storage an overwrite may land in new blocks, leaving the old
ones to the device; encryption at rest is what protects those.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from dashboard import db
from dashboard.fingerprint import fingerprint

REWRITE = "rewrite"  # catalog name of the fresh file while it is written
CHUNK = 1 << 20


class RewriteFailed(RuntimeError):
    """The copy differed from the store or could not be written; the store is unchanged."""


def wal_of(path: Path) -> Path:
    """Returns the write-ahead log DuckDB keeps next to the database file `path`."""
    return path.with_name(path.name + ".wal")


def rewrite_after_deletion(path: Path) -> str:
    """Rewrites the closed store at `path` under its own key ($DASHBOARD_DB_KEY, if any), so
    the bytes of rows just erased or expired leave the file; for callers that deleted rows.

    Returns "" when done, else one line saying why not (the deletion itself stands).
    """
    if not path.is_file():
        return ""
    try:
        rewrite_store(path, key=os.environ.get(db.KEY_ENV) or None)
    except RewriteFailed as exc:
        return f"the rows are deleted, but the file could not be rewritten ({exc}); run again"
    return ""


def rewrite_store(path: Path, *, key: str | None, new_key: str | None = None) -> None:
    """Replaces the store at `path` by a fresh copy of its live rows; with `new_key` the copy
    is encrypted under that key instead of `key` ("" or None: unencrypted).

    Nobody else may have the file open. Raises RewriteFailed, leaving the store as it was.
    """
    target = key if new_key is None else new_key
    fresh = path.with_name(f".{path.name}.rewrite-{os.getpid()}")
    remove_stale(path)
    try:
        _copy(path, fresh, key or "", target or "")
    except (duckdb.Error, RewriteFailed) as exc:
        for leftover in (fresh, wal_of(fresh)):
            shred(leftover)
        raise RewriteFailed(f"{type(exc).__name__}: {exc}") from exc
    _swap(path, fresh)


def _copy(path: Path, fresh: Path, key: str, new_key: str) -> None:
    """Copies every table and sequence into `fresh` and proves the copy equal."""
    con = db.connect(path, key=key, migrate=False)
    try:
        options = " (ENCRYPTION_KEY ?)" if new_key else ""
        con.execute(
            f"ATTACH {db._literal(str(fresh))} AS {REWRITE}{options}", [new_key] if new_key else []
        )
        con.execute(f"COPY FROM DATABASE {db.STORE} TO {REWRITE}")
        expected = fingerprint(con)
        con.execute(f"USE {REWRITE}")
        if fingerprint(con) != expected:
            raise RewriteFailed("the fresh copy differs from the store")
        con.execute(f"USE {db.STORE}")
        con.execute(f"DETACH {REWRITE}")
    finally:
        con.close()


def _swap(path: Path, fresh: Path) -> None:
    """Renames `fresh` over `path` (atomic), then overwrites the old file through an open handle.

    The handle keeps the old file's blocks alive after the rename, so they can be zeroed
    although no name points to them any more; a crash in between leaves the new store in place.
    """
    shred(wal_of(path))  # the old file's log must never be replayed onto the new file
    with path.open("r+b") as old:
        os.replace(fresh, path)
        _zero(old)


def shred(path: Path) -> None:
    """Overwrites the file at `path` with zeros and removes it (nothing if it does not exist)."""
    try:
        handle = path.open("r+b")
    except FileNotFoundError:
        return
    with handle:
        _zero(handle)
    path.unlink(missing_ok=True)


def _zero(handle) -> None:  # type: ignore[no-untyped-def]
    size = os.fstat(handle.fileno()).st_size
    handle.seek(0)
    zeros = bytes(CHUNK)
    for start in range(0, size, CHUNK):
        handle.write(zeros[: min(CHUNK, size - start)])
    handle.flush()
    os.fsync(handle.fileno())


def remove_stale(path: Path) -> None:
    """Shreds fresh copies a crashed earlier rewrite of `path` left behind."""
    for leftover in path.parent.glob(f".{path.name}.rewrite-*"):
        shred(leftover)

"""Tamper evidence for the audit log: every entry is chained to the one before it.

`audit_chain` holds, per entry, the link of its predecessor and its own link: an HMAC-SHA256
(under the installation secret, kept outside the database) over the predecessor's link and
the entry's fields. Changing, deleting or inserting an entry breaks every link from there on,
and without the secret nobody holding only the store (or a backup) can forge a new chain.

Entries are linked in audit_id order, so two writers must not link to the same predecessor:
a process-wide lock is taken when an entry is linked and, inside a `transaction()`, held until
that transaction ends (DuckDB allows one writing process per file, so a process lock suffices
there). On a PostgreSQL store, where several processes write, a transaction-scoped advisory
lock on the server does the same across processes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from dataclasses import dataclass
from datetime import datetime

import duckdb

from dashboard import db, store_postgres, transaction
from dashboard.installation_secret import installation_secret

GENESIS = "0" * 64
_LOCK = threading.RLock()


@dataclass(frozen=True)
class Entry:
    """The fields of one audit entry that its link covers."""

    audit_id: int
    logged_at: datetime
    actor: str
    action: str
    program_id: str | None
    detail: str  # the JSON text exactly as stored

    def link(self, secret: bytes, previous: str) -> str:
        """Returns this entry's link after `previous`."""
        fields = [self.audit_id, self.logged_at.isoformat(), self.actor, self.action]
        body = json.dumps([previous, *fields, self.program_id, self.detail], ensure_ascii=False)
        return hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()


def append(
    con: duckdb.DuckDBPyConnection, actor: str, action: str, program_id: str | None, detail: str
) -> None:
    """Inserts one audit entry and its link, in the caller's transaction or in one of its own
    (an entry never commits without its link); the link covers exactly the stored values."""
    _LOCK.acquire()
    if transaction.active():
        transaction.at_end(_LOCK.release)  # the next writer must see this entry
        _insert(con, actor, action, program_id, detail)
        return
    try:
        # audit.record moves the store version itself, for the actions that change data
        with transaction.transaction(con, changes_data=False):
            _insert(con, actor, action, program_id, detail)
    finally:
        _LOCK.release()


def _insert(
    con: duckdb.DuckDBPyConnection, actor: str, action: str, program_id: str | None, detail: str
) -> None:
    if store_postgres.is_postgres(con):  # several processes: serialise on the server too
        store_postgres.lock_audit_chain(con)
    audit_id = db.next_value(con, "audit_id_seq")  # natively on a server store
    entry = Entry(audit_id, datetime.now(), actor, action, program_id, detail)
    con.execute(
        "INSERT INTO audit_log (audit_id, logged_at, actor, action, program_id, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [entry.audit_id, entry.logged_at, actor, action, program_id, detail],
    )
    previous = _latest_link(con)
    con.execute(
        "INSERT INTO audit_chain VALUES (?, ?, ?)",
        [entry.audit_id, previous, entry.link(installation_secret(con), previous)],
    )


def _latest_link(con: duckdb.DuckDBPyConnection) -> str:
    """Returns the link to chain to: the newest committed one, or this transaction's own.

    A transaction's snapshot may predate entries committed while it waited for the lock, so
    the committed head is read on a fresh cursor; the caller's own uncommitted entries (several
    in one transaction) only it can see. The newer of the two is the head.
    """
    fresh = con.cursor()
    try:
        database = con.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
        fresh.execute('USE "' + database.replace('"', '""') + '"')  # a name from the catalog
        heads = [_head_row(fresh), _head_row(con)]
    finally:
        fresh.close()
    newest = max((h for h in heads if h), default=None)
    return newest[1] if newest else GENESIS


def _head_row(con: duckdb.DuckDBPyConnection) -> tuple[int, str] | None:
    row = con.execute(
        "SELECT audit_id, entry_hash FROM audit_chain ORDER BY audit_id DESC LIMIT 1"
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking the chain: `broken_at` is None when every link holds."""

    entries: int
    head: str
    broken_at: int | None = None
    reason: str = ""


_ENTRIES = """
    SELECT coalesce(l.audit_id, c.audit_id), l.logged_at, l.actor, l.action, l.program_id,
           l.detail::VARCHAR, c.prev_hash, c.entry_hash, l.audit_id IS NULL
    FROM audit_log l FULL JOIN audit_chain c USING (audit_id)
    ORDER BY 1
"""


def verify(con: duckdb.DuckDBPyConnection) -> Verdict:
    """Returns how many entries were checked and the first one whose link does not hold."""
    secret = installation_secret(con)
    previous, count = GENESIS, 0
    result = con.execute(_ENTRIES)
    while batch := result.fetchmany(10_000):
        for row in batch:
            reason = _broken(secret, previous, row)
            if reason:
                return Verdict(count, previous, int(row[0]), reason)
            previous, count = row[7], count + 1
    return Verdict(count, previous)


def _broken(secret: bytes, previous: str, row: tuple) -> str:
    """Returns why the entry in `row` breaks the chain, "" when its link holds."""
    audit_id, *fields, prev_hash, entry_hash, deleted = row
    if deleted:
        return "deleted"
    if entry_hash is None:
        return "unlinked"
    if prev_hash != previous:
        return "predecessor_changed"
    if Entry(int(audit_id), *fields).link(secret, previous) != entry_hash:  # type: ignore[arg-type]
        return "changed"
    return ""


def link_existing(con: duckdb.DuckDBPyConnection) -> None:
    """Links every entry written before the chain existed, in audit_id order (migration 6)."""
    secret = installation_secret(con)
    previous = GENESIS
    rows = con.execute(
        "SELECT audit_id, logged_at, actor, action, program_id, detail::VARCHAR "
        "FROM audit_log ORDER BY audit_id"
    ).fetchall()
    for row in rows:
        link = Entry(int(row[0]), *row[1:]).link(secret, previous)
        con.execute("INSERT INTO audit_chain VALUES (?, ?, ?)", [row[0], previous, link])
        previous = link

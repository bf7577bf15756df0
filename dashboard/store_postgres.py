"""The store on a PostgreSQL server, reached through DuckDB's postgres extension.

Several app processes (on one machine or several) can then share one store: PostgreSQL keeps
the transactions, locks and constraints, DuckDB still runs every query, so the rest of the code
sees the same catalog `store` with the same tables. A URL `postgresql://[user@]host[:port]/db`
(or `postgres://…`) selects it; the password and other connection settings come from libpq's
environment and files (PGPASSWORD, ~/.pgpass, PGSSLMODE, …), never from the command line.

What DuckDB cannot create in PostgreSQL (sequences, a column default from one) is created
natively through `postgres_execute`; erasure's "no bytes left behind" is VACUUM FULL.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import duckdb

from .store_errors import StoreUnavailable

SCHEMES = ("postgresql://", "postgres://")


class ServerUnavailable(StoreUnavailable):
    """The PostgreSQL store could not be reached or opened; the message names no password."""

    def __init__(self, text: str) -> None:
        super().__init__("server", "")
        self.args = (text,)

    def __str__(self) -> str:
        return str(self.args[0])

    def message(self, lang: str = "en") -> str:
        """Returns the one-line explanation (English: it quotes what the server said)."""
        return f"error: {self}"


def is_url(target: str) -> bool:
    """Returns True when `target` names a PostgreSQL store rather than a DuckDB file."""
    return target.startswith(SCHEMES)


def redact(url: str) -> str:
    """Returns `url` without its password and query (which may hold one), safe to print."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, "", ""))


def attach(con: duckdb.DuckDBPyConnection, url: str, name: str, *, read_only: bool) -> None:
    """Attaches the PostgreSQL database at `url` as catalog `name` on `con`.

    Raises ServerUnavailable (with the redacted URL only) when the server refuses.
    """
    options = "TYPE postgres, READ_ONLY" if read_only else "TYPE postgres"
    try:
        con.execute(f"ATTACH {_literal(url)} AS {name} ({options})")
    except duckdb.Error:
        # DuckDB's message repeats the whole URL, password included: it is not passed on.
        raise ServerUnavailable(f"cannot open the PostgreSQL store {redact(url)}") from None


def is_postgres(con: duckdb.DuckDBPyConnection) -> bool:
    """Returns True when `con`'s current catalog is a PostgreSQL database."""
    row = con.execute(
        "SELECT type FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    return bool(row) and row[0] == "postgres"


def execute(con: duckdb.DuckDBPyConnection, sql: str, *, in_transaction: bool = True) -> None:
    """Runs `sql` (constant text, no values) natively on the server of `con`'s catalog."""
    (catalog,) = con.execute("SELECT current_database()").fetchone() or ("store",)
    con.execute("CALL postgres_execute(?, ?, use_transaction := ?)", [catalog, sql, in_transaction])


def create_sequence(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Creates sequence `name` (a constant from the migrations) in the server's schema."""
    execute(con, f"CREATE SEQUENCE IF NOT EXISTS {name} START 1")


def default_from_sequence(
    con: duckdb.DuckDBPyConnection, table: str, column: str, sequence: str
) -> None:
    """Makes `table.column` default to the next value of `sequence` (constants only)."""
    execute(con, f"ALTER TABLE {table} ALTER COLUMN {column} SET DEFAULT nextval('{sequence}')")
    con.execute("CALL pg_clear_cache()")  # DuckDB re-reads the table with its new default


_JSON_COLUMNS = (
    "SELECT table_name::text, column_name::text FROM information_schema.columns "
    "WHERE table_schema = current_schema() AND data_type = 'json'"
)


def json_as_text(con: duckdb.DuckDBPyConnection) -> None:
    """Stores the migrations' JSON columns as text on the server (called after each migration).

    DuckDB writes an updated JSON value (INSERT OR REPLACE) as text, which PostgreSQL's json
    type refuses; DuckDB reads text back as VARCHAR, which its JSON functions take alike.
    """
    (catalog,) = con.execute("SELECT current_database()").fetchone() or ("store",)
    columns = con.execute("SELECT * FROM postgres_query(?, ?)", [catalog, _JSON_COLUMNS])
    found = columns.fetchall()
    for table, column in found:  # names from the server's catalog, quoted
        execute(con, f"ALTER TABLE {_quote(table)} ALTER COLUMN {_quote(column)} TYPE text")
    if found:
        con.execute("CALL pg_clear_cache()")


def next_value(con: duckdb.DuckDBPyConnection, sequence: str) -> int:
    """Returns the next value of `sequence` (a constant name)."""
    (catalog,) = con.execute("SELECT current_database()").fetchone() or ("store",)
    row = con.execute(
        "SELECT * FROM postgres_query(?, ?)", [catalog, f"SELECT nextval('{sequence}')"]
    ).fetchone()
    assert row is not None
    return int(row[0])


# pg_advisory_xact_lock key of the audit chain: any constant no other code of ours uses
AUDIT_CHAIN_LOCK = 0x61756469  # "audi"


def lock_audit_chain(con: duckdb.DuckDBPyConnection) -> None:
    """Waits for the server-wide audit-chain lock, held until the caller's transaction ends.

    Entries are linked in audit-id order, so the id, the read of the chain's head and the new
    link must happen while no other process does the same; a lock inside one process does not
    reach the others (docs/several-processes.md). Re-entrant within one transaction.
    """
    execute(con, f"SELECT pg_advisory_xact_lock({AUDIT_CHAIN_LOCK})")


def is_write_conflict(exc: BaseException) -> bool:
    """Returns True when `exc` is PostgreSQL refusing a write another transaction made first.

    DuckDB opens REPEATABLE READ transactions on the server: a second writer of the same row
    waits for the first and then fails with a serialization error (SQLSTATE 40001), or with a
    unique violation when both inserted the same new key.
    """
    text = str(exc)
    return any(sign in text for sign in _CONFLICTS)


_CONFLICTS = ("could not serialize access", "deadlock detected", "duplicate key value violates")


def purge(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrites every table of the database so deleted rows leave no bytes in its files.

    VACUUM FULL writes each table (and its indexes and TOAST) anew and removes the old files;
    ANALYZE replaces the planner statistics, which may quote a column's common values, and the
    database-wide run rewrites pg_statistic too. It locks each table while rewriting it.
    """
    execute(con, "VACUUM (FULL, ANALYZE)", in_transaction=False)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"

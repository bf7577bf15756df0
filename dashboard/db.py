"""The DuckDB store: where it lives, how to open it, and its migrations.

One database file holds every program (the embedded default), or, for several app processes,
one PostgreSQL database reached through DuckDB (`store_postgres`; `DASHBOARD_DB` is then a
`postgresql://` URL). Either way the tables sit in the catalog `store`. Data tables are
generated from the schema registry (program_id + the contract's columns + import_id for
lineage); the migrations below create the rest. DuckDB allows one writing process per file;
within a process, share one connection and give each thread its own `cursor()`.
"""

from __future__ import annotations

import importlib
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

import duckdb

from dashboard.installation_secret import installation_secret
from schemas import EXPORTS

from . import store_postgres
from .store_errors import StoreUnavailable

DEFAULT_DB = Path("data") / "dashboard.duckdb"
DB_ENV = "DASHBOARD_DB"
KEY_ENV = "DASHBOARD_DB_KEY"
STORE = "store"  # catalog name of the attached database file


def resolve_target(cli_value: str | os.PathLike[str] | None = None) -> str:
    """Returns the store: a `postgresql://` URL, or the file path as resolve_path gives it."""
    raw = str(cli_value) if cli_value else os.environ.get(DB_ENV) or ""
    return raw if store_postgres.is_url(raw) else str(resolve_path(cli_value))


def describe(target: str | os.PathLike[str]) -> str:
    """Returns the store's name safe to print: a file path, or a URL without its password."""
    text = str(target)
    return store_postgres.redact(text) if store_postgres.is_url(text) else text


def _unavailable(exc: duckdb.Error, path: Path) -> StoreUnavailable:
    """Returns the StoreUnavailable a failed ATTACH means (DuckDB says it only in its text)."""
    text = str(exc)
    if isinstance(exc, duckdb.IOException) and "lock" in text:
        pid = re.search(r"\(PID (\d+)\)", text)
        return StoreUnavailable("locked", path, pid.group(1) if pid else "?")
    if "without a key" in text:
        return StoreUnavailable("key_missing", path)
    if "Wrong encryption key" in text:
        return StoreUnavailable("key_wrong", path)
    if "is not encrypted" in text:
        return StoreUnavailable("key_unexpected", path)
    return StoreUnavailable("unreadable", path)


def resolve_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Returns the database path: the CLI value, else $DASHBOARD_DB, else data/dashboard.duckdb."""
    if cli_value:
        return Path(cli_value)
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def connect(
    path: str | os.PathLike[str] | None = None,
    *,
    key: str | None = None,
    read_only: bool = False,
    migrate: bool = True,
) -> duckdb.DuckDBPyConnection:
    """Returns a connection to the store at `path` (see resolve_path), migrated to the latest.

    With `key` (or $DASHBOARD_DB_KEY) the file is opened as an encrypted database. A
    `postgresql://` target opens the server store. Raises StoreUnavailable when the file is
    held by another process, the key does not fit, or the server cannot be reached.
    """
    url = resolve_target(path)
    if store_postgres.is_url(url):
        con = _connect_server(url, key=key, read_only=read_only)
    else:
        con = _connect_file(resolve_path(path), key=key, read_only=read_only)
    if migrate and not read_only:
        apply_migrations(con)
        installation_secret(con)  # created at first start, next to the store, not inside it
    return con


def _connect_file(target: Path, *, key: str | None, read_only: bool) -> duckdb.DuckDBPyConnection:
    if str(target) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    key = key if key is not None else os.environ.get(KEY_ENV) or None
    con = duckdb.connect(":memory:")
    if key:
        _load_httpfs(con)
        # Large sorts and joins spill to temp files; encrypt those too, not only the store.
        con.execute("SET temp_file_encryption = true")
    options = ["READ_ONLY"] if read_only else []
    if key:
        options.append("ENCRYPTION_KEY ?")
    suffix = f" ({', '.join(options)})" if options else ""
    # ATTACH takes no bound path; the path is quoted as a literal, the key is bound.
    try:
        con.execute(f"ATTACH {_literal(str(target))} AS {STORE}{suffix}", [key] if key else [])
    except duckdb.Error as exc:
        con.close()
        raise _unavailable(exc, target) from None
    con.execute(f"USE {STORE}")
    return con


def _connect_server(url: str, *, key: str | None, read_only: bool) -> duckdb.DuckDBPyConnection:
    if key if key is not None else os.environ.get(KEY_ENV):
        # The server's files are the server's to encrypt (disk encryption); silently storing
        # in plain text what the operator asked to encrypt is not an option.
        raise store_postgres.ServerUnavailable(
            f"${KEY_ENV} applies to a DuckDB file; encrypt the PostgreSQL server's disk instead"
        )
    con = duckdb.connect(":memory:")
    _load_extension(con, "duckdb_extension_postgres_scanner", "postgres_scanner")
    store_postgres.attach(con, url, STORE, read_only=read_only)
    con.execute(f"USE {STORE}")
    return con


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _load_httpfs(con: duckdb.DuckDBPyConnection) -> None:
    """Loads httpfs from the duckdb-extension-httpfs wheel: writing encrypted files needs it."""
    _load_extension(con, "duckdb_extension_httpfs", "httpfs")


def _load_extension(con: duckdb.DuckDBPyConnection, package: str, name: str) -> None:
    """Loads extension `name` from its PyPI wheel `package`: nothing is downloaded at run time."""
    module = importlib.import_module(package)
    folder = Path(module.__file__ or "").parent / "extensions"
    binary = folder / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not binary.exists():
        wheel = package.replace("_", "-")
        raise RuntimeError(
            f"{name} for duckdb {duckdb.__version__} is not installed "
            f"(pip install {wheel}=={duckdb.__version__})"
        )
    con.execute(f"LOAD {_literal(str(binary))}")


# ------------------------------------------------------------------ what differs per backend


def create_sequence(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Creates sequence `name` (a constant) starting at 1 in the store."""
    if store_postgres.is_postgres(con):
        store_postgres.create_sequence(con, name)
    else:
        con.execute(f"CREATE SEQUENCE {name} START 1")


def sequence_default(con: duckdb.DuckDBPyConnection, sequence: str) -> str:
    """Returns the column DDL " DEFAULT nextval('sequence')", or "" on PostgreSQL, where DuckDB
    cannot declare it: there call default_on_server after CREATE TABLE."""
    return "" if store_postgres.is_postgres(con) else f" DEFAULT nextval('{sequence}')"


def default_on_server(
    con: duckdb.DuckDBPyConnection, table: str, column: str, sequence: str
) -> None:
    """On PostgreSQL, gives `table.column` its sequence default natively; nothing on a file."""
    if store_postgres.is_postgres(con):
        store_postgres.default_from_sequence(con, table, column, sequence)


def next_value(con: duckdb.DuckDBPyConnection, sequence: str) -> int:
    """Returns the next value of `sequence` (a constant name)."""
    if store_postgres.is_postgres(con):
        return store_postgres.next_value(con, sequence)
    row = con.execute(f"SELECT nextval('{sequence}')").fetchone()
    assert row is not None
    return int(row[0])


def is_write_conflict(exc: duckdb.Error) -> bool:
    """Returns True when `exc` means another transaction wrote the same rows first."""
    return isinstance(exc, duckdb.TransactionException) or store_postgres.is_write_conflict(exc)


def purge(con: duckdb.DuckDBPyConnection) -> None:
    """Makes deleted rows unrecoverable from the store's files (after erasure and retention).

    PostgreSQL: VACUUM FULL (store_postgres.purge), on the open connection. DuckDB file:
    nothing here: the file is rewritten by dashboard.store_rewrite once every connection to it
    is closed (the CLI after its command, the app through ui.connection), which this
    connection cannot do for itself.
    """
    if store_postgres.is_postgres(con):
        store_postgres.purge(con)


# ---------------------------------------------------------------------------- migrations

Migration = Callable[[duckdb.DuckDBPyConnection], None]
_MIGRATION_LOCK = threading.Lock()


def _data_table_ddl(name: str) -> str:
    spec = EXPORTS[name]
    cols = ",\n  ".join(f'"{c.name}" {c.duckdb_type}' for c in spec.columns)
    return (
        f'CREATE TABLE IF NOT EXISTS "{name}" (\n  program_id VARCHAR NOT NULL,\n  {cols},\n'
        "  import_id BIGINT NOT NULL\n)"
    )


def _m1_core(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE TABLE programs (
          program_id VARCHAR PRIMARY KEY,
          is_demo BOOLEAN NOT NULL DEFAULT false,
          created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
          retention_months INTEGER NOT NULL DEFAULT 24
        )""")
    create_sequence(con, "import_id_seq")
    con.execute("""
        CREATE TABLE imports (
          import_id BIGINT PRIMARY KEY,
          program_id VARCHAR NOT NULL,
          started_at TIMESTAMP NOT NULL,
          finished_at TIMESTAMP,
          imported_by VARCHAR,
          status VARCHAR NOT NULL,          -- committed | partial (valid rows only)
          is_demo BOOLEAN NOT NULL DEFAULT false,
          files JSON NOT NULL,              -- [{file, export, sha256, rows_*}]
          rows_valid BIGINT NOT NULL,
          rows_rejected BIGINT NOT NULL
        )""")
    con.execute("""
        CREATE TABLE quarantine (
          import_id BIGINT NOT NULL,
          program_id VARCHAR NOT NULL,
          export VARCHAR NOT NULL,
          file VARCHAR NOT NULL,
          line BIGINT NOT NULL,
          record JSON NOT NULL,             -- contract columns only, raw text as uploaded
          errors JSON NOT NULL              -- [{column, code, message}]
        )""")
    for name in EXPORTS:
        con.execute(_data_table_ddl(name))


def _m2_settings(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE TABLE settings (
          program_id VARCHAR NOT NULL,      -- '*' = default for every program
          key VARCHAR NOT NULL,
          value JSON NOT NULL,
          updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
          updated_by VARCHAR,
          PRIMARY KEY (program_id, key)
        )""")


def _m3_access(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE TABLE users (
          username VARCHAR PRIMARY KEY,
          password_hash VARCHAR,            -- argon2; NULL for accounts signing in through OIDC
          role VARCHAR NOT NULL,            -- admin | coordinator | viewer
          created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
          disabled BOOLEAN NOT NULL DEFAULT false
        )""")
    con.execute("""
        CREATE TABLE user_programs (
          username VARCHAR NOT NULL,
          program_id VARCHAR NOT NULL,
          PRIMARY KEY (username, program_id)
        )""")
    create_sequence(con, "audit_id_seq")
    con.execute(f"""
        CREATE TABLE audit_log (
          audit_id BIGINT PRIMARY KEY{sequence_default(con, "audit_id_seq")},
          logged_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
          actor VARCHAR NOT NULL,
          action VARCHAR NOT NULL,          -- sign_in | import | removal | export | ...
          program_id VARCHAR,
          detail JSON                       -- counts and ids, never row contents
        )""")
    default_on_server(con, "audit_log", "audit_id", "audit_id_seq")


def _m6_audit_chain(con: duckdb.DuckDBPyConnection) -> None:
    from dashboard.audit_chain import link_existing

    con.execute("""
        CREATE TABLE audit_chain (
          audit_id BIGINT PRIMARY KEY,      -- the audit_log entry this link seals
          prev_hash VARCHAR NOT NULL,       -- the link of the entry before it (zeros: first)
          entry_hash VARCHAR NOT NULL       -- HMAC over prev_hash and the entry's fields
        )""")
    link_existing(con)


def _m5_mappings(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE TABLE column_mappings (
          program_id VARCHAR NOT NULL,
          header_key VARCHAR NOT NULL,      -- fingerprint of the file header it applies to
          header JSON NOT NULL,             -- the header cells (names only, never values)
          mapping JSON NOT NULL,            -- dashboard.ingest.mapping.Mapping
          saved_by VARCHAR,
          saved_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
          PRIMARY KEY (program_id, header_key)
        )""")


def _m4_setup_and_programs(con: duckdb.DuckDBPyConnection) -> None:
    # One row per issued first-run setup code; only its SHA-256 is kept (dashboard.auth.setup).
    con.execute("""
        CREATE TABLE setup_code (
          code_hash VARCHAR NOT NULL,
          issued_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
          failures INTEGER NOT NULL DEFAULT 0,
          last_failure TIMESTAMP
        )""")
    con.execute("ALTER TABLE programs ADD COLUMN display_name VARCHAR")
    # no DEFAULT: PostgreSQL tables take no ALTER … DEFAULT through DuckDB; NULL reads as
    # "not archived" (every read coalesces)
    con.execute("ALTER TABLE programs ADD COLUMN archived BOOLEAN")
    con.execute("ALTER TABLE users ADD COLUMN language VARCHAR")  # the account's UI language


def _m7_followups(con: duckdb.DuckDBPyConnection) -> None:
    create_sequence(con, "followup_id_seq")
    con.execute(f"""
        CREATE TABLE followups (
          followup_id BIGINT PRIMARY KEY{sequence_default(con, "followup_id_seq")},
          program_id VARCHAR NOT NULL,
          signal_id VARCHAR NOT NULL,
          subject_type VARCHAR NOT NULL,    -- supporter | service
          subject_id VARCHAR NOT NULL,
          action VARCHAR NOT NULL,          -- dashboard.followups.model.ACTIONS
          status VARCHAR NOT NULL,          -- planned | done | dismissed
          happened_on DATE NOT NULL,        -- the day it happened or is planned
          review_on DATE,
          note VARCHAR,                     -- <= 280 characters, passed the identifier guard
          severity VARCHAR NOT NULL,        -- the signal as it stood when this was written
          value JSON,
          threshold JSON,
          signal_since DATE,
          written_by VARCHAR NOT NULL,
          written_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        )""")
    default_on_server(con, "followups", "followup_id", "followup_id_seq")
    # the weekly digest goes to a program's coordinators: they need an address
    con.execute("ALTER TABLE users ADD COLUMN email VARCHAR")


MIGRATIONS: tuple[tuple[int, str, Migration], ...] = (
    (1, "programs, imports, quarantine and one table per export", _m1_core),
    (2, "per-program settings (signal thresholds)", _m2_settings),
    (3, "users, program assignments and the audit log", _m3_access),
    (4, "setup code, program names and archiving, account language", _m4_setup_and_programs),
    (5, "column mappings saved per program and header", _m5_mappings),
    (6, "a hash chain over the audit log (tamper evidence)", _m6_audit_chain),
    (7, "follow-ups on signals; an optional e-mail address per account", _m7_followups),
)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """Returns the highest applied migration, 0 for a new database."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)"
    )
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def apply_migrations(con: duckdb.DuckDBPyConnection) -> int:
    """Applies pending migrations, each in its own transaction; returns the version reached.

    A migration is pending when its version is not recorded, also below the highest one:
    numbers are handed out to parallel branches, so 6 may arrive after 7 was applied.
    """
    with _MIGRATION_LOCK:
        schema_version(con)  # creates the table on a new database
        applied = {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}
        current = max(applied, default=0)
        for version, description, step in MIGRATIONS:
            if version in applied:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                step(con)
                if store_postgres.is_postgres(con):
                    store_postgres.json_as_text(con)
                con.execute(
                    "INSERT INTO schema_version VALUES (?, ?, current_timestamp)",
                    [version, description],
                )
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            current = max(current, version)
        _add_new_contract_columns(con)
        return current


def _add_new_contract_columns(con: duckdb.DuckDBPyConnection) -> None:
    """Adds columns the contract gained since the table was created (changes are additive)."""
    # One catalog query for all tables: on PostgreSQL each one is a round trip to the server.
    existing = set(
        con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_catalog = current_database() AND table_schema = current_schema()"
        ).fetchall()
    )
    for name, spec in EXPORTS.items():
        for col in spec.columns:
            if (name, col.name) not in existing:
                con.execute(f'ALTER TABLE "{name}" ADD COLUMN "{col.name}" {col.duckdb_type}')

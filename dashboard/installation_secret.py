"""The per-installation secret that keys pseudonym references in the audit log.

It lives outside the database — in $DASHBOARD_AUDIT_SECRET, or else in a file next to the store
(`<store>.audit-key`, mode 0600, created at first start; a PostgreSQL store, shared by several
processes, needs the variable) — so a copy or backup of the store
file alone cannot turn a reference back into a pseudonym by trying candidate codes.
"""

from __future__ import annotations

import os
import secrets
import threading
from pathlib import Path

import duckdb

from dashboard import store_postgres

SECRET_ENV = "DASHBOARD_AUDIT_SECRET"
SUFFIX = ".audit-key"
_EPHEMERAL = secrets.token_hex(32)  # an in-memory store lives as long as this process
_CREATE_LOCK = threading.Lock()


def secret_path(store: Path) -> Path:
    """Returns where the secret of the store at `store` is kept when no variable is set."""
    return store.with_name(store.name + SUFFIX)


def store_path(con: duckdb.DuckDBPyConnection) -> Path | None:
    """Returns the file of `con`'s current database, None for an in-memory one."""
    row = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    return Path(row[0]) if row and row[0] else None


def installation_secret(con: duckdb.DuckDBPyConnection) -> bytes:
    """Returns the secret for `con`'s store: the variable, else its file (created if missing)."""
    if os.environ.get(SECRET_ENV):
        return os.environ[SECRET_ENV].encode()
    if store_postgres.is_postgres(con):
        # Several processes, perhaps on several machines, share a server store: one file next
        # to one of them would give each its own secret and break the audit chain.
        raise store_postgres.ServerUnavailable(
            f"a PostgreSQL store needs ${SECRET_ENV}, the same value for every app process "
            '(python -c "import secrets; print(secrets.token_hex(32))"), kept outside the '
            "database"
        )
    store = store_path(con)
    if store is None:
        return _EPHEMERAL.encode()
    return ensure_secret_file(secret_path(store)).encode()


def ensure_secret_file(path: Path) -> str:
    """Returns the secret in `path`, first creating it (0600, 256 random bits) if absent.

    The file is written under a temporary name and linked into place, so two processes
    starting at once agree on one secret and nobody reads a half-written file.
    """
    with _CREATE_LOCK:
        if not path.exists():
            temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
            try:
                os.link(temp, path)
            except FileExistsError:
                pass  # another process was first: use its secret
            finally:
                temp.unlink()
        return path.read_text().strip()

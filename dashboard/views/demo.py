"""The demo program: loaded on first start into an empty database, removable in one click."""

from __future__ import annotations

import json

import duckdb

from dashboard.access import Scope

DISMISSED_KEY = "demo_dismissed"
"""Global setting set when someone removes the demo, so a now-empty database stays empty."""


def ensure_demo(con: duckdb.DuckDBPyConnection) -> bool:
    """Returns True after loading the demo program into a database that has never held data."""
    if _has_data(con) or _dismissed(con):
        return False
    from dashboard.sample import load_demo

    load_demo(con, scope=Scope.local_operator())
    return True


def demo_programs(con: duckdb.DuckDBPyConnection, *, scope: Scope) -> list[str]:
    """Returns the demo programs `scope` reaches."""
    rows = con.execute(
        "SELECT DISTINCT program_id FROM imports WHERE is_demo AND status <> 'removed'"
        " AND ($p IS NULL OR program_id IN (SELECT unnest($p))) ORDER BY 1",
        {"p": scope.sql_programs()},
    ).fetchall()
    return [r[0] for r in rows]


def remove_demo(con: duckdb.DuckDBPyConnection, *, scope: Scope) -> int:
    """Removes every demo import `scope` may change and returns how many were removed.

    Each removal goes through the importer (which audits it); the demo stays away afterwards.
    """
    from dashboard.ingest import remove_import

    ids = con.execute(
        "SELECT import_id FROM imports WHERE is_demo AND status <> 'removed'"
        " AND ($p IS NULL OR program_id IN (SELECT unnest($p))) ORDER BY import_id",
        {"p": scope.sql_programs()},
    ).fetchall()
    for (import_id,) in ids:
        remove_import(con, import_id, scope=scope, actor=scope.user)
    con.execute(
        "INSERT OR REPLACE INTO settings (program_id, key, value, updated_at, updated_by)"
        " VALUES ('*', ?, ?, current_timestamp, ?)",
        [DISMISSED_KEY, json.dumps(True), scope.user],
    )
    return len(ids)


def _has_data(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT (SELECT count(*) FROM imports) + (SELECT count(*) FROM programs)"
    ).fetchone()
    return bool(row and row[0])


def _dismissed(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT value FROM settings WHERE program_id = '*' AND key = ?", [DISMISSED_KEY]
    ).fetchone()
    return bool(row and json.loads(row[0]))

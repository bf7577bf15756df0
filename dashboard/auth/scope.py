"""From an account to a Scope: which programs a signed-in user reaches, and the demo exception."""

from __future__ import annotations

import duckdb

from dashboard.access import Scope
from schemas import EXPORTS

DEMO_USER = "demo"


def scope_for(con: duckdb.DuckDBPyConnection, username: str) -> Scope | None:
    """Returns the user's Scope, or None for an unknown or disabled account.

    Admins reach every program; coordinators and viewers exactly their assigned programs
    (possibly none).
    """
    row = con.execute(
        "SELECT role, disabled FROM users WHERE username = ?", [username.strip().lower()]
    ).fetchone()
    if row is None or row[1]:
        return None
    name = username.strip().lower()
    if row[0] == "admin":
        return Scope(user=name, role="admin", programs=None)
    assigned = con.execute(
        "SELECT program_id FROM user_programs WHERE username = ?", [name]
    ).fetchall()
    return Scope(user=name, role=row[0], programs=frozenset(r[0] for r in assigned))


def holds_only_demo_data(con: duckdb.DuckDBPyConnection) -> bool:
    """Returns True while there is no account and no row outside a demo program.

    Only then may the app run without sign-in. Every data table is checked, not only
    `programs`, so a row that reached the store by any path ends demo mode.
    """
    if _count(con, "SELECT count(*) FROM users") > 0:
        return False
    demo = "(SELECT program_id FROM programs WHERE is_demo)"
    if _count(con, f"SELECT count(*) FROM programs WHERE program_id NOT IN {demo}") > 0:
        return False
    if _count(con, "SELECT count(*) FROM imports WHERE NOT is_demo") > 0:
        return False
    for table in [*EXPORTS, "imports", "quarantine", "settings"]:
        query = f'SELECT count(*) FROM "{table}" WHERE program_id NOT IN {demo}'
        if table == "settings":
            query += " AND program_id <> '*'"
        if _count(con, query) > 0:
            return False
    return True


def demo_scope(con: duckdb.DuckDBPyConnection) -> Scope | None:
    """Returns the no-sign-in scope (an anonymous viewer of the demo programs) or None once
    data is real.

    An anonymous visitor may explore the demo and try an import (the check runs, nothing is
    committed) and change settings for the browser session; nothing they do is stored.
    """
    if not holds_only_demo_data(con):
        return None
    rows = con.execute("SELECT program_id FROM programs WHERE is_demo").fetchall()
    programs = frozenset(r[0] for r in rows) or frozenset({_demo_program_id()})
    return Scope(user=DEMO_USER, role="viewer", programs=programs, anonymous=True)


def _demo_program_id() -> str:
    try:
        from dashboard.sample import DEMO_PROGRAM
    except ImportError:  # the sample package is optional for the access layer
        return "demo"
    return str(DEMO_PROGRAM)


def _count(con: duckdb.DuckDBPyConnection, query: str) -> int:
    row = con.execute(query).fetchone()
    return int(row[0]) if row else 0

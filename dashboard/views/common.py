"""Queries every page needs: which programs the user sees, which supporters, the data version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from dashboard.access import Scope


@dataclass(frozen=True)
class ProgramInfo:
    """One program as the program picker shows it."""

    program_id: str
    is_demo: bool
    display_name: str | None = None
    archived: bool = False
    has_data: bool = True  # False: created, nothing imported yet (pages say what to do)


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Returns a token that changes whenever an import, removal, setting or audited action
    (erasure, retention, accounts) changes the data.

    Page caches are keyed by it, so a new import shows up without restarting the app.
    """
    row = con.execute(
        "SELECT (SELECT coalesce(max(import_id), 0) FROM imports),"
        " (SELECT count(*) FROM imports),"
        " (SELECT count(*) FROM imports WHERE status = 'removed'),"
        " (SELECT coalesce(max(finished_at)::VARCHAR, '') FROM imports),"
        " (SELECT count(*) FROM settings),"
        " (SELECT coalesce(max(updated_at)::VARCHAR, '') FROM settings),"
        " (SELECT count(*) FROM programs),"
        # erasures, retention runs and account changes write no import or setting, but are
        # audited: another process's erasure must not leave erased rows in a page cache here
        " (SELECT coalesce(max(audit_id), 0) FROM audit_log),"
        " (SELECT hash(string_agg(program_id || coalesce(display_name, '')"
        "  || coalesce(archived, false), ',' ORDER BY program_id)) FROM programs)"
    ).fetchone()
    return "/".join(str(v) for v in (row or ()))


def programs(con: duckdb.DuckDBPyConnection, *, scope: Scope) -> list[ProgramInfo]:
    """Returns the programs with data or an import that `scope` reaches, demo programs last."""
    rows = con.execute(
        """
        SELECT u.program_id, bool_or(u.is_demo), any_value(p.display_name),
          coalesce(any_value(p.archived), false),
          EXISTS (SELECT 1 FROM supporters s WHERE s.program_id = u.program_id)
          OR EXISTS (SELECT 1 FROM imports i WHERE i.program_id = u.program_id
                     AND i.status <> 'removed')
        FROM (
          SELECT program_id, is_demo FROM programs
          UNION ALL SELECT program_id, is_demo FROM imports WHERE status <> 'removed'
          UNION ALL SELECT DISTINCT program_id, false FROM supporters
        ) u LEFT JOIN programs p USING (program_id)
        WHERE ($programs IS NULL OR u.program_id IN (SELECT unnest($programs)))
        GROUP BY u.program_id
        -- a removed demo stays in `programs` (so demo mode still recognises it) but is hidden
        HAVING NOT bool_or(u.is_demo) OR u.program_id IN
          (SELECT program_id FROM imports WHERE is_demo AND status <> 'removed')
        ORDER BY bool_or(u.is_demo), u.program_id
        """,
        {"programs": scope.sql_programs()},
    ).fetchall()
    return [ProgramInfo(r[0], bool(r[1]), r[2], bool(r[3]), bool(r[4])) for r in rows]


def supporter_ids(con: duckdb.DuckDBPyConnection, program_id: str, *, scope: Scope) -> list[str]:
    """Returns the supporter codes of one program, sorted."""
    scope.require(program_id)
    rows = con.execute(
        "SELECT supporter_id FROM supporters WHERE program_id = ? ORDER BY supporter_id",
        [program_id],
    ).fetchall()
    return [r[0] for r in rows]


def as_of_default(con: duckdb.DuckDBPyConnection, program_id: str, *, scope: Scope) -> date | None:
    """Returns the program's stored as-of default (Settings), None meaning today."""
    from dashboard import settings

    scope.require(program_id)
    return settings.as_of_default(con, program_id)


def program_setting(
    con: duckdb.DuckDBPyConnection, program_id: str, key: str, *, scope: Scope
) -> Any:
    """Returns the value in force of one program setting (e.g. followup_reopen_margin)."""
    from dashboard import settings

    scope.require(program_id)
    return settings.get_program_setting(con, program_id, key)


def thresholds(con: duckdb.DuckDBPyConnection, program_id: str, *, scope: Scope) -> list:
    """Returns the program's thresholds (dashboard.settings.ThresholdView), registry order."""
    from dashboard import settings

    scope.require(program_id)
    return settings.thresholds(con, program_id)

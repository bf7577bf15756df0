"""Programs as admins manage them: create, rename, archive (read-only), delete.

Every change is audited as `program_change` in the same transaction. An archived program
keeps its data for reading; imports, removals and setting changes into it are refused
(`require_active`, called by the importer and the settings writers). Deleting needs the
program id typed again and removes every row of the program, its imports, quarantine,
settings and account assignments; the audit log keeps its entries (no code path deletes
them), so the deletion stays accountable after the data is gone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

import duckdb

from dashboard import audit
from dashboard.access import AccessDenied, Scope
from dashboard.i18n import LANGS
from dashboard.transaction import transaction
from schemas import EXPORTS

PROGRAM_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_NAME = 80
_OWNED = (*EXPORTS, "imports", "quarantine", "settings", "user_programs")


class ProgramError(ValueError):
    """A program change was refused; `code` names why (bad_id, exists, unknown, confirm,
    bad_name, archived) for the caller's message catalog."""

    def __init__(self, code: str, program_id: str = "") -> None:
        super().__init__(f"{code}: {program_id}")
        self.code, self.program_id = code, program_id


@dataclass(frozen=True)
class ProgramRow:
    """One program as the Programs page lists it."""

    program_id: str
    display_name: str
    is_demo: bool
    archived: bool
    created_at: datetime
    supporters: int


def list_programs(con: duckdb.DuckDBPyConnection, *, scope: Scope) -> list[ProgramRow]:
    """Returns the programs `scope` reaches with their supporter counts, by id."""
    rows = con.execute(
        "SELECT p.program_id, coalesce(p.display_name, p.program_id), p.is_demo,"
        " coalesce(p.archived, false), p.created_at,"
        " (SELECT count(*) FROM supporters s WHERE s.program_id = p.program_id)"
        " FROM programs p WHERE ($p IS NULL OR p.program_id IN (SELECT unnest($p)))"
        " ORDER BY p.program_id",
        {"p": scope.sql_programs()},
    ).fetchall()
    return [ProgramRow(*r) for r in rows]


def create_program(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    display_name: str,
    language: str,
    *,
    scope: Scope,
) -> ProgramRow:
    """Creates an empty program with its display name and default language (admins only)."""
    _require_admin(scope)
    pid = program_id.strip()
    if not PROGRAM_ID.fullmatch(pid):
        raise ProgramError("bad_id", pid)
    name = _checked_name(display_name, pid)
    if _exists(con, pid):
        raise ProgramError("exists", pid)
    with transaction(con):
        con.execute("INSERT INTO programs (program_id, display_name) VALUES (?, ?)", [pid, name])
        con.execute(
            "INSERT INTO settings (program_id, key, value, updated_by)"
            " VALUES (?, 'language', ?, ?)",
            [pid, json.dumps(language if language in LANGS else "en"), scope.user],
        )
        detail = {"change": "create", "display_name": name, "language": language}
        audit.record(con, scope.user, "program_change", pid, detail)
    return _row(con, pid, scope)


def rename_program(
    con: duckdb.DuckDBPyConnection, program_id: str, display_name: str, *, scope: Scope
) -> ProgramRow:
    """Changes the name shown for the program (its id, which the data carries, stays)."""
    _require_admin(scope)
    _require_existing(con, program_id)
    name = _checked_name(display_name, program_id)
    with transaction(con):
        con.execute("UPDATE programs SET display_name = ? WHERE program_id = ?", [name, program_id])
        audit.record(con, scope.user, "program_change", program_id, {"change": "rename"})
    return _row(con, program_id, scope)


def set_archived(
    con: duckdb.DuckDBPyConnection, program_id: str, archived: bool, *, scope: Scope
) -> ProgramRow:
    """Archives (read-only from now on) or reactivates a program."""
    _require_admin(scope)
    _require_existing(con, program_id)
    with transaction(con):
        con.execute("UPDATE programs SET archived = ? WHERE program_id = ?", [archived, program_id])
        change = "archive" if archived else "reactivate"
        audit.record(con, scope.user, "program_change", program_id, {"change": change})
    return _row(con, program_id, scope)


def delete_program(
    con: duckdb.DuckDBPyConnection, program_id: str, confirm: str, *, scope: Scope
) -> dict[str, int]:
    """Deletes the program and everything it holds once `confirm` repeats its id exactly;
    returns rows deleted per table (the audit entry records the counts, never contents)."""
    _require_admin(scope)
    _require_existing(con, program_id)
    if confirm.strip() != program_id:
        raise ProgramError("confirm", program_id)
    counts: dict[str, int] = {}
    with transaction(con):
        for table in _OWNED:  # names from the schema registry and this module only
            row = con.execute(
                f'DELETE FROM "{table}" WHERE program_id = ?', [program_id]
            ).fetchone()
            counts[table] = int(row[0]) if row else 0
        con.execute("DELETE FROM programs WHERE program_id = ?", [program_id])
        detail = {"change": "delete", "rows": sum(counts.values())}
        audit.record(con, scope.user, "program_change", program_id, detail)
    return counts


def require_active(con: duckdb.DuckDBPyConnection, program_id: str) -> None:
    """Raises AccessDenied when the program is archived (read-only)."""
    row = con.execute(
        "SELECT coalesce(archived, false) FROM programs WHERE program_id = ?", [program_id]
    ).fetchone()
    if row and row[0]:
        raise AccessDenied(f"program {program_id} is archived (read-only)")


def _row(con: duckdb.DuckDBPyConnection, program_id: str, scope: Scope) -> ProgramRow:
    return next(p for p in list_programs(con, scope=scope) if p.program_id == program_id)


def _exists(con: duckdb.DuckDBPyConnection, program_id: str) -> bool:
    row = con.execute("SELECT 1 FROM programs WHERE program_id = ?", [program_id]).fetchone()
    return row is not None


def _require_existing(con: duckdb.DuckDBPyConnection, program_id: str) -> None:
    if not _exists(con, program_id):
        raise ProgramError("unknown", program_id)


def _checked_name(display_name: str, program_id: str) -> str:
    name = " ".join(display_name.split()) or program_id
    if len(name) > MAX_NAME:
        raise ProgramError("bad_name", program_id)
    return name


def _require_admin(scope: Scope) -> None:
    if scope.role != "admin" or scope.programs is not None or scope.anonymous:
        raise AccessDenied(f"{scope.user} may not manage programs (admins only)")

"""Follow-ups in DuckDB: write, list, remove — scoped, audited, and seen by every page cache.

Every write needs write access to the program (coordinator or admin of it) and commits with
its `followup` audit entry (ids, signal, action, status; never the note) and a bump of the
program's `followups_version` settings row, so caches keyed by the settings/data version
drop what they held. An id outside the caller's scope reads as unknown.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import duckdb

from dashboard import audit
from dashboard.access import Scope
from dashboard.followups.model import Followup, FollowupError
from dashboard.i18n import N_
from dashboard.transaction import transaction

VERSION_KEY = "followups_version"
COLUMNS = (
    "followup_id", "program_id", "signal_id", "subject_type", "subject_id", "action", "status",
    "happened_on", "review_on", "note", "severity", "value", "threshold", "signal_since",
    "written_by", "written_at",
)  # fmt: skip
_SELECT = "SELECT " + ", ".join(COLUMNS) + " FROM followups"


def add(con: duckdb.DuckDBPyConnection, followup: Followup, *, scope: Scope) -> int:
    """Stores the follow-up written by scope.user; returns its id. AccessDenied without write."""
    scope.require(followup.program_id, write=True)
    data = followup.model_dump()
    data["value"] = json.dumps(data["value"], default=str)
    data["threshold"] = json.dumps(data["threshold"], default=str)
    names = [*data, "written_by"]
    with transaction(con):
        row = con.execute(
            f"INSERT INTO followups ({', '.join(names)}) VALUES "
            f"({', '.join('?' for _ in names)}) RETURNING followup_id",
            [*data.values(), scope.user],
        ).fetchone()
        new_id = int(row[0]) if row else 0
        _audit(con, scope, followup.program_id, "add", new_id, data)
    return new_id


def remove(con: duckdb.DuckDBPyConnection, followup_id: int, *, scope: Scope) -> dict[str, Any]:
    """Deletes one follow-up and returns it; FollowupError when the scope sees no such id."""
    found = get(con, followup_id, scope=scope)
    scope.require(found["program_id"], write=True)
    with transaction(con):
        con.execute("DELETE FROM followups WHERE followup_id = ?", [followup_id])
        _audit(con, scope, found["program_id"], "remove", followup_id, found)
    return found


def get(con: duckdb.DuckDBPyConnection, followup_id: int, *, scope: Scope) -> dict[str, Any]:
    """Returns one follow-up the scope may read; FollowupError('not_found') otherwise."""
    rows = select_rows(con, "WHERE followup_id = ?", [followup_id])
    if not rows or not scope.allows(rows[0]["program_id"]):
        raise FollowupError(N_("followup.err.not_found"), id=followup_id)
    return rows[0]


def list_for(con: duckdb.DuckDBPyConnection, program_id: str, *, scope: Scope) -> list[dict]:
    """Returns the program's follow-ups, oldest first (AccessDenied out of scope)."""
    scope.require(program_id)
    return select_rows(con, "WHERE program_id = ? ORDER BY happened_on, followup_id", [program_id])


def last_session(
    con: duckdb.DuckDBPyConnection, program_id: str, *, scope: Scope, before: date | None = None
) -> date | None:
    """Returns the latest day scope.user recorded a follow-up as happened (done or dismissed)
    in the program, on or before `before`; None if they never did."""
    scope.require(program_id)
    row = con.execute(
        "SELECT max(happened_on) FROM followups WHERE program_id = ? AND written_by = ? "
        "AND status <> 'planned' AND (? IS NULL OR happened_on <= ?)",
        [program_id, scope.user, before, before],
    ).fetchone()
    return row[0] if row else None


def select_rows(con: duckdb.DuckDBPyConnection, where: str, params: list) -> list[dict[str, Any]]:
    """Returns the follow-ups matching `where` (bound params) with value and threshold decoded."""
    out = []
    for r in con.execute(f"{_SELECT} {where}", params).fetchall():
        row = dict(zip(COLUMNS, r, strict=True))
        row["value"] = _loads(row["value"])
        row["threshold"] = _loads(row["threshold"])
        out.append(row)
    return out


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _audit(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    program_id: str,
    what: str,
    followup_id: int,
    data: dict[str, Any],
) -> None:
    # the subject is named in the program's own table; the log keeps ids and vocabulary only
    detail = {
        "op": what,
        "followup_id": followup_id,
        "signal_id": data["signal_id"],
        "action": data["action"],
        "status": data["status"],
    }
    audit.record(con, scope.user, "followup", program_id, detail)
    bump_version(con, program_id, scope.user)


def bump_version(con: duckdb.DuckDBPyConnection, program_id: str, actor: str) -> None:
    """Touches the program's followups_version settings row: caches keyed by the settings
    version (and the data version, which counts settings) see every follow-up write."""
    con.execute(
        "INSERT OR REPLACE INTO settings (program_id, key, value, updated_at, updated_by) "
        "VALUES (?, ?, to_json(current_timestamp::VARCHAR), current_timestamp, ?)",
        [program_id, VERSION_KEY, actor],
    )


# ------------------------------------------------------------ one person's rows (GDPR, retention)


def subject_rows(con: duckdb.DuckDBPyConnection, program_id: str, pseudonym: str) -> list[dict]:
    """Returns the follow-ups about supporter `pseudonym` (subject export; caller checks scope)."""
    where = "WHERE program_id = ? AND subject_type = 'supporter' AND subject_id = ? "
    where += "ORDER BY happened_on, followup_id"
    rows = select_rows(con, where, [program_id, pseudonym])
    for row in rows:
        row["written_at"] = str(row["written_at"])
    return rows


def delete_subjects(con: duckdb.DuckDBPyConnection, program_id: str, pseudonyms: list[str]) -> int:
    """Deletes the follow-ups about these supporters; returns how many (caller's transaction)."""
    row = con.execute(
        "DELETE FROM followups WHERE program_id = ? AND subject_type = 'supporter' "
        "AND subject_id IN (SELECT unnest(?))",
        [program_id, pseudonyms],
    ).fetchone()
    return int(row[0]) if row else 0


def delete_older(con: duckdb.DuckDBPyConnection, program_id: str, months: int, as_of: date) -> int:
    """Deletes follow-ups (and their notes) of more than `months` before as_of; returns how many."""
    row = con.execute(
        "DELETE FROM followups WHERE program_id = ? AND happened_on + to_months(?) < ?",
        [program_id, months, as_of],
    ).fetchone()
    return int(row[0]) if row else 0

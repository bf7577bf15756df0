"""Reading the audit log back: filtered entries for the admin page, and its CSV export.

Only admins (all programs) read it. There is deliberately no function that updates or deletes
audit rows: the log is append-only, and retention does not touch it (see retention.py).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import duckdb

from dashboard import audit
from dashboard.access import AccessDenied, Scope
from dashboard.privacy import to_safe_csv

COLUMNS = ("audit_id", "logged_at", "actor", "action", "program_id", "detail")


def read_audit(
    con: duckdb.DuckDBPyConnection,
    *,
    scope: Scope,
    since: datetime | None = None,
    action: str | None = None,
    program_id: str | None = None,
    limit: int | None = 10_000,
) -> list[dict[str, Any]]:
    """Returns audit entries, newest first, as dicts with `detail` as compact JSON text."""
    _require_admin(scope)
    rows = con.execute(
        "SELECT audit_id, logged_at, actor, action, program_id, detail::VARCHAR FROM audit_log "
        "WHERE ($since IS NULL OR logged_at >= $since) AND ($action IS NULL OR action = $action) "
        "AND ($program IS NULL OR program_id = $program) ORDER BY audit_id DESC LIMIT $limit",
        {"since": since, "action": action, "program": program_id, "limit": limit},
    ).fetchall()
    return [dict(zip(COLUMNS, r, strict=True)) for r in rows]


def audit_csv(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, record: bool = True, **filters: Any
) -> tuple[str, int]:
    """Returns (CSV text, row count) of the filtered log.

    Records the export in the log unless `record` is False: the UI records it when the
    download button is clicked, not each time the page draws the button.
    """
    rows = read_audit(con, scope=scope, limit=None, **filters)
    for row in rows:
        row["logged_at"] = row["logged_at"].isoformat(sep=" ", timespec="seconds")
        row["detail"] = json.dumps(json.loads(row["detail"] or "{}"), sort_keys=True)
    text = to_safe_csv(rows, list(COLUMNS))
    if record:
        shown = {k: str(v) for k, v in filters.items() if v is not None}
        detail = {"what": "audit_log", "rows": len(rows), **shown}
        audit.record(con, scope.user, "export", detail=detail)
    return text, len(rows)


def _require_admin(scope: Scope) -> None:
    if scope.role != "admin" or scope.programs is not None:
        raise AccessDenied(f"{scope.user} may not read the audit log")

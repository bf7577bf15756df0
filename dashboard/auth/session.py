"""Sessions end after inactivity: pure functions over timestamps, the UI keeps the clock."""

from __future__ import annotations

import json

import duckdb

from dashboard import audit
from dashboard.access import AccessDenied, Scope
from dashboard.transaction import transaction

SESSION_TIMEOUT_KEY = "session_timeout_minutes"
DEFAULT_TIMEOUT_MINUTES = 30
"""Minutes without any interaction after which a signed-in session is signed out. Set it with
`settings` (program '*', key session_timeout_minutes); 5..720 minutes are accepted."""
MIN_TIMEOUT, MAX_TIMEOUT = 5, 720


def is_expired(last_activity: float | None, now: float, timeout_minutes: float) -> bool:
    """Returns True when more than `timeout_minutes` passed since `last_activity` (seconds).

    A session without a recorded activity counts as expired: it never signed in properly.
    """
    if last_activity is None:
        return True
    return now - last_activity > timeout_minutes * 60


def timeout_minutes(con: duckdb.DuckDBPyConnection) -> int:
    """Returns the configured inactivity timeout, clamped to 5..720, default 30."""
    row = con.execute(
        "SELECT value FROM settings WHERE program_id = '*' AND key = ?", [SESSION_TIMEOUT_KEY]
    ).fetchone()
    if row is None:
        return DEFAULT_TIMEOUT_MINUTES
    try:
        minutes = int(json.loads(row[0]))
    except (TypeError, ValueError):
        return DEFAULT_TIMEOUT_MINUTES
    return min(max(minutes, MIN_TIMEOUT), MAX_TIMEOUT)


def set_timeout_minutes(con: duckdb.DuckDBPyConnection, minutes: int, *, scope: Scope) -> int:
    """Stores the inactivity timeout (admins only, 5..720); audited as `setting_change`."""
    if scope.role != "admin" or scope.programs is not None:
        raise AccessDenied(f"{scope.user} may not change the session timeout")
    if not MIN_TIMEOUT <= minutes <= MAX_TIMEOUT:
        raise ValueError(f"timeout must be {MIN_TIMEOUT}..{MAX_TIMEOUT} minutes")
    old = timeout_minutes(con)
    with transaction(con):
        con.execute(
            "INSERT OR REPLACE INTO settings (program_id, key, value, updated_at, updated_by) "
            "VALUES ('*', ?, ?, current_timestamp, ?)",
            [SESSION_TIMEOUT_KEY, json.dumps(minutes), scope.user],
        )
        detail = {"key": SESSION_TIMEOUT_KEY, "old": old, "new": minutes}
        audit.record(con, scope.user, "setting_change", "*", detail)
    return minutes

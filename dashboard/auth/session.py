"""Sessions end after inactivity: pure functions over timestamps, the UI keeps the clock."""

from __future__ import annotations

import json

import duckdb

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

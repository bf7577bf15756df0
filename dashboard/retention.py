"""Retention: rows about people are kept `programs.retention_months` (default 24) after the end.

A supporter who left more than that long ago is deleted with everything that references them
(matches, their contacts, check-ins, ProQOL answers, trainings, supervision, incidents, follow-ups
on their signals); follow-ups older than the period go as well; a match
that ended that long ago is deleted with its contacts; quarantined raw rows of imports that old
go too. Demo programs are skipped (synthetic data, and the demo must keep working).

The audit log is not touched: it holds who did what and counts, never row contents, and an
accountability record that deleted itself would prove nothing (GDPR Art. 5(2)).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import duckdb

from dashboard import audit
from dashboard.access import AccessDenied, Scope
from dashboard.cascade import delete_where
from dashboard.followups import store as followups
from dashboard.transaction import transaction

LAST_RUN_KEY = "retention_last_run"
SYSTEM_ACTOR = "system:retention"
TABLES = (
    "supporters",
    "matches",
    "contacts",
    "checkins",
    "proqol",
    "trainings",
    "supervision",
    "incidents",
    "quarantine",
    "followups",
)


MIN_MONTHS, MAX_MONTHS = 1, 120


class _DryRun(Exception):
    """Raised inside the transaction to roll back a dry run after counting."""


@dataclass
class RetentionReport:
    """Rows deleted (or, in a dry run, that would be deleted) per program and table."""

    as_of: date
    applied: bool
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(sum(tables.values()) for tables in self.counts.values())


def apply_retention(
    con: duckdb.DuckDBPyConnection,
    *,
    scope: Scope,
    as_of: date | None = None,
    apply: bool = True,
    trigger: str = "manual",
) -> RetentionReport:
    """Returns what expired in the programs `scope` may change; deletes it when `apply`.

    A dry run executes the very same deletes and rolls them back, so its counts are exactly
    what --apply will delete. Applied runs write one `retention` audit entry per program.
    """
    report = RetentionReport(as_of=as_of or date.today(), applied=apply)
    try:
        with transaction(con):
            _expire_all(con, scope, report, trigger)
            if not apply:
                raise _DryRun
    except _DryRun:
        pass
    return report


def run_daily_retention(
    con: duckdb.DuckDBPyConnection, *, today: date | None = None
) -> RetentionReport | None:
    """Applies retention once per day (app start); returns None when it already ran today.

    The last run date lives in settings ('*', retention_last_run). Two sessions starting at
    once race on that row; the loser's transaction conflicts and it simply skips.
    """
    today = today or date.today()
    report = RetentionReport(as_of=today, applied=True)
    scope = Scope(user=SYSTEM_ACTOR, role="admin", programs=None)
    try:
        with transaction(con):
            if _last_run(con) == today.isoformat():
                return None
            _expire_all(con, scope, report, "daily")
            _remember_run(con, today)
    except duckdb.TransactionException:
        return None
    return report


def set_retention_months(
    con: duckdb.DuckDBPyConnection, program_id: str, months: int, *, scope: Scope
) -> None:
    """Sets how many months a program keeps rows after a match ended / a supporter left.

    Admins only: the period is the organisation's data-protection policy, not a threshold.
    Audited as `setting_change` with the old and new value.
    """
    if scope.role != "admin" or scope.programs is not None:
        raise AccessDenied(f"{scope.user} may not change retention periods")
    if not MIN_MONTHS <= months <= MAX_MONTHS:
        raise ValueError(f"retention must be {MIN_MONTHS}..{MAX_MONTHS} months")
    with transaction(con):
        row = con.execute(
            "SELECT retention_months FROM programs WHERE program_id = ?", [program_id]
        ).fetchone()
        if row is None:
            raise ValueError(f"no program {program_id}")
        con.execute(
            "UPDATE programs SET retention_months = ? WHERE program_id = ?", [months, program_id]
        )
        detail = {"key": "retention_months", "old": int(row[0]), "new": months}
        audit.record(con, scope.user, "setting_change", program_id, detail)


def _expire_all(
    con: duckdb.DuckDBPyConnection, scope: Scope, report: RetentionReport, trigger: str
) -> None:
    """Fills report.counts program by program; audits each program when report.applied."""
    for program_id, months in _programs(con, scope):
        counts = _expire_program(con, program_id, months, report.as_of)
        report.counts[program_id] = {t: counts.get(t, 0) for t in TABLES}
        if report.applied:
            detail = {
                "as_of": report.as_of.isoformat(),
                "retention_months": months,
                "trigger": trigger,
                "deleted": report.counts[program_id],
            }
            audit.record(con, scope.user, "retention", program_id, detail)


def _expire_program(
    con: duckdb.DuckDBPyConnection, program_id: str, months: int, as_of: date
) -> Counter[str]:
    params = {"p": program_id, "m": months, "as_of": as_of}
    left = _ids(
        con,
        "SELECT supporter_id FROM supporters WHERE program_id = $p "
        "AND left_on + to_months($m) < $as_of",
        params,
    )
    counts = delete_where(con, program_id, "supporters", "supporter_id", left)
    counts["followups"] += followups.delete_subjects(con, program_id, left)
    counts["followups"] += followups.delete_older(con, program_id, months, as_of)
    ended = _ids(
        con,
        "SELECT match_id FROM matches WHERE program_id = $p AND ended_on + to_months($m) < $as_of",
        params,
    )
    counts += delete_where(con, program_id, "matches", "match_id", ended)
    row = con.execute(
        "DELETE FROM quarantine WHERE program_id = $p AND import_id IN (SELECT import_id "
        "FROM imports WHERE program_id = $p AND started_at + to_months($m) < $as_of)",
        params,
    ).fetchone()
    counts["quarantine"] += int(row[0]) if row else 0
    return counts


def _programs(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[tuple[str, int]]:
    """Returns (program, retention months) of every non-demo program the scope may change."""
    if not scope.can_write:
        return []
    rows = con.execute(
        "SELECT program_id, retention_months FROM programs WHERE NOT is_demo "
        "AND ($programs IS NULL OR program_id IN (SELECT unnest($programs))) ORDER BY program_id",
        {"programs": scope.sql_programs()},
    ).fetchall()
    return [(r[0], int(r[1])) for r in rows]


def _ids(con: duckdb.DuckDBPyConnection, query: str, params: dict) -> list[str]:
    return [r[0] for r in con.execute(query, params).fetchall()]


def _last_run(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute(
        "SELECT value FROM settings WHERE program_id = '*' AND key = ?", [LAST_RUN_KEY]
    ).fetchone()
    return json.loads(row[0]) if row else None


def _remember_run(con: duckdb.DuckDBPyConnection, today: date) -> None:
    con.execute(
        "INSERT OR REPLACE INTO settings (program_id, key, value, updated_at, updated_by) "
        "VALUES ('*', ?, ?, current_timestamp, ?)",
        [LAST_RUN_KEY, json.dumps(today.isoformat()), SYSTEM_ACTOR],
    )

"""The audit log is append-only: no code path updates or deletes its rows, retention included."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb

from dashboard.access import Scope
from dashboard.erasure import erase_subject
from dashboard.retention import apply_retention

PACKAGE = Path(__file__).resolve().parents[2] / "dashboard"
WRITES = re.compile(
    r"(UPDATE|DELETE\s+FROM|TRUNCATE|DROP\s+TABLE|ALTER\s+TABLE)\s+\"?audit_log", re.I
)


def test_no_module_updates_or_deletes_audit_rows() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if WRITES.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_retention_and_erasure_keep_every_audit_entry(con: duckdb.DuckDBPyConnection, put) -> None:
    con.execute("INSERT INTO programs (program_id, retention_months) VALUES ('A', 1)")
    put(con, "supporters", "A", [
        {"supporter_id": "S1", "joined_on": date(2001, 1, 1), "left_on": date(2002, 1, 1),
         "capacity_hours_month": 1},
        {"supporter_id": "S2", "joined_on": date(2001, 1, 1), "capacity_hours_month": 1},
    ])  # fmt: skip
    con.execute(
        "INSERT INTO audit_log (logged_at, actor, action, program_id, detail) "
        "VALUES (TIMESTAMP '2001-01-01 10:00:00', 'kim', 'import', 'A', '{}')"
    )
    apply_retention(con, scope=Scope.local_operator(), as_of=date(2026, 11, 26))
    erase_subject(con, "A", "S2", scope=Scope.local_operator())
    actions = [
        r[0] for r in con.execute("SELECT action FROM audit_log ORDER BY audit_id").fetchall()
    ]
    assert actions == ["import", "retention", "erasure"], "the 25-year-old entry is still there"

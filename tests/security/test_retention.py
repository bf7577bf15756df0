"""Retention deletes exactly what is expired, per program, and nothing in other programs.

Reference date 2026-11-26. Program A keeps 24 months: a date before 2024-11-26 is expired,
2024-11-26 itself is kept. Program B keeps 12 months: before 2025-11-26 is expired.
Expected counts below were worked out by hand from the rows in `world`.
"""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from dashboard.access import Scope
from dashboard.fingerprint import fingerprint
from dashboard.retention import apply_retention, run_daily_retention

AS_OF = date(2026, 11, 26)
D = date.fromisoformat


@pytest.fixture
def con(store_con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The store of each backend (tests/store/backends.py): retention must hold on both."""
    return store_con


@pytest.fixture
def world(con: duckdb.DuckDBPyConnection, put) -> duckdb.DuckDBPyConnection:
    con.execute(
        "INSERT INTO programs (program_id, retention_months, is_demo) VALUES "
        "('A', 24, false), ('B', 12, false), ('demo', 24, true)"
    )
    put(
        con,
        "supporters",
        "A",
        [
            {
                "supporter_id": "S1",
                "joined_on": D("2020-01-01"),
                "left_on": D("2024-11-25"),
                "capacity_hours_month": 4,
            },  # expired by one day
            {
                "supporter_id": "S2",
                "joined_on": D("2020-01-01"),
                "left_on": D("2024-11-26"),
                "capacity_hours_month": 4,
            },  # exactly 24 months: kept
            {"supporter_id": "S3", "joined_on": D("2020-01-01"), "capacity_hours_month": 4},
        ],
    )
    put(
        con,
        "matches",
        "A",
        [
            {
                "match_id": "M1",
                "supporter_id": "S1",
                "seeker_id": "K1",
                "started_on": D("2023-01-01"),
            },
            {
                "match_id": "M2",
                "supporter_id": "S3",
                "seeker_id": "K2",
                "started_on": D("2022-01-01"),
                "ended_on": D("2024-01-31"),
            },  # expired
            {
                "match_id": "M3",
                "supporter_id": "S3",
                "seeker_id": "K3",
                "started_on": D("2022-01-01"),
                "ended_on": D("2025-06-01"),
            },
            {
                "match_id": "M4",
                "supporter_id": "S2",
                "seeker_id": "K4",
                "started_on": D("2022-01-01"),
            },
        ],
    )
    contact = {"contact_date": D("2023-05-01"), "duration_min": 30, "channel": "phone"}
    put(
        con,
        "contacts",
        "A",
        [
            {"contact_id": c, "match_id": m, **contact}
            for c, m in [("C1", "M1"), ("C2", "M1"), ("C3", "M2"), ("C4", "M3"), ("C5", "M4")]
        ],
    )
    put(
        con,
        "checkins",
        "A",
        [
            {"supporter_id": "S1", "checkin_date": D("2024-01-01"), "stress": 3},
            {"supporter_id": "S1", "checkin_date": D("2024-06-01"), "stress": 4},
            {"supporter_id": "S3", "checkin_date": D("2026-01-01"), "stress": 2},
        ],
    )
    put(
        con,
        "trainings",
        "A",
        [
            {"supporter_id": s, "training": "confidentiality", "completed_on": D("2021-01-01")}
            for s in ("S1", "S2")
        ],
    )
    put(con, "supervision", "A", [{"supporter_id": "S1", "session_date": D("2023-03-01")}])
    put(con, "proqol", "A", [{"supporter_id": "S1", "response_date": D("2023-03-01"), "q01": 3}])
    put(
        con,
        "incidents",
        "A",
        [
            {
                "incident_id": "I1",
                "incident_date": D("2023-01-01"),
                "supporter_id": "S1",
                "type": "complaint",
            },
            {"incident_id": "I2", "incident_date": D("2020-01-01"), "type": "other"},  # nobody's
            {
                "incident_id": "I3",
                "incident_date": D("2023-01-01"),
                "supporter_id": "S3",
                "type": "other",
            },
        ],
    )
    put(con, "services", "A", [{"service_id": "SV1", "service_type": "counselling"}])
    put(
        con,
        "supporters",
        "B",
        [
            {
                "supporter_id": "S1",
                "joined_on": D("2020-01-01"),
                "left_on": D("2025-12-01"),
                "capacity_hours_month": 4,
            },  # same code as A's S1, different person, not expired
            {
                "supporter_id": "S9",
                "joined_on": D("2020-01-01"),
                "left_on": D("2025-11-01"),
                "capacity_hours_month": 4,
            },  # expired under B's 12 months
        ],
    )
    put(con, "checkins", "B", [{"supporter_id": "S9", "checkin_date": D("2025-01-01")}])
    put(
        con,
        "supporters",
        "demo",
        [
            {
                "supporter_id": "S1",
                "joined_on": D("2001-01-01"),
                "left_on": D("2010-01-01"),
                "capacity_hours_month": 4,
            },
        ],
    )
    for import_id, program, started in [(1, "A", "2024-01-01"), (2, "A", "2026-01-01")]:
        con.execute(
            "INSERT INTO imports VALUES (?, ?, ?, ?, 'kim', 'partial', false, '[]', 1, 1)",
            [import_id, program, started, started],
        )
    for import_id, line in [(1, 2), (1, 3), (2, 2)]:
        con.execute(
            "INSERT INTO quarantine VALUES (?, 'A', 'supporters', 'supporters.csv', ?, '{}', '[]')",
            [import_id, line],
        )
    return con


EXPECTED_A = {
    "supporters": 1,
    "matches": 2,
    "contacts": 3,
    "checkins": 2,
    "proqol": 1,
    "trainings": 1,
    "supervision": 1,
    "incidents": 1,
    "quarantine": 2,
}
EXPECTED_B = {"supporters": 1, "checkins": 1}


def _nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def _ids(con: duckdb.DuckDBPyConnection, table: str, column: str, program: str) -> list[str]:
    rows = con.execute(
        f'SELECT "{column}" FROM "{table}" WHERE program_id = ? ORDER BY 1', [program]
    ).fetchall()
    return [r[0] for r in rows]


def test_dry_run_counts_and_changes_nothing(world: duckdb.DuckDBPyConnection) -> None:
    before = fingerprint(world)
    report = apply_retention(world, scope=Scope.local_operator(), as_of=AS_OF, apply=False)
    assert _nonzero(report.counts["A"]) == EXPECTED_A
    assert _nonzero(report.counts["B"]) == EXPECTED_B
    assert "demo" not in report.counts
    assert fingerprint(world) == before


def test_apply_deletes_exactly_the_expired_rows(world: duckdb.DuckDBPyConnection) -> None:
    report = apply_retention(world, scope=Scope.local_operator(), as_of=AS_OF)
    assert report.total == sum(EXPECTED_A.values()) + sum(EXPECTED_B.values())
    assert _ids(world, "supporters", "supporter_id", "A") == ["S2", "S3"]
    assert _ids(world, "matches", "match_id", "A") == ["M3", "M4"]
    assert _ids(world, "contacts", "contact_id", "A") == ["C4", "C5"]
    assert _ids(world, "checkins", "supporter_id", "A") == ["S3"]
    assert _ids(world, "trainings", "supporter_id", "A") == ["S2"]
    assert _ids(world, "incidents", "incident_id", "A") == ["I2", "I3"]
    assert _ids(world, "services", "service_id", "A") == ["SV1"]
    assert _ids(world, "supporters", "supporter_id", "B") == ["S1"]
    assert _ids(world, "supporters", "supporter_id", "demo") == ["S1"]
    assert world.execute("SELECT import_id FROM quarantine").fetchall() == [(2,)]


def test_apply_writes_one_audit_entry_per_program_with_counts(
    world: duckdb.DuckDBPyConnection, audit_rows
) -> None:
    apply_retention(world, scope=Scope.local_operator(), as_of=AS_OF)
    entries = audit_rows(world, "retention")
    assert [(actor, program) for actor, program, _ in entries] == [("local", "A"), ("local", "B")]
    detail = json.loads(entries[0][2])
    assert _nonzero(detail["deleted"]) == EXPECTED_A
    assert detail["retention_months"] == 24 and detail["as_of"] == "2026-11-26"


def test_a_coordinator_of_a_expires_only_a_and_a_viewer_nothing(
    world: duckdb.DuckDBPyConnection,
) -> None:
    viewer = Scope("vic", "viewer", frozenset({"A", "B"}))
    assert apply_retention(world, scope=viewer, as_of=AS_OF).total == 0
    coordinator = Scope("kim", "coordinator", frozenset({"A"}))
    report = apply_retention(world, scope=coordinator, as_of=AS_OF)
    assert list(report.counts) == ["A"]
    assert _ids(world, "supporters", "supporter_id", "B") == ["S1", "S9"]


def test_daily_run_applies_once_a_day(world: duckdb.DuckDBPyConnection, audit_rows) -> None:
    first = run_daily_retention(world, today=AS_OF)
    assert first is not None and first.total == 14 + 2
    assert run_daily_retention(world, today=AS_OF) is None
    stored = world.execute(
        "SELECT value FROM settings WHERE program_id = '*' AND key = 'retention_last_run'"
    ).fetchone()
    assert stored is not None and json.loads(stored[0]) == "2026-11-26"
    second = run_daily_retention(world, today=date(2026, 11, 27))
    # one day later S2 (left exactly 24 months before 2026-11-26) has expired too:
    # S2 itself, its match M4, M4's contact C5 and S2's training
    assert second is not None and _nonzero(second.counts["A"]) == {
        "supporters": 1,
        "matches": 1,
        "contacts": 1,
        "trainings": 1,
    }
    assert [a for a, _, _ in audit_rows(world, "retention")] == ["system:retention"] * 4

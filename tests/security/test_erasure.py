"""Erasure and export of one pseudonym: every row about them, in their program only.

Program A: supporter S1 (match M1 with seeker K1, contacts C1 C2, a check-in, an incident);
seeker K2 supported by S2 (M5, contact C5) and S3 (M6, contact C6). Program B has its own S1.
Quarantine holds a rejected row naming K2 (with stray blanks) and one naming K20.
"""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from dashboard.access import AccessDenied, Scope
from dashboard.erasure import erase_subject, export_subject, subject_ref
from dashboard.fingerprint import fingerprint

D = date.fromisoformat
OPERATOR = Scope.local_operator()


@pytest.fixture
def con(store_con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The store of each backend (tests/store/backends.py): erasure must hold on both."""
    return store_con


@pytest.fixture
def world(con: duckdb.DuckDBPyConnection, put) -> duckdb.DuckDBPyConnection:
    con.execute("INSERT INTO programs (program_id) VALUES ('A'), ('B')")
    base = {"joined_on": D("2024-01-01"), "capacity_hours_month": 5}
    put(con, "supporters", "A", [{"supporter_id": s, **base} for s in ("S1", "S2", "S3")])
    put(con, "supporters", "B", [{"supporter_id": "S1", **base}])
    started = {"started_on": D("2025-01-01")}
    put(
        con,
        "matches",
        "A",
        [
            {"match_id": "M1", "supporter_id": "S1", "seeker_id": "K1", **started},
            {"match_id": "M5", "supporter_id": "S2", "seeker_id": "K2", **started},
            {"match_id": "M6", "supporter_id": "S3", "seeker_id": "K2", **started},
        ],
    )
    put(
        con,
        "matches",
        "B",
        [{"match_id": "M1", "supporter_id": "S1", "seeker_id": "K1", **started}],
    )
    contact = {"contact_date": D("2025-02-01"), "duration_min": 45, "channel": "video"}
    put(
        con,
        "contacts",
        "A",
        [
            {"contact_id": c, "match_id": m, **contact}
            for c, m in [("C1", "M1"), ("C2", "M1"), ("C5", "M5"), ("C6", "M6")]
        ],
    )
    put(con, "contacts", "B", [{"contact_id": "C1", "match_id": "M1", **contact}])
    put(
        con, "checkins", "A", [{"supporter_id": "S1", "checkin_date": D("2025-03-01"), "stress": 4}]
    )
    put(
        con,
        "incidents",
        "A",
        [
            {
                "incident_id": "I1",
                "incident_date": D("2025-03-02"),
                "supporter_id": "S1",
                "type": "dependency",
            }
        ],
    )
    for line, seeker in [(4, " K2 "), (5, "K20")]:
        record = json.dumps({"match_id": "M9", "supporter_id": "S2", "seeker_id": seeker})
        con.execute(
            "INSERT INTO quarantine VALUES (7, 'A', 'matches', 'matches.csv', ?, ?, '[]')",
            [line, record],
        )
    return con


def _count(con: duckdb.DuckDBPyConnection, table: str, program: str) -> int:
    row = con.execute(f'SELECT count(*) FROM "{table}" WHERE program_id = ?', [program]).fetchone()
    return int(row[0]) if row else 0


def test_erasing_a_supporter_removes_them_and_what_references_them(
    world: duckdb.DuckDBPyConnection,
) -> None:
    counts = erase_subject(world, "A", "S1", scope=OPERATOR)
    assert {k: v for k, v in counts.items() if v} == {
        "supporters": 1,
        "matches": 1,
        "contacts": 2,
        "checkins": 1,
        "incidents": 1,
    }
    assert _count(world, "supporters", "A") == 2 and _count(world, "contacts", "A") == 2
    assert _count(world, "supporters", "B") == 1 and _count(world, "contacts", "B") == 1


def test_erasing_a_seeker_removes_their_matches_contacts_and_quarantined_rows(
    world: duckdb.DuckDBPyConnection,
) -> None:
    counts = erase_subject(world, "A", "K2", scope=OPERATOR)
    assert {k: v for k, v in counts.items() if v} == {"matches": 2, "contacts": 2, "quarantine": 1}
    assert world.execute("SELECT match_id FROM matches WHERE program_id = 'A'").fetchall() == [
        ("M1",)
    ]
    assert _count(world, "supporters", "A") == 3, "the supporters stay"
    assert world.execute("SELECT line FROM quarantine").fetchall() == [(5,)]


def test_erasure_is_audited_by_reference_never_by_pseudonym(
    world: duckdb.DuckDBPyConnection, audit_rows
) -> None:
    erase_subject(world, "A", "K2", scope=OPERATOR)
    [(actor, program, detail)] = audit_rows(world, "erasure")
    assert (actor, program) == ("local", "A")
    assert json.loads(detail)["subject_ref"] == subject_ref(world, "A", "K2")
    assert "K2" not in detail


def test_dry_run_counts_without_changing_anything(world: duckdb.DuckDBPyConnection) -> None:
    before = fingerprint(world)
    counts = erase_subject(world, "A", "S1", scope=OPERATOR, apply=False)
    assert counts["contacts"] == 2
    assert fingerprint(world) == before


def test_export_holds_every_row_about_the_seeker(
    world: duckdb.DuckDBPyConnection, audit_rows
) -> None:
    document = export_subject(world, "A", "K2", scope=OPERATOR)
    tables = document["tables"]
    assert sorted(tables) == ["contacts", "matches", "quarantine"]
    assert sorted(m["match_id"] for m in tables["matches"]) == ["M5", "M6"]
    assert sorted(c["contact_id"] for c in tables["contacts"]) == ["C5", "C6"]
    assert [q["line"] for q in tables["quarantine"]] == [4]
    json.dumps(document, default=str)  # the CLI writes it as JSON
    [(_, program, detail)] = audit_rows(world, "subject_export")
    assert program == "A" and json.loads(detail)["rows"] == {
        "contacts": 2,
        "matches": 2,
        "quarantine": 1,
    }


def test_export_of_a_supporter_includes_their_matches_contacts_checkins_incidents(
    world: duckdb.DuckDBPyConnection,
) -> None:
    tables = export_subject(world, "A", "S1", scope=OPERATOR)["tables"]
    assert {t: len(rows) for t, rows in tables.items()} == {
        "supporters": 1,
        "matches": 1,
        "contacts": 2,
        "checkins": 1,
        "incidents": 1,
    }


@pytest.mark.parametrize(
    "scope",
    [Scope("kim", "coordinator", frozenset({"B"})), Scope("vic", "viewer", frozenset({"A"}))],
)
def test_others_cannot_erase_or_export(world: duckdb.DuckDBPyConnection, scope: Scope) -> None:
    before = fingerprint(world)
    with pytest.raises(AccessDenied):
        erase_subject(world, "A", "S1", scope=scope)
    with pytest.raises(AccessDenied):
        export_subject(world, "A", "S1", scope=scope)
    assert fingerprint(world) == before


def test_every_table_that_can_hold_a_pseudonym_is_covered(con: duckdb.DuckDBPyConnection) -> None:
    """A new table with a person column must be added to erasure, export and retention first."""
    from schemas import EXPORTS

    person_columns = ("supporter_id", "seeker_id", "match_id", "contact_id", "subject_id")
    rows = con.execute(
        "SELECT DISTINCT table_name FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND column_name IN (SELECT unnest(?))",
        [list(person_columns)],
    ).fetchall()
    covered = {*EXPORTS, "followups"}  # dashboard.followups.store: export, erasure, retention
    uncovered = sorted({r[0] for r in rows} - covered)
    assert uncovered == [], "extend dashboard/erasure.py, cascade.py and retention.py"

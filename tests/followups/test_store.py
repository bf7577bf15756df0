"""Follow-ups as data: snapshot of the signal, note guard, scope, audit, cache version, GDPR."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from dashboard.access import AccessDenied, Scope
from dashboard.erasure import erase_subject, export_subject
from dashboard.followups import FollowupError, build, store
from dashboard.followups.record import record
from dashboard.retention import apply_retention
from dashboard.views.common import data_version

from .conftest import OPERATOR

D = date.fromisoformat
AS_OF = D("2026-11-20")  # the demo's as-of: S-OVERLOAD P03 high, 15.17 h against 14 h
COORD_A = Scope("ana", "coordinator", frozenset({"demo"}))
COORD_B = Scope("kim", "coordinator", frozenset({"B"}))
VIEWER = Scope("vic", "viewer", frozenset({"demo"}))


def _overload(con: duckdb.DuckDBPyConnection, scope: Scope = COORD_A, **kw: object) -> int:
    fields = {"action": "supervision_talk", "status": "done", **kw}
    return record(
        con, scope=scope, program_id="demo", signal_id="S-OVERLOAD", subject_id="P03", **fields
    )


def test_a_followup_keeps_the_signal_as_it_stood_and_who_wrote_it(demo_con) -> None:
    new_id = _overload(demo_con, review=D("2026-12-18"), note="talked about limits")
    [row] = store.list_for(demo_con, "demo", scope=COORD_A)
    assert row["followup_id"] == new_id
    assert (row["severity"], row["value"], row["threshold"]) == ("high", 15.17, 14.0)
    assert (row["happened_on"], row["review_on"]) == (AS_OF, D("2026-12-18"))
    assert (row["written_by"], row["note"], row["subject_type"]) == (
        "ana",
        "talked about limits",
        "supporter",
    )


def test_a_signal_that_does_not_fire_is_refused(demo_con) -> None:
    with pytest.raises(FollowupError) as err:
        record(
            demo_con, scope=COORD_A, program_id="demo", signal_id="S-OVERLOAD",
            subject_id="P01", action="other", status="done",
        )  # fmt: skip
    assert err.value.key == "followup.err.no_signal"
    assert store.list_for(demo_con, "demo", scope=COORD_A) == []


@pytest.mark.parametrize(
    "note",
    ["call her on 0170 123 45 67", "mail kim@example.org", "tel +49-1701234567", "x" * 281],
)
def test_notes_with_contact_details_or_too_long_are_refused(demo_con, note: str) -> None:
    with pytest.raises(FollowupError) as err:
        _overload(demo_con, note=note)
    assert err.value.key in ("followup.err.note_identifier", "followup.err.note_long")
    assert store.list_for(demo_con, "demo", scope=COORD_A) == []


def test_a_plain_note_with_a_date_passes() -> None:
    fu = build(
        program_id="p", signal_id="S-ASKED", subject_type="supporter", subject_id="P1",
        action="intervision", status="planned", happened_on=AS_OF, severity="medium",
        note="intervision group on 2026-12-01, 2 sessions",
    )  # fmt: skip
    assert fu.note == "intervision group on 2026-12-01, 2 sessions"


def test_vocabularies_and_review_order_are_checked() -> None:
    base = {
        "program_id": "p", "signal_id": "S-ASKED", "subject_type": "supporter",
        "subject_id": "P1", "happened_on": AS_OF, "severity": "medium",
    }  # fmt: skip
    for bad, key in [
        ({"action": "phoned", "status": "done"}, "followup.err.action"),
        ({"action": "other", "status": "closed"}, "followup.err.status"),
        ({"action": "other", "status": "done", "review_on": D("2026-11-19")},
         "followup.err.review_before"),
    ]:  # fmt: skip
        with pytest.raises(FollowupError) as err:
            build(**base, **bad)
        assert err.value.key == key


def test_coordinator_of_another_program_cannot_read_write_or_remove(demo_con) -> None:
    new_id = _overload(demo_con)
    with pytest.raises(AccessDenied):
        _overload(demo_con, scope=COORD_B)
    with pytest.raises(AccessDenied):
        store.list_for(demo_con, "demo", scope=COORD_B)
    with pytest.raises(FollowupError):
        store.remove(demo_con, new_id, scope=COORD_B)
    with pytest.raises(FollowupError):
        store.get(demo_con, new_id, scope=COORD_B)
    assert len(store.list_for(demo_con, "demo", scope=OPERATOR)) == 1


def test_a_viewer_reads_but_cannot_write_or_remove(demo_con) -> None:
    new_id = _overload(demo_con)
    assert [r["followup_id"] for r in store.list_for(demo_con, "demo", scope=VIEWER)] == [new_id]
    with pytest.raises(AccessDenied):
        _overload(demo_con, scope=VIEWER)
    with pytest.raises(AccessDenied):
        store.remove(demo_con, new_id, scope=VIEWER)
    assert len(store.list_for(demo_con, "demo", scope=OPERATOR)) == 1


def test_writes_are_audited_without_the_note_and_change_the_data_version(demo_con) -> None:
    before = data_version(demo_con)
    new_id = _overload(demo_con, note="talked about limits")
    added = data_version(demo_con)
    store.remove(demo_con, new_id, scope=COORD_A)
    assert len({before, added, data_version(demo_con)}) == 3
    rows = demo_con.execute(
        "SELECT actor, program_id, detail::VARCHAR FROM audit_log WHERE action = 'followup' "
        "ORDER BY audit_id"
    ).fetchall()
    assert [(a, p, json.loads(d)["op"]) for a, p, d in rows] == [
        ("ana", "demo", "add"),
        ("ana", "demo", "remove"),
    ]
    assert all("limits" not in d for _, _, d in rows)


def _tiny(con: duckdb.DuckDBPyConnection) -> None:
    """Program A: S1 left in 2020, S2 active; a follow-up each, and an old one for S2."""
    con.execute("INSERT INTO programs (program_id) VALUES ('A')")
    con.execute(
        "INSERT INTO supporters (program_id, supporter_id, joined_on, left_on, "
        "capacity_hours_month, import_id) VALUES ('A', 'S1', '2019-01-01', '2020-01-31', 4, 1), "
        "('A', 'S2', '2019-01-01', NULL, 4, 1)"
    )
    for subject, on in [("S1", "2026-10-01"), ("S2", "2026-10-01"), ("S2", "2023-01-10")]:
        fu = build(
            program_id="A", signal_id="S-ASKED", subject_type="supporter", subject_id=subject,
            action="supervision_talk", status="done", happened_on=D(on), severity="medium",
            value=True,
        )  # fmt: skip
        store.add(con, fu, scope=OPERATOR)


def test_subject_export_and_erasure_include_followups(con) -> None:
    _tiny(con)
    exported = export_subject(con, "A", "S2", scope=OPERATOR)
    assert [r["happened_on"] for r in exported["tables"]["followups"]] == [
        D("2023-01-10"),
        D("2026-10-01"),
    ]
    assert erase_subject(con, "A", "S2", scope=OPERATOR)["followups"] == 2
    assert [r["subject_id"] for r in store.list_for(con, "A", scope=OPERATOR)] == ["S1"]


def test_retention_deletes_followups_of_gone_supporters_and_old_ones(con) -> None:
    _tiny(con)  # retention 24 months: S1 left 2020 -> gone; S2's 2023 follow-up is too old
    report = apply_retention(con, scope=OPERATOR, as_of=AS_OF)
    assert report.counts["A"]["followups"] == 2
    assert [
        (r["subject_id"], r["happened_on"]) for r in store.list_for(con, "A", scope=OPERATOR)
    ] == [("S2", D("2026-10-01"))]

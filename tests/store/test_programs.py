"""Programs as admins manage them: create, rename, archive (read-only), delete with a typed
confirmation; every change audited; coordinators list only theirs."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dashboard import db, programs, settings
from dashboard.access import AccessDenied, Scope
from dashboard.ingest import Upload, import_uploads, remove_import

ADMIN = Scope("ada", "admin", None)
KIM = Scope("kim", "coordinator", frozenset({"berlin"}))
SUPPORTERS = b"supporter_id,joined_on,capacity_hours_month\nS01,2026-01-05,8\nS02,2026-02-01,10\n"


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return db.connect(tmp_path / "programs.duckdb")


def _audit(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT actor, program_id, detail->>'change' FROM audit_log"
        " WHERE action = 'program_change' ORDER BY audit_id"
    ).fetchall()


def test_create_rename_archive_and_list(con: duckdb.DuckDBPyConnection) -> None:
    created = programs.create_program(con, "berlin", "  Peer  Berlin ", "de", scope=ADMIN)
    assert (created.program_id, created.display_name, created.archived) == (
        "berlin",
        "Peer Berlin",
        False,
    )
    assert settings.get_program_setting(con, "berlin", "language") == "de"
    programs.create_program(con, "hamburg", "", "en", scope=ADMIN)
    programs.rename_program(con, "berlin", "Peer Support Berlin", scope=ADMIN)
    programs.set_archived(con, "hamburg", True, scope=ADMIN)
    listed = {(p.program_id, p.display_name, p.archived) for p in programs.list_programs(
        con, scope=ADMIN
    )}  # fmt: skip
    assert listed == {("berlin", "Peer Support Berlin", False), ("hamburg", "hamburg", True)}
    assert [p.program_id for p in programs.list_programs(con, scope=KIM)] == ["berlin"]
    assert _audit(con) == [
        ("ada", "berlin", "create"),
        ("ada", "hamburg", "create"),
        ("ada", "berlin", "rename"),
        ("ada", "hamburg", "archive"),
    ]


@pytest.mark.parametrize(
    ("pid", "name", "code"),
    [("bad id", "x", "bad_id"), ("", "x", "bad_id"), ("ok", "n" * 81, "bad_name")],
)
def test_bad_ids_and_names_are_refused(
    con: duckdb.DuckDBPyConnection, pid: str, name: str, code: str
) -> None:
    with pytest.raises(programs.ProgramError) as refused:
        programs.create_program(con, pid, name, "en", scope=ADMIN)
    assert refused.value.code == code
    assert con.execute("SELECT count(*) FROM programs").fetchone() == (0,)


def test_only_admins_manage_programs(con: duckdb.DuckDBPyConnection) -> None:
    programs.create_program(con, "berlin", "", "en", scope=ADMIN)
    for change in (
        lambda: programs.create_program(con, "x", "", "en", scope=KIM),
        lambda: programs.rename_program(con, "berlin", "mine", scope=KIM),
        lambda: programs.set_archived(con, "berlin", True, scope=KIM),
        lambda: programs.delete_program(con, "berlin", "berlin", scope=KIM),
    ):
        with pytest.raises(AccessDenied):
            change()
    assert _audit(con) == [("ada", "berlin", "create")]


def test_an_archived_program_refuses_imports_removals_and_settings(
    con: duckdb.DuckDBPyConnection,
) -> None:
    programs.create_program(con, "berlin", "", "en", scope=ADMIN)
    report = import_uploads(con, "berlin", [Upload("supporters.csv", SUPPORTERS)], scope=KIM)
    assert report.committed
    programs.set_archived(con, "berlin", True, scope=ADMIN)
    refusals = (
        lambda: import_uploads(con, "berlin", [Upload("supporters.csv", SUPPORTERS)], scope=KIM),
        lambda: remove_import(con, report.import_id, scope=KIM),
        lambda: settings.set_threshold(con, "berlin", "S-OVERLOAD.ratio_medium", 1.5, scope=KIM),
        lambda: settings.set_program_setting(con, "berlin", "language", "de", scope=KIM),
    )
    for refused in refusals:
        with pytest.raises(AccessDenied, match="archived"):
            refused()
    assert con.execute("SELECT count(*) FROM supporters").fetchone() == (2,)  # still readable
    programs.set_archived(con, "berlin", False, scope=ADMIN)
    remove_import(con, report.import_id, scope=KIM)
    assert con.execute("SELECT count(*) FROM supporters").fetchone() == (0,)


def test_delete_needs_the_typed_id_and_removes_everything_but_the_audit(
    con: duckdb.DuckDBPyConnection,
) -> None:
    programs.create_program(con, "berlin", "", "en", scope=ADMIN)
    programs.create_program(con, "hamburg", "", "en", scope=ADMIN)
    for pid in ("berlin", "hamburg"):
        import_uploads(con, pid, [Upload("supporters.csv", SUPPORTERS)], scope=ADMIN)
    con.execute("INSERT INTO user_programs VALUES ('kim', 'berlin')")
    with pytest.raises(programs.ProgramError) as wrong:
        programs.delete_program(con, "berlin", "berlim", scope=ADMIN)
    assert wrong.value.code == "confirm"
    counts = programs.delete_program(con, "berlin", "berlin", scope=ADMIN)
    # 2 supporters + 1 import + 1 language setting + 1 assignment
    assert (counts["supporters"], counts["imports"], counts["settings"]) == (2, 1, 1)
    assert counts["user_programs"] == 1
    left = con.execute("SELECT DISTINCT program_id FROM supporters").fetchall()
    assert left == [("hamburg",)]
    assert con.execute("SELECT program_id FROM programs").fetchall() == [("hamburg",)]
    assert ("ada", "berlin", "delete") in _audit(con)
    assert con.execute(
        "SELECT count(*) FROM audit_log WHERE program_id = 'berlin' AND action = 'import'"
    ).fetchone() == (1,)  # the history of what happened stays

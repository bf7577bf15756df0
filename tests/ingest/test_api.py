"""The importer's public API on canonical files: what lands in the store, what the report says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import AccessDenied, Scope
from dashboard.ingest import (
    Upload,
    import_paths,
    import_uploads,
    list_imports,
    remove_import,
    validate_uploads,
)
from dashboard.ingest.limits import set_limit

FILES = Path(__file__).parent / "files"
CANONICAL = FILES / "canonical"
LOCAL = Scope.local_operator()


@pytest.fixture()
def con(tmp_path: Path):
    connection = db.connect(tmp_path / "store.duckdb")
    yield connection
    connection.close()


def test_canonical_folder_commits_every_row_typed(con) -> None:
    report = import_paths(con, "p1", [CANONICAL], scope=LOCAL)

    assert (report.exit_code, report.committed, report.errors) == (0, True, [])
    assert {f.export: (f.rows_read, f.rows_valid) for f in report.files} == {
        "supporters": (2, 2), "matches": (2, 2), "contacts": (2, 2),
    }  # fmt: skip
    supporter = con.execute(
        "SELECT supporter_id, joined_on, left_on, capacity_hours_month, own_process_stage, "
        "self_help_group_experience, languages, trigger_topics, import_id "
        "FROM supporters WHERE program_id = 'p1' ORDER BY 1"
    ).fetchall()
    assert supporter == [
        ("S01", date(2025, 1, 10), None, 10.0, "early", True, ["de", "en"], None, 1),
        ("S02", date(2025, 2, 1), date(2025, 12, 1), 8.5, "experienced", False, ["fa"],
         ["suicidality", "housing"], 1),
    ]  # fmt: skip
    contact = con.execute(
        "SELECT contact_id, match_id, duration_min, outside_agreed_hours, topics, crisis, "
        "referral_needed FROM contacts ORDER BY 1"
    ).fetchall()
    assert contact == [
        ("C01", "M01", 60, False, ["coming_out", "identity"], False, None),
        ("C02", "M02", 30, True, ["housing"], True, ["counselling"]),
    ]
    assert con.execute("SELECT program_id, is_demo FROM programs").fetchall() == [("p1", False)]


def test_import_is_listed_with_files_and_checksums(con) -> None:
    report = import_paths(con, "p1", [CANONICAL / "supporters.csv"], scope=LOCAL)
    (entry,) = list_imports(con, scope=LOCAL)
    assert entry["import_id"] == report.import_id
    assert entry["status"] == "committed"
    assert entry["rows_valid"] == 2
    (file,) = entry["files"]
    assert file["file"] == "supporters.csv"
    assert file["export"] == "supporters"
    assert len(file["sha256"]) == 64
    assert list_imports(con, scope=Scope("v", "viewer", frozenset({"other"}))) == []


def test_dry_run_writes_nothing(con) -> None:
    uploads = [Upload.from_path(p) for p in sorted(CANONICAL.glob("*.csv"))]
    report = validate_uploads(con, "p1", uploads, scope=LOCAL)
    assert (report.exit_code, report.committed) == (0, False)
    assert con.execute("SELECT count(*) FROM supporters").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM imports").fetchone() == (0,)


def test_reupload_replaces_rows_by_key(con) -> None:
    import_paths(con, "p1", [CANONICAL / "supporters.csv"], scope=LOCAL)
    changed = b"supporter_id,joined_on,capacity_hours_month\nS01,2025-01-10,20\n"
    report = import_uploads(con, "p1", [Upload("supporters.csv", changed)], scope=LOCAL)
    assert report.exit_code == 0
    rows = con.execute(
        "SELECT supporter_id, capacity_hours_month, languages, import_id FROM supporters ORDER BY 1"
    ).fetchall()
    assert rows == [("S01", 20.0, None, report.import_id), ("S02", 8.5, ["fa"], 1)]


def test_remove_import_deletes_its_rows_and_is_audited(con) -> None:
    first = import_paths(con, "p1", [CANONICAL / "supporters.csv"], scope=LOCAL)
    removed = remove_import(con, first.import_id, scope=LOCAL, actor="tester")
    assert removed["supporters"] == 2
    assert con.execute("SELECT count(*) FROM supporters").fetchone() == (0,)
    assert list_imports(con, scope=LOCAL)[0]["status"] == "removed"
    actions = con.execute("SELECT actor, action FROM audit_log ORDER BY audit_id").fetchall()
    assert actions == [("local", "import"), ("tester", "removal")]


def test_scope_without_write_access_is_refused(con) -> None:
    viewer = Scope("v", "viewer", frozenset({"p1"}))
    with pytest.raises(AccessDenied):
        import_paths(con, "p1", [CANONICAL], scope=viewer)
    outsider = Scope("c", "coordinator", frozenset({"p2"}))
    with pytest.raises(AccessDenied):
        import_paths(con, "p1", [CANONICAL], scope=outsider)
    assert con.execute("SELECT count(*) FROM programs").fetchone() == (0,)


def test_no_staging_table_is_left_behind(con) -> None:
    import_paths(con, "p1", [CANONICAL], scope=LOCAL)
    leftovers = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%ingest%'"
    ).fetchall()
    assert leftovers == []


def test_two_files_of_one_export_are_checked_together(con) -> None:
    first = Upload(
        "contacts_2025.csv", b"supporter_id,joined_on,capacity_hours_month\nS1,2025-01-01,5\n"
    )
    second = Upload("more.csv", b"supporter_id,joined_on,capacity_hours_month\nS1,2025-02-01,6\n")
    report = validate_uploads(con, "p", [first, second], scope=LOCAL)
    assert [(e.file, e.line, e.code) for e in report.errors] == [("more.csv", 2, "duplicate_key")]
    assert "contacts_2025.csv, line 2" in report.errors[0].text("en")


def test_key_with_an_empty_part_is_replaced_not_duplicated(con) -> None:
    supporters = Upload(
        "supporters.csv", b"supporter_id,joined_on,capacity_hours_month\nS1,2025-01-01,5\n"
    )
    session = b"supporter_id,session_date,format,facilitator\nS1,2025-03-01,,peer_lead\n"
    import_uploads(con, "p", [supporters, Upload("supervision.csv", session)], scope=LOCAL)
    again = session.replace(b"peer_lead", b"professional")
    report = import_uploads(con, "p", [Upload("supervision.csv", again)], scope=LOCAL)
    assert report.exit_code == 0
    rows = con.execute("SELECT format, facilitator FROM supervision").fetchall()
    assert rows == [(None, "professional")]


def test_upload_limits_refuse_before_parsing(con) -> None:
    set_limit(con, "upload_max_rows", 2, scope=LOCAL)
    body = b"supporter_id,joined_on,capacity_hours_month\nS1,2025-01-01,5\nS2,2025-01-01,5\n"
    report = import_uploads(con, "p", [Upload("supporters.csv", body)], scope=LOCAL)
    assert [(e.line, e.code) for e in report.errors] == [(0, "too_many_rows")]
    assert (report.exit_code, report.committed) == (2, False)
    set_limit(con, "upload_max_files", 1, scope=LOCAL)
    with pytest.raises(ValueError, match="upload_max_files"):
        import_uploads(con, "p", [Upload("a.csv", body), Upload("b.csv", body)], scope=LOCAL)

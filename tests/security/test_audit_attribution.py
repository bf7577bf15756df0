"""Audit entries name who acted: a caller that passes no actor is attributed to its scope's
user, never to a generic "local"."""

from __future__ import annotations

from pathlib import Path

from dashboard import settings
from dashboard.access import Scope
from dashboard.ingest import Upload, import_paths, import_uploads, remove_import

CANONICAL = Path(__file__).resolve().parents[1] / "ingest" / "files" / "canonical"
KIM = Scope(user="kim", role="coordinator", programs=frozenset({"A"}))


def _uploads() -> list[Upload]:
    return [Upload.from_path(p) for p in sorted(CANONICAL.glob("*.csv"))]


def test_an_import_without_imported_by_is_recorded_as_the_scope_user(con, audit_rows) -> None:
    report = import_uploads(con, "A", _uploads(), scope=KIM)

    assert report.committed
    assert [(a, p) for a, p, _ in audit_rows(con, "import")] == [("kim", "A")]
    who = con.execute("SELECT imported_by FROM imports WHERE import_id = ?", [report.import_id])
    assert who.fetchall() == [("kim",)]


def test_import_paths_and_removal_are_attributed_to_the_scope_user(con, audit_rows) -> None:
    report = import_paths(con, "A", [CANONICAL], scope=KIM)
    remove_import(con, report.import_id, scope=KIM)

    assert [a for a, _, _ in audit_rows(con, "import")] == ["kim"]
    assert [(a, p) for a, p, _ in audit_rows(con, "removal")] == [("kim", "A")]


def test_an_explicit_actor_still_wins(con, audit_rows) -> None:
    import_uploads(con, "A", _uploads(), scope=KIM, imported_by="demo")

    assert [a for a, _, _ in audit_rows(con, "import")] == ["demo"]


def test_setting_changes_without_actor_name_the_scope_user(con, audit_rows) -> None:
    key = next(iter(settings.threshold_keys()))
    default = next(v.default for v in settings.thresholds(con, "A") if v.key == key)
    settings.set_threshold(con, "A", key, default, scope=KIM)
    settings.reset_threshold(con, "A", key, scope=KIM)
    settings.set_program_setting(con, "A", "language", "de", scope=KIM)

    assert [(a, p) for a, p, _ in audit_rows(con, "threshold_change")] == [("kim", "A")] * 2
    assert [(a, p) for a, p, _ in audit_rows(con, "setting_change")] == [("kim", "A")]
    stored = con.execute("SELECT key, updated_by FROM settings WHERE program_id = 'A'")
    assert stored.fetchall() == [("language", "kim")]

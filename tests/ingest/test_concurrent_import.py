"""Two imports into one program at the same moment: the later one checks again and commits
once more, or reports `concurrent_import`; it never raises and never writes a key twice.

The race is staged deterministically: the import's transaction takes its snapshot, then a
whole competing import runs and commits on another cursor, then the import goes on writing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.ingest import ImportReport, Upload, import_uploads
from dashboard.ingest import commit as commit_module
from dashboard.transaction import transaction
from schemas import EXPORTS

CANONICAL = Path(__file__).parent / "files" / "canonical"
LOCAL = Scope.local_operator()


def _uploads(*names: str) -> list[Upload]:
    return [Upload.from_path(CANONICAL / f"{name}.csv") for name in names]


ALL = ("supporters", "matches", "contacts")


@pytest.fixture()
def con(store_con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The store of each backend (tests/store/backends.py): the races must end alike on both."""
    return store_con


@pytest.fixture()
def races(monkeypatch: pytest.MonkeyPatch) -> list[Callable[[], object]]:
    """Competing imports: each runs inside the next import transaction, after its snapshot."""
    pending: list[Callable[[], object]] = []
    running: list[bool] = []  # a competitor's own transaction is not raced

    @contextmanager
    def racing(cur: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
        with transaction(cur):
            cur.execute("SELECT count(*) FROM programs")  # DuckDB takes the snapshot here
            if pending and not running:
                running.append(True)
                try:
                    pending.pop(0)()
                finally:
                    running.clear()
            yield cur

    monkeypatch.setattr(commit_module, "transaction", racing)
    return pending


def _competitor(con: duckdb.DuckDBPyConnection, program: str, names: tuple[str, ...], out: list):
    def run() -> None:
        out.append(import_uploads(con, program, _uploads(*names), scope=LOCAL, imported_by="rival"))

    return run


def _contents(con: duckdb.DuckDBPyConnection, program: str) -> dict[str, list[tuple]]:
    """Every stored row of `program` without its import id, sorted."""
    found = {}
    for name, spec in EXPORTS.items():
        cols = ", ".join(f'"{c.name}"' for c in spec.columns)
        rows = con.execute(f'SELECT {cols} FROM "{name}" WHERE program_id = ?', [program])
        found[name] = sorted(rows.fetchall(), key=repr)
    return found


def _serial(tmp_path: Path, program: str, *batches: tuple[str, ...]) -> dict[str, list[tuple]]:
    """The contents after importing `batches` one after the other into a fresh store."""
    other = db.connect(tmp_path / "serial.duckdb")
    try:
        for names in batches:
            assert import_uploads(other, program, _uploads(*names), scope=LOCAL).committed
        return _contents(other, program)
    finally:
        other.close()


def _committed_imports(con: duckdb.DuckDBPyConnection, program: str) -> list[tuple]:
    return con.execute(
        "SELECT imported_by FROM imports WHERE program_id = ? AND status = 'committed' "
        "ORDER BY import_id",
        [program],
    ).fetchall()


def test_a_replacing_import_that_loses_the_race_checks_again_and_commits(
    con, races, tmp_path
) -> None:
    import_uploads(con, "A", _uploads(*ALL), scope=LOCAL, imported_by="first")
    rival: list[ImportReport] = []
    races.append(_competitor(con, "A", ALL, rival))

    report = import_uploads(con, "A", _uploads(*ALL), scope=LOCAL, imported_by="me")

    assert rival[0].committed and report.committed and report.exit_code == 0
    assert report.errors == []
    assert _committed_imports(con, "A") == [("first",), ("rival",), ("me",)]
    assert _contents(con, "A") == _serial(tmp_path, "A", ALL, ALL, ALL)
    rows = con.execute("SELECT count(*) FROM supporters WHERE program_id = 'A'").fetchone()
    assert rows == (2,), "each supporter once"


def test_new_keys_written_at_the_same_moment_are_stored_once(con, races, tmp_path) -> None:
    # The program exists, but neither import replaces a stored row: without the program
    # claim both would insert M01 and M02 without ever touching the same row.
    import_uploads(con, "A", _uploads("supporters"), scope=LOCAL)
    rival: list[ImportReport] = []
    races.append(_competitor(con, "A", ("matches",), rival))

    report = import_uploads(con, "A", _uploads("matches"), scope=LOCAL, imported_by="me")

    assert rival[0].committed and report.committed
    matches = con.execute(
        "SELECT match_id, count(*) FROM matches WHERE program_id = 'A' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert matches == [("M01", 1), ("M02", 1)]
    assert _contents(con, "A") == _serial(tmp_path, "A", ("supporters",), ("matches",))


def test_a_new_program_created_by_two_imports_at_once(con, races, tmp_path) -> None:
    rival: list[ImportReport] = []
    races.append(_competitor(con, "N", ALL, rival))

    report = import_uploads(con, "N", _uploads(*ALL), scope=LOCAL, imported_by="me")

    assert rival[0].committed and report.committed
    assert con.execute("SELECT program_id, is_demo FROM programs").fetchall() == [("N", False)]
    assert _contents(con, "N") == _serial(tmp_path, "N", ALL)
    assert _committed_imports(con, "N") == [("rival",), ("me",)]


def test_losing_twice_reports_concurrent_import_and_writes_nothing(con, races, tmp_path) -> None:
    import_uploads(con, "A", _uploads(*ALL), scope=LOCAL, imported_by="first")
    rival: list[ImportReport] = []
    races.extend([_competitor(con, "A", ALL, rival), _competitor(con, "A", ALL, rival)])

    report = import_uploads(con, "A", _uploads(*ALL), scope=LOCAL, imported_by="me")

    assert [r.committed for r in rival] == [True, True]
    assert (report.committed, report.unusable, report.import_id) == (False, True, None)
    assert report.exit_code == 2
    error = report.errors[0]
    assert (error.code, error.line) == ("concurrent_import", 0)
    assert error.text("en") == (
        "Another import into this program finished at the same moment; nothing was "
        "committed. Please upload again."
    )
    assert "nichts wurde übernommen" in error.text("de")
    assert _committed_imports(con, "A") == [("first",), ("rival",), ("rival",)]
    audited = con.execute("SELECT count(*) FROM audit_log WHERE actor = 'me'").fetchone()
    assert audited == (0,), "no audit entry for an import that did not happen"
    assert _contents(con, "A") == _serial(tmp_path, "A", ALL)


def test_the_program_claim_leaves_the_demo_flag_as_it_was(con) -> None:
    import_uploads(con, "demo-like", _uploads(*ALL), scope=LOCAL, is_demo=True)
    import_uploads(con, "demo-like", _uploads(*ALL), scope=LOCAL, is_demo=True)
    import_uploads(con, "real", _uploads(*ALL), scope=LOCAL)

    flags = con.execute("SELECT program_id, is_demo FROM programs ORDER BY 1").fetchall()
    assert flags == [("demo-like", True), ("real", False)]

"""Concurrent imports and readers on one DuckDB file: never a half import, never a silent loss.

Design under test: one process owns the file read-write (DuckDB allows one writing process);
inside it, threads share one connection with a cursor each, and every import is one
transaction (MVCC: readers see the state before or after it, nothing in between).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.fingerprint import fingerprint
from dashboard.ingest import ImportReport, Upload, import_uploads
from dashboard.sample import generate
from schemas import EXPORTS

ROOT = Path(__file__).resolve().parents[2]
OPERATOR = Scope.local_operator()


@pytest.fixture(scope="module")
def uploads(tmp_path_factory: pytest.TempPathFactory) -> list[Upload]:
    folder = tmp_path_factory.mktemp("concurrency")
    generate(folder, 40, 5)
    return [Upload.from_path(p) for p in sorted(folder.glob("*.csv"))]


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = db.connect(tmp_path / "shared.duckdb")
    yield connection
    connection.close()


def _cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    cur = con.cursor()
    cur.execute(f"USE {db.STORE}")  # a new cursor starts in the in-memory catalog
    return cur


def _import_in_thread(
    con: duckdb.DuckDBPyConnection, program: str, uploads: list[Upload], out: dict
) -> threading.Thread:
    def work() -> None:
        cur = _cursor(con)
        try:
            out[program, threading.get_ident()] = import_uploads(
                cur, program, uploads, scope=OPERATOR, imported_by=program
            )
        except Exception as exc:  # noqa: BLE001 - kept so the test can show it
            out[program, threading.get_ident()] = exc
        finally:
            cur.close()

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def _rows(con: duckdb.DuckDBPyConnection, program: str) -> dict[str, int]:
    counts = {}
    for name in EXPORTS:
        row = con.execute(
            f'SELECT count(*) FROM "{name}" WHERE program_id = ?', [program]
        ).fetchone()
        counts[name] = int(row[0]) if row else 0
    return counts


def _contents(con: duckdb.DuckDBPyConnection, program: str) -> dict[str, list[tuple]]:
    """Every stored row of `program` without its import id, sorted."""
    found = {}
    for name, spec in EXPORTS.items():
        cols = ", ".join(f'"{c.name}"' for c in spec.columns)
        rows = con.execute(f'SELECT {cols} FROM "{name}" WHERE program_id = ?', [program])
        found[name] = sorted(rows.fetchall(), key=repr)
    return found


def _expected(uploads: list[Upload]) -> dict[str, int]:
    """Rows per table one import of `uploads` writes (data lines of each file)."""
    return {u.name.removesuffix(".csv"): u.data.count(b"\n") - 1 for u in uploads}


def test_two_threads_import_into_two_programs_at_once(
    con: duckdb.DuckDBPyConnection, uploads: list[Upload]
) -> None:
    results: dict = {}
    threads = [_import_in_thread(con, p, uploads, results) for p in ("A", "B")]
    for thread in threads:
        thread.join(timeout=120)
    assert all(isinstance(r, ImportReport) and r.committed for r in results.values()), results
    expected = _expected(uploads)
    for program in ("A", "B"):
        assert {k: v for k, v in _rows(con, program).items() if k in expected} == expected


def test_two_threads_importing_the_same_program_never_half_commit(
    con: duckdb.DuckDBPyConnection, uploads: list[Upload]
) -> None:
    import_uploads(con, "A", uploads, scope=OPERATOR)  # both then replace the same keys
    serial = _contents(con, "A")  # both upload the same files: either order ends here
    results: dict = {}
    threads = [_import_in_thread(con, "A", uploads, results) for _ in range(2)]
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == 2 and all(isinstance(r, ImportReport) for r in results.values()), (
        f"an import raised instead of reporting: {results}"
    )
    committed = [r for r in results.values() if r.committed]
    for loser in (r for r in results.values() if not r.committed):  # never silent
        assert loser.unusable and loser.exit_code == 2
        assert [e.code for e in loser.errors] == ["concurrent_import"]
    assert len(committed) >= 1
    assert _contents(con, "A") == serial, "the data of one import, no duplicates, no half"
    rows = con.execute(
        "SELECT count(*) FROM imports WHERE program_id = 'A' AND status = 'committed'"
    ).fetchone()
    assert rows == (1 + len(committed),), "every committed report has its imports row"


def test_a_reader_during_an_import_sees_before_or_after_never_between(
    con: duckdb.DuckDBPyConnection, uploads: list[Upload]
) -> None:
    expected = _expected(uploads)
    seen: set[tuple[int, int, int]] = set()
    done = threading.Event()

    def read() -> None:
        cur = _cursor(con)
        while not done.is_set():
            row = cur.execute(
                "SELECT (SELECT count(*) FROM supporters WHERE program_id = 'A'), "
                "(SELECT count(*) FROM matches WHERE program_id = 'A'), "
                "(SELECT count(*) FROM contacts WHERE program_id = 'A')"
            ).fetchone()
            seen.add(tuple(row))  # type: ignore[arg-type]
        cur.close()

    reader = threading.Thread(target=read)
    reader.start()
    try:
        report = import_uploads(_cursor(con), "A", uploads, scope=OPERATOR)
    finally:
        done.set()
        reader.join(timeout=60)
    assert report.committed
    after = (expected["supporters"], expected["matches"], expected["contacts"])
    assert seen <= {(0, 0, 0), after}, f"a reader saw a partial import: {seen}"
    assert (0, 0, 0) in seen, "the reader must have run while the import was under way"


def test_a_second_process_gets_a_clear_error_and_changes_nothing(
    tmp_path: Path, uploads: list[Upload]
) -> None:
    path = tmp_path / "owned.duckdb"
    db.connect(path).close()
    folder = tmp_path / "files"
    folder.mkdir()
    for upload in uploads:
        (folder / upload.name).write_bytes(upload.data)
    holder = subprocess.Popen(  # stands for the running app, which owns the file
        [sys.executable, "-c",
         f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); from dashboard import db; "
         f"con = db.connect({str(path)!r}); print('ready', flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        second = subprocess.run(
            [sys.executable, "-m", "dashboard", "import", "--db", str(path), "--program", "A",
             str(folder)],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        holder.kill()
        holder.wait()
    assert second.returncode == 2
    assert "holds the database" in second.stderr and "running dashboard app" in second.stderr
    assert "Traceback" not in second.stderr + second.stdout
    con = db.connect(path)
    assert sum(_rows(con, "A").values()) == 0
    before = fingerprint(con)
    con.close()
    con = db.connect(path)
    assert fingerprint(con) == before, "the file is intact and opens normally afterwards"
    con.close()

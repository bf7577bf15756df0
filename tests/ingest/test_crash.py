"""A process killed in the middle of an import leaves the store exactly as before.

The import runs in a child process that is SIGKILLed (no cleanup, no rollback handler):
once while its transaction is open with every row already inserted, once at an arbitrary
moment of a large import. After reopening, the store's fingerprint is unchanged and the
same import still succeeds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.fingerprint import fingerprint
from dashboard.ingest import import_paths

ROOT = Path(__file__).resolve().parents[2]
BASE = Path(__file__).parent / "files" / "canonical"
ROWS = 300_000  # large enough that a kill 0.8 s in lands inside the import

CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from dashboard import db
from dashboard.access import Scope
from dashboard.ingest import commit, import_paths
if sys.argv[4] == "pause":
    original = commit._record_import
    def paused(cur, *args, **kwargs):
        original(cur, *args, **kwargs)  # every row and the audit entry are written by now
        print("INSIDE", flush=True)
        time.sleep(120)
    commit._record_import = paused
print("STARTED", flush=True)
con = db.connect(sys.argv[2])
import_paths(con, "p", [sys.argv[3]], scope=Scope.local_operator())
print("FINISHED", flush=True)
"""


def _contacts(path: Path, rows: int) -> Path:
    """Writes contacts of the base program's two matches, one file of `rows` lines."""
    duckdb.sql(
        "COPY (SELECT 'K' || (i // 1000) || '-' || (i % 1000) AS contact_id, "
        "CASE WHEN i % 2 = 0 THEN 'M01' ELSE 'M02' END AS match_id, "
        "DATE '2025-04-01' + (i % 200)::INTEGER AS contact_date, 30 AS duration_min, "
        "'phone' AS channel, 'coming_out|identity' AS topics "
        f"FROM range({rows}) t(i)) TO '{path}' (HEADER)"
    )
    return path


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    return _contacts(tmp_path_factory.mktemp("big") / "contacts.csv", ROWS)


@pytest.fixture(scope="module")
def small_csv(tmp_path_factory) -> Path:
    return _contacts(tmp_path_factory.mktemp("small") / "contacts.csv", 20_000)


@pytest.fixture()
def store(store_target: str) -> str:
    """A store of each backend (tests/store/backends.py) holding the base program."""
    con = db.connect(store_target)
    assert import_paths(con, "p", [BASE], scope=Scope.local_operator()).exit_code == 0
    con.close()
    return store_target


def _fingerprint(path: str) -> str:
    con = db.connect(path)
    try:
        return fingerprint(con)
    finally:
        con.close()


def _child(store: str, csv: Path, mode: str) -> subprocess.Popen[str]:
    args = [sys.executable, "-c", CHILD, str(ROOT), str(store), str(csv), mode]
    return subprocess.Popen(args, stdout=subprocess.PIPE, text=True)


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def test_kill_inside_the_open_transaction_changes_nothing(store: str, small_csv: Path) -> None:
    before = _fingerprint(store)
    child = _child(store, small_csv, "pause")
    assert child.stdout is not None
    lines = [child.stdout.readline().strip() for _ in range(2)]
    assert lines == ["STARTED", "INSIDE"]
    _kill(child)
    assert _fingerprint(store) == before


def test_kill_at_an_arbitrary_moment_changes_nothing(store: str, big_csv: Path) -> None:
    before = _fingerprint(store)
    child = _child(store, big_csv, "run")
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "STARTED"
    time.sleep(0.8)  # well inside a 300k-row import: reading, checking or writing
    _kill(child)
    assert _fingerprint(store) == before
    con = db.connect(store)
    report = import_paths(con, "p", [big_csv], scope=Scope.local_operator())
    assert report.exit_code == 0
    assert con.execute("SELECT count(*) FROM contacts").fetchone() == (ROWS + 2,)
    con.close()

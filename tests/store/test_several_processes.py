"""Several processes on one PostgreSQL store: two import at once while a third reads.

Two child processes each import a generated program (A and B) into the same store at the same
time; meanwhile this process reads both programs again and again, each reading in one
transaction. Every reading must show a program either not yet imported or completely
imported (supporters, matches, contacts and the import record together), and in the end both
imports are there in full.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.sample import generate

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from dashboard import db
from dashboard.access import Scope
from dashboard.ingest import import_paths
con = db.connect(sys.argv[2])
report = import_paths(con, sys.argv[3], [sys.argv[4]], scope=Scope.local_operator())
print("COMMITTED" if report.committed else report.as_json()["errors"][:1], flush=True)
"""

TABLES = ("supporters", "matches", "contacts")


def _reading(con: duckdb.DuckDBPyConnection, program: str) -> tuple[int, ...]:
    """Returns (supporters, matches, contacts, imports) of `program` from one snapshot."""
    counts = [f'(SELECT count(*) FROM "{t}" WHERE program_id = $p)' for t in (*TABLES, "imports")]
    con.execute("BEGIN TRANSACTION")
    try:
        row = con.execute(f"SELECT {', '.join(counts)}", {"p": program}).fetchone()
    finally:
        con.execute("COMMIT")
    assert row is not None
    return tuple(int(n) for n in row)


def test_two_processes_import_while_a_third_reads(postgres_cluster, tmp_path: Path) -> None:
    url = postgres_cluster.url(postgres_cluster.new_database())
    reader = db.connect(url)  # migrates the new store before the children start
    expected: dict[str, tuple[int, ...]] = {}
    children = []
    for program, seed in (("A", 3), ("B", 5)):
        rows = generate(tmp_path / program, 12, seed)
        expected[program] = (*(rows[t] for t in TABLES), 1)
        args = [sys.executable, "-c", CHILD, str(ROOT), url, program, str(tmp_path / program)]
        children.append(subprocess.Popen(args, stdout=subprocess.PIPE, text=True))

    seen: dict[str, set[tuple[int, ...]]] = {"A": set(), "B": set()}
    while any(child.poll() is None for child in children):
        for program in seen:
            seen[program].add(_reading(reader, program))
    outputs = [child.communicate(timeout=120)[0].strip() for child in children]

    assert outputs == ["COMMITTED", "COMMITTED"]
    for program, states in seen.items():
        assert states <= {(0, 0, 0, 0), expected[program]}, f"half an import of {program}"
        assert _reading(reader, program) == expected[program]
    reader.close()

"""Two processes writing audit entries at the same instant into one PostgreSQL store.

Each child appends entries as fast as it can while the other does the same. The chain must
come out whole: every entry linked to the one before it in audit-id order, so
`audit --verify` finds no break where nothing was tampered with.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import audit_chain, db

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow
ENTRIES = 40

CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from dashboard import audit, db
con = db.connect(sys.argv[2])
print("READY", flush=True)
sys.stdin.readline()  # both children start writing at the same moment
for i in range(int(sys.argv[4])):
    audit.record(con, sys.argv[3], "setting_change", "P1", {"n": i})
print("DONE", flush=True)
"""


def test_entries_written_by_two_processes_at_once_form_one_unbroken_chain(
    postgres_cluster,
) -> None:
    url = postgres_cluster.url(postgres_cluster.new_database())
    con = db.connect(url)  # migrates the store before the children start
    before = audit_chain.verify(con).entries
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(ROOT), url, actor, str(ENTRIES)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for actor in ("writer-a", "writer-b")
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=180)[0].strip() for child in children]

    assert outputs == ["DONE", "DONE"]
    verdict = audit_chain.verify(con)
    assert verdict.broken_at is None, verdict
    assert verdict.entries == before + 2 * ENTRIES
    con.close()

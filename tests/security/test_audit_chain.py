"""The audit log is tamper-evident: each entry carries the link of the one before it, and
`audit --verify` names the first entry whose link does not hold."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from dashboard import audit, audit_chain, db
from dashboard.access import AccessDenied, Scope
from dashboard.cli import main
from dashboard.commands.audit_cmd import _verify as verify_command
from dashboard.transaction import transaction


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    con = db.connect(path)
    for n in range(1, 6):
        audit.record(con, "kim", "import", "A", {"rows": n})
    con.close()
    return path


def _verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["audit", "--verify", "--db", str(path)])
    return code, capsys.readouterr().out.strip()


def _tamper(path: Path, sql: str) -> None:
    con = db.connect(path)
    con.execute(sql)
    con.close()


def test_an_untouched_log_verifies_and_each_entry_links_its_predecessor(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = db.connect(store)
    links = con.execute(
        "SELECT prev_hash, entry_hash FROM audit_chain ORDER BY audit_id"
    ).fetchall()
    con.close()
    assert links[0][0] == audit_chain.GENESIS
    assert [prev for prev, _ in links[1:]] == [own for _, own in links[:-1]]

    code, out = _verify(store, capsys)
    assert code == 0
    assert out == f"audit chain intact: 5 entries, newest link {links[-1][1]}"


def test_a_changed_entry_is_named(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tamper(store, "UPDATE audit_log SET detail = '{\"rows\": 99}' WHERE audit_id = 3")
    code, out = _verify(store, capsys)
    assert code == 1
    assert out.startswith("audit chain broken at entry 3: its content was changed")


def test_a_changed_actor_is_named_too(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tamper(store, "UPDATE audit_log SET actor = 'someone-else' WHERE audit_id = 2")
    assert _verify(store, capsys)[1].startswith("audit chain broken at entry 2:")


def test_a_deleted_entry_breaks_the_link_of_the_next(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(store, "DELETE FROM audit_log WHERE audit_id = 2")
    code, out = _verify(store, capsys)
    assert code == 1
    assert out.startswith("audit chain broken at entry 2: it was deleted")


def test_an_entry_deleted_with_its_link_is_found_by_the_next(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(store, "DELETE FROM audit_log WHERE audit_id = 4")
    _tamper(store, "DELETE FROM audit_chain WHERE audit_id = 4")
    code, out = _verify(store, capsys)
    assert (code, out.split(":")[0]) == (1, "audit chain broken at entry 5")


def test_a_forged_entry_without_the_secret_is_found(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(
        store,
        "INSERT INTO audit_log (audit_id, actor, action, detail) VALUES (6, 'ada', 'import', '{}')",
    )
    code, out = _verify(store, capsys)
    assert (code, out.split(":")[0]) == (1, "audit chain broken at entry 6")


def test_concurrent_writers_keep_one_chain(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "store.duckdb")

    def write(worker: int) -> None:
        cur = con.cursor()
        cur.execute("USE store")
        for n in range(10):
            if n % 2:
                audit.record(cur, f"user{worker}", "sign_in")
            else:
                with transaction(cur):
                    cur.execute("INSERT INTO programs (program_id) VALUES (?)", [f"P{worker}-{n}"])
                    audit.record(cur, f"user{worker}", "import", f"P{worker}-{n}")
        cur.close()

    threads = [threading.Thread(target=write, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    verdict = audit_chain.verify(con)
    assert (verdict.entries, verdict.broken_at) == (40, None)
    con.close()


def test_a_viewer_account_may_not_verify(store: Path) -> None:
    con: duckdb.DuckDBPyConnection = db.connect(store)
    scope = Scope(user="vic", role="viewer", programs=("A",))
    with pytest.raises(AccessDenied, match="may not read the audit log"):
        verify_command(con, scope)
    con.close()


def test_the_chain_arrives_on_a_store_already_past_a_later_migration(store: Path) -> None:
    """Migration numbers go to parallel branches: 6 may reach a store after 7 was applied."""
    con = db.connect(store)
    con.execute("DROP TABLE audit_chain")
    con.execute("DELETE FROM schema_version WHERE version = 6")
    con.close()

    con = db.connect(store)  # migrates again: 6 is pending although 7 is recorded
    versions = [r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()]
    verdict = audit_chain.verify(con)
    con.close()
    assert 6 in versions and 7 in versions
    assert (verdict.entries, verdict.broken_at) == (5, None), "the older entries were linked"

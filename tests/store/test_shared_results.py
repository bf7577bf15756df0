"""What page caches are keyed by: the write count moves on changes, not on visits (issue 13);
the shared result cache computes a key once even when sessions ask at the same moment."""

from __future__ import annotations

import threading
from pathlib import Path

from dashboard import audit, db, settings, store_version
from dashboard.access import Scope
from dashboard.memo import SharedMemo


def test_sign_ins_and_downloads_leave_the_version_a_setting_change_moves_it(
    tmp_path: Path,
) -> None:
    con = db.connect(tmp_path / "v.duckdb")
    before = store_version.writes()
    audit.record(con, "kim", "sign_in")
    audit.record(con, "kim", "export", "A", {"what": "agenda_csv"})
    assert store_version.writes() == before

    settings.set_threshold(
        con, "A", "S-OVERLOAD.window_days", 21, scope=Scope.local_operator(), actor="kim"
    )
    assert store_version.writes() > before
    con.close()


def test_two_sessions_asking_at_once_compute_once() -> None:
    memo, calls, release = SharedMemo(), [], threading.Event()

    def compute() -> list[int]:
        calls.append(1)
        release.wait(timeout=30)
        return [1, 2, 3]

    results: list[object] = []
    threads = [
        threading.Thread(target=lambda: results.append(memo.get("k", compute))) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    release.set()
    for thread in threads:
        thread.join(timeout=30)
    assert len(calls) == 1
    assert results[0] is results[1]


def test_the_least_recently_used_result_is_dropped_first() -> None:
    memo = SharedMemo(max_entries=2)
    memo.get("a", lambda: "A")
    memo.get("b", lambda: "B")
    memo.get("a", lambda: "never")  # "a" was used last now
    memo.get("c", lambda: "C")
    assert memo.get("a", lambda: "again") == "A"
    assert memo.get("b", lambda: "again") == "again"

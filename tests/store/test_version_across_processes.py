"""Page caches on a server store see other processes' writes (issue 13): the version this
process keys its caches by is read again from the store once the poll interval has passed,
while on the single-file store (one writing process) it is read once per own write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import db
from dashboard.ui import cache, connection

SUPPORTERS = Path(__file__).parents[1] / "ingest" / "files" / "canonical" / "supporters.csv"


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    fake = _Clock()
    monkeypatch.setattr(cache.time, "monotonic", fake)
    cache._VERSIONS.clear()
    return fake


def _other_process_imports(target: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", "--db", target, "--program", "B",
         str(SUPPORTERS)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-500:]


def test_an_import_by_another_process_shows_after_the_poll_interval(
    postgres_cluster, clock: _Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = postgres_cluster.url(postgres_cluster.new_database())
    monkeypatch.setattr(connection, "database_path", lambda: target)
    mine = db.connect(target)
    first = cache.version(mine)

    _other_process_imports(target)
    assert cache.version(mine) == first  # within the interval: no SQL, the same version

    clock.now += cache.SERVER_POLL_SECONDS
    assert cache.version(mine) != first
    mine.close()


def test_the_file_store_is_not_polled(
    tmp_path: Path, clock: _Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = str(tmp_path / "store.duckdb")
    monkeypatch.setattr(connection, "database_path", lambda: target)
    mine = db.connect(target)
    first = cache.version(mine)
    clock.now += 10 * cache.SERVER_POLL_SECONDS
    calls: list[str] = []
    monkeypatch.setattr(cache, "data_version", lambda cur: calls.append("read") or "x")
    assert cache.version(mine) == first
    assert calls == []
    mine.close()

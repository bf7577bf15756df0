"""No plaintext copy of an upload on disk: working copies live in memory (memfd), a fallback
folder is private and removed on every way out, and leftovers of a crashed run are removed."""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.ingest import Upload, import_uploads, scratch

KEY = "correct-horse-battery-staple-42"
MARKER = b"ZQXW-"
ROWS = 5_000


def _upload() -> Upload:
    """UTF-16 (DuckDB needs a transcoded copy) with a blank line (and a rewritten one)."""
    lines = [f"ZQXW-{n:05d};2024-01-05;6" for n in range(ROWS)]
    lines.insert(ROWS // 2, "")
    text = "supporter_id;joined_on;capacity_hours_month\n" + "\n".join(lines) + "\n"
    return Upload("supporters.csv", text.encode("utf-16"))


class Watcher(threading.Thread):
    """Reads every file under `roots` again and again; remembers any that holds MARKER."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(daemon=True)
        self.roots, self.seen, self.scans = roots, set(), 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for root in self.roots:
                for folder, _, names in os.walk(root):
                    for name in names:
                        self._look(Path(folder) / name)
            self.scans += 1

    def _look(self, path: Path) -> None:
        try:
            if MARKER in path.read_bytes():
                self.seen.add(path.name)
        except OSError:  # removed meanwhile
            pass


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def _watched_import(tmp_path: Path, private_tmp: Path) -> Watcher:
    con = db.connect(tmp_path / "store" / "secret.duckdb", key=KEY)
    roots = [private_tmp, tmp_path / "store"] + (
        [Path("/dev/shm")] if Path("/dev/shm").is_dir() else []
    )
    watcher = Watcher(roots)
    watcher.start()
    try:
        report = import_uploads(con, "A", [_upload()], scope=Scope.local_operator())
    finally:
        watcher.stop.set()
        watcher.join()
        con.close()
    assert report.committed, report.as_json()["errors"][:3]
    assert report.files[0].rows_valid == ROWS
    return watcher


def test_a_watcher_sees_no_plaintext_upload_during_an_encrypted_import(
    tmp_path: Path, private_tmp: Path
) -> None:
    watcher = _watched_import(tmp_path, private_tmp)
    assert watcher.scans >= 2, "the watcher ran while the import did"
    assert watcher.seen == set()
    assert list(private_tmp.iterdir()) == []


def test_control_the_watcher_does_see_a_plaintext_working_copy(
    tmp_path: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where memfd is missing, copies go to a private folder: the watcher finds them there."""
    monkeypatch.setattr(scratch, "in_memory_available", lambda: False)
    watcher = _watched_import(tmp_path, private_tmp)
    assert watcher.seen, "the same watcher catches plaintext on disk"
    assert list(private_tmp.iterdir()) == [], "and the folder is gone afterwards"


def test_the_fallback_folder_is_private_and_removed_after_an_error(
    private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scratch, "in_memory_available", lambda: False)
    with pytest.raises(RuntimeError), scratch.space() as space:
        working = space / "upload.csv"
        assert stat.S_IMODE(working.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(working.stat().st_mode) == 0o600
        raise RuntimeError("the import failed midway")
    assert list(private_tmp.iterdir()) == []


def test_memory_files_are_closed_after_the_import(private_tmp: Path) -> None:
    before = len(os.listdir("/proc/self/fd"))
    with scratch.space() as space:
        (space / "upload.csv").write_bytes(b"a,b\n1,2\n")
        assert len(os.listdir("/proc/self/fd")) == before + 1
    assert len(os.listdir("/proc/self/fd")) == before


def test_leftovers_of_a_crashed_run_are_removed_at_the_next_start(private_tmp: Path) -> None:
    dead = private_tmp / f"{scratch.PREFIX}999999999-abc"  # no such process
    older = private_tmp / f"{scratch.PREFIX}k2j4h5"  # an older version's folder, no pid
    running = private_tmp / f"{scratch.PREFIX}1-xyz"  # pid 1 runs
    for folder in (dead, older, running):
        folder.mkdir()
        (folder / "upload0.csv").write_bytes(MARKER)
    with scratch.space():
        pass
    assert sorted(p.name for p in private_tmp.iterdir()) == [running.name]

"""Encryption at rest: without the key the file opens for nobody, and its bytes name nobody."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.cli import main
from dashboard.fingerprint import fingerprint
from dashboard.ingest import Upload, import_uploads

KEY = "correct-horse-battery-staple-42"
PSEUDONYM = b"ZQX-PSEUDO-4711"
SUPPORTERS = b"supporter_id,joined_on,capacity_hours_month\nZQX-PSEUDO-4711,2026-01-05,6\n"
ROOT = Path(__file__).resolve().parents[2]


def _encrypted_store(path: Path) -> None:
    con = db.connect(path, key=KEY)
    report = import_uploads(
        con, "A", [Upload("supporters.csv", SUPPORTERS)], scope=Scope.local_operator()
    )
    assert report.committed
    con.close()


def test_encrypted_file_does_not_contain_the_pseudonym(tmp_path: Path) -> None:
    plain, secret = tmp_path / "plain.duckdb", tmp_path / "secret.duckdb"
    con = db.connect(plain)
    import_uploads(con, "A", [Upload("supporters.csv", SUPPORTERS)], scope=Scope.local_operator())
    con.close()
    _encrypted_store(secret)
    assert PSEUDONYM in plain.read_bytes(), "control: an unencrypted file does hold it"
    assert PSEUDONYM not in secret.read_bytes()
    assert b"supporter_id" not in secret.read_bytes()


def test_it_cannot_be_opened_without_or_with_a_wrong_key(tmp_path: Path) -> None:
    path = tmp_path / "secret.duckdb"
    _encrypted_store(path)
    with pytest.raises(db.StoreUnavailable) as missing:
        db.connect(path)
    assert missing.value.reason == "key_missing"
    with pytest.raises(db.StoreUnavailable) as wrong:
        db.connect(path, key="not-the-key-at-all")
    assert wrong.value.reason == "key_wrong"
    with pytest.raises(duckdb.Error):
        duckdb.connect(str(path))  # plain DuckDB, bypassing our connect()
    con = db.connect(path, key=KEY, read_only=True)
    assert con.execute("SELECT supporter_id FROM supporters").fetchall() == [("ZQX-PSEUDO-4711",)]
    con.close()


def test_the_key_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.duckdb"
    monkeypatch.setenv(db.KEY_ENV, KEY)
    _encrypted_store(path)
    monkeypatch.delenv(db.KEY_ENV)
    with pytest.raises(db.StoreUnavailable):
        db.connect(path)


def test_write_ahead_log_of_an_interrupted_session_is_encrypted_too(tmp_path: Path) -> None:
    path = tmp_path / "secret.duckdb"
    db.connect(path, key=KEY).close()
    child = (
        "import os, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from dashboard import db\n"
        f"con = db.connect({str(path)!r}, key={KEY!r})\n"
        'con.execute("INSERT INTO supporters (program_id, supporter_id, joined_on, '
        "capacity_hours_month, import_id) VALUES ('A', 'ZQX-PSEUDO-4711', DATE '2026-01-05', "
        '6, 1)")\n'
        "os._exit(0)  # no checkpoint: the row lives only in the WAL\n"
    )
    subprocess.run([sys.executable, "-c", child], check=True, timeout=60)
    wal = path.with_name(path.name + ".wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert PSEUDONYM not in wal.read_bytes()
    con = db.connect(path, key=KEY)
    assert con.execute("SELECT count(*) FROM supporters").fetchone() == (1,), "WAL replayed"
    con.close()


def test_encrypt_command_copies_a_plain_store_verified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain, secret = tmp_path / "plain.duckdb", tmp_path / "secret.duckdb"
    con = db.connect(plain)
    import_uploads(con, "A", [Upload("supporters.csv", SUPPORTERS)], scope=Scope.local_operator())
    expected = fingerprint(con)
    con.close()
    monkeypatch.setenv(db.KEY_ENV, KEY)
    assert main(["encrypt", "--db", str(plain), "--out", str(secret)]) == 0
    assert PSEUDONYM not in secret.read_bytes()
    con = db.connect(secret, key=KEY)
    assert fingerprint(con) == expected
    con.close()
    assert main(["encrypt", "--db", str(plain), "--out", str(secret)]) == 2, "never overwrites"


def test_spilled_temp_files_are_encrypted_when_the_store_is(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "secret.duckdb", key=KEY)
    assert con.execute("SELECT current_setting('temp_file_encryption')").fetchone() == (True,)
    con.close()

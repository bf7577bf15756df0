"""Erasure and retention leave no bytes behind: after rows are deleted, neither the store file
nor its write-ahead log holds the removed pseudonyms — quarantined raw rows included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.access import Scope
from dashboard.cli import main
from dashboard.erasure import erase_subject
from dashboard.ingest import Upload, import_uploads
from dashboard.store_rewrite import wal_of
from dashboard.ui import connection

GONE, KEPT = b"ZQXGONE4711", b"ZQXKEPT0815"
KEY = "correct-horse-battery-staple-42"
ENTRY = Path(__file__).resolve().parents[2] / "dashboard" / "streamlit_app.py"
SUPPORTERS = (
    b"supporter_id,joined_on,left_on,capacity_hours_month\n"
    b"ZQXGONE4711,2024-01-05,2025-01-31,6\n"
    b"ZQXKEPT0815,2024-01-05,,6\n"
)
# Line 3 is out of range (stress 9): with --accept-valid it goes to quarantine, naming GONE.
CHECKINS = (
    b"supporter_id,checkin_date,stress\n"
    b"ZQXGONE4711,2024-06-01,2\n"
    b"ZQXGONE4711,2024-07-01,9\n"
    b"ZQXKEPT0815,2024-06-01,3\n"
)


def _store(path: Path, key: str = "") -> None:
    con = db.connect(path, key=key)
    uploads = [Upload("supporters.csv", SUPPORTERS), Upload("checkins.csv", CHECKINS)]
    report = import_uploads(con, "A", uploads, scope=Scope.local_operator(), accept_valid=True)
    assert report.committed and report.files[1].rows_rejected == 1
    con.close()


def _raw(path: Path) -> bytes:
    wal = wal_of(path)
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _held(path: Path, key: str = "") -> list[tuple]:
    con = db.connect(path, key=key, read_only=True)
    rows = con.execute(
        "SELECT 'supporters', supporter_id FROM supporters UNION ALL "
        "SELECT 'checkins', supporter_id FROM checkins UNION ALL "
        "SELECT 'quarantine', record->>'supporter_id' FROM quarantine ORDER BY ALL"
    ).fetchall()
    con.close()
    return rows


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(db.KEY_ENV, raising=False)
    path = tmp_path / "store.duckdb"
    _store(path)
    assert _raw(path).count(GONE) >= 3, "control: the plain file holds the pseudonym"
    return path


def test_deleting_alone_leaves_the_bytes_in_the_file(store: Path) -> None:
    """The weakness the rewrite answers: DuckDB only marks deleted rows free."""
    con = db.connect(store)
    erase_subject(con, "A", GONE.decode(), scope=Scope.local_operator())
    con.execute("CHECKPOINT")
    con.close()
    assert GONE in _raw(store)


def test_erase_apply_leaves_no_byte_of_the_pseudonym(store: Path) -> None:
    assert (
        main(["erase", "--db", str(store), "--program", "A", "--id", GONE.decode(), "--apply"]) == 0
    )

    assert GONE not in _raw(store)
    assert KEPT in _raw(store), "the rest is still there, readable in a plain file"
    assert _held(store) == [("checkins", "ZQXKEPT0815"), ("supporters", "ZQXKEPT0815")]
    assert sorted(p.name for p in store.parent.iterdir()) == [
        "store.duckdb",
        "store.duckdb.audit-key",
    ]


def test_a_dry_run_does_not_rewrite(store: Path) -> None:
    before = store.stat().st_ino
    assert main(["erase", "--db", str(store), "--program", "A", "--id", GONE.decode()]) == 0
    assert store.stat().st_ino == before and GONE in _raw(store)


def test_retention_apply_leaves_no_byte_of_expired_rows(store: Path) -> None:
    con = db.connect(store)
    con.execute("UPDATE programs SET retention_months = 1 WHERE program_id = 'A'")
    con.close()
    args = ["retention", "--db", str(store), "--as-of", "2030-01-01", "--apply"]
    assert main(args) == 0

    assert GONE not in _raw(store), "the supporter who left, their check-ins, quarantine"
    assert _held(store) == [("checkins", "ZQXKEPT0815"), ("supporters", "ZQXKEPT0815")]


def test_an_encrypted_store_stays_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.duckdb"
    _store(path, key=KEY)
    monkeypatch.setenv(db.KEY_ENV, KEY)
    assert (
        main(["erase", "--db", str(path), "--program", "A", "--id", GONE.decode(), "--apply"]) == 0
    )

    assert _held(path, KEY) == [("checkins", "ZQXKEPT0815"), ("supporters", "ZQXKEPT0815")]
    assert KEPT not in _raw(path) and GONE not in _raw(path)
    with pytest.raises(db.StoreUnavailable) as refused:
        db.connect(path, key="")
    assert refused.value.reason == "key_missing"


@pytest.fixture
def app_store(two_programs: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The two-program store with GONE and KEPT added to program A, served by the app."""
    monkeypatch.delenv(db.KEY_ENV, raising=False)
    con = db.connect(two_programs)
    uploads = [Upload("supporters.csv", SUPPORTERS), Upload("checkins.csv", CHECKINS)]
    assert import_uploads(
        con, "A", uploads, scope=Scope.local_operator(), accept_valid=True
    ).committed
    con.close()
    assert GONE in _raw(two_programs), "control: the plain file holds the pseudonym"
    monkeypatch.setenv(db.DB_ENV, str(two_programs))
    yield two_programs
    connection.release_all()
    st.cache_data.clear()


def test_erasing_in_the_app_rewrites_the_file_it_holds_open(app_store: Path, admin_page) -> None:
    at = admin_page()
    at.selectbox(key="subject_program").select("A")
    at.text_input(key="subject_id").input(GONE.decode()).run()
    at.text_input(key="subject_confirm").input(GONE.decode()).run()
    at.button(key="subject_erase").click().run()

    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["Erased 3 rows."]
    assert "The database file was rewritten" in at.info[0].value
    assert GONE not in _raw(app_store), "while the app still runs"
    assert at.text_input(key="subject_id").value == GONE.decode()
    at.button(key="subject_preview").click().run()  # the page works on the reopened store
    assert not at.exception, at.exception
    connection.release_all()
    assert ("supporters", "ZQXKEPT0815") in _held(app_store)


def test_the_daily_retention_at_session_start_rewrites_the_file(app_store: Path) -> None:
    con = db.connect(app_store)
    con.execute("UPDATE programs SET retention_months = 1 WHERE program_id = 'A'")
    con.execute("DELETE FROM quarantine")  # its import is recent: retention would keep it
    con.close()
    assert GONE in _raw(app_store), "control: deleted, but its bytes are still in the file"
    at = AppTest.from_file(str(ENTRY), default_timeout=90)
    at.context = {"locale": "en-GB"}
    at.run()  # the first run of a session applies retention, rewrites, and runs again

    assert not at.exception, at.exception
    assert any(b.label == "Sign in" for b in at.button), "the app carries on to the sign-in"
    assert GONE not in _raw(app_store), "GONE left in January 2025: expired after a month"
    connection.release_all()
    assert ("supporters", "ZQXKEPT0815") in _held(app_store)

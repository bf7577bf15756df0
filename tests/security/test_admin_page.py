"""The admin page (AppTest): accounts, audit log, retention period and data-subject requests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import streamlit as st

from dashboard import db
from dashboard.access import AccessDenied, Scope
from dashboard.retention import set_retention_months
from dashboard.ui import connection

PASSWORD = "a long enough passphrase"


@pytest.fixture
def store(two_programs: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(db.DB_ENV, str(two_programs))
    monkeypatch.delenv(db.KEY_ENV, raising=False)
    yield two_programs
    connection.release_all()
    st.cache_data.clear()


def _query(path: Path, sql: str) -> list[tuple]:
    connection.release_all()  # the app's shared connection holds the file
    con = db.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_admin_adds_a_coordinator_through_the_form(store: Path, admin_page) -> None:
    at = admin_page()
    at.text_input(key="ua_name").input("lea")
    at.selectbox(key="ua_role").select("coordinator")
    at.multiselect(key="ua_programs").select("B")
    at.text_input(key="ua_pw1").input(PASSWORD)
    at.text_input(key="ua_pw2").input(PASSWORD)
    next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception, at.exception
    assert _query(store, "SELECT role FROM users WHERE username = 'lea'") == [("coordinator",)]
    assert _query(store, "SELECT program_id FROM user_programs WHERE username = 'lea'") == [("B",)]
    changes = _query(
        store, "SELECT actor, detail::VARCHAR FROM audit_log WHERE action = 'user_change'"
    )
    assert [(a, json.loads(d)["user"]) for a, d in changes][-1] == ("ada", "lea")


def test_mismatched_passwords_create_nobody(store: Path, admin_page) -> None:
    at = admin_page()
    at.text_input(key="ua_name").input("lea")
    at.text_input(key="ua_pw1").input(PASSWORD)
    at.text_input(key="ua_pw2").input(PASSWORD + "!")
    next(b for b in at.button if b.label == "Save").click().run()
    assert "The two passwords differ." in [e.value for e in at.error]
    assert _query(store, "SELECT count(*) FROM users WHERE username = 'lea'") == [(0,)]


def test_audit_tab_lists_the_sign_in_and_offers_the_csv(store: Path, admin_page) -> None:
    at = admin_page()
    frames = [el.value for el in at.dataframe]
    audit_frame = next(f for f in frames if "Event" in f.columns)  # headers in the language
    assert "sign_in" in set(audit_frame["Event"])
    assert any(b.label == "Download as CSV" for b in at.get("download_button"))


def test_retention_period_changes_are_admin_only_and_audited(tmp_path: Path) -> None:
    con: duckdb.DuckDBPyConnection = db.connect(tmp_path / "r.duckdb")
    con.execute("INSERT INTO programs (program_id) VALUES ('A')")
    with pytest.raises(AccessDenied):
        set_retention_months(con, "A", 6, scope=Scope("kim", "coordinator", frozenset({"A"})))
    with pytest.raises(ValueError):
        set_retention_months(con, "A", 0, scope=Scope.local_operator())
    set_retention_months(con, "A", 6, scope=Scope.local_operator())
    assert con.execute("SELECT retention_months FROM programs").fetchall() == [(6,)]
    detail = con.execute(
        "SELECT detail::VARCHAR FROM audit_log WHERE action = 'setting_change'"
    ).fetchone()
    assert detail is not None
    assert json.loads(detail[0]) == {"key": "retention_months", "old": 24, "new": 6}


def test_admin_sets_the_session_timeout_and_an_upload_limit(store: Path, admin_page) -> None:
    at = admin_page()
    inputs = {n.label: n for n in at.number_input}
    inputs["Sign out after this many minutes without activity"].set_value(15)
    inputs["upload_max_file_mb"].set_value(20)
    form_saves = [b for b in at.button if b.label == "Save"]
    next(b for b in form_saves if b.form_id == "security_limits").click().run()
    assert not at.exception, at.exception
    stored = dict(_query(store, "SELECT key, value::VARCHAR FROM settings WHERE program_id = '*'"))
    assert stored["session_timeout_minutes"] == "15" and stored["upload_max_file_mb"] == "20"
    changes = _query(
        store, "SELECT detail->>'key' FROM audit_log WHERE action = 'setting_change' ORDER BY 1"
    )
    assert changes == [("session_timeout_minutes",), ("upload_max_file_mb",)]

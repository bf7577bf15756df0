"""The Import page's mapping step: a file with its own column titles gets suggestions, a
date-order choice and, once confirmed, imports; the next upload with the same header uses the
saved mapping by itself. In English and German. Expected values worked out by hand."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from app_helpers import app, tables, texts
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.access import Scope
from dashboard.auth import add_user
from dashboard.ui import auth_gate, connection

# Own titles, US dates with every day <= 12 (the order cannot be read off), an e-mail column.
OWN = (
    b"Peer code,Joined,Hours per month,Email\n"
    b"P01,2/3/2026,8,kim@example.org\n"
    b"P02,3/4/2026,10,alex@example.org\n"
)
LATER = b"Peer code,Joined,Hours per month,Email\nP03,5/6/2026,4,sam@example.org\n"
PROGRAM = "p-map"
WORDS = {
    "en-GB": {"saved": "Saved column mappings", "applied": "Applied the mapping saved"},
    "de-DE": {"saved": "Gespeicherte Spaltenzuordnungen", "applied": "gespeicherte Zuordnung"},
}


@pytest.fixture
def admin_db(empty_db: Path) -> Path:
    con = db.connect(empty_db)
    add_user(con, "chef", "admin", scope=Scope.local_operator(), password="Lange-Passphrase-2026")
    con.close()
    return empty_db


def _page(locale: str) -> AppTest:
    at = app(locale)
    at.session_state[auth_gate.SESSION_KEY] = {"user": "chef", "method": "password",
                                               "last": time.time()}  # fmt: skip
    at.run()
    at.switch_page("app_pages/imports.py").run()
    at.text_input(key="imp_new_program").set_value(PROGRAM).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _upload(at: AppTest, data: bytes) -> AppTest:
    at.file_uploader[0].set_value([("peers.csv", data, "text/csv")]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _stored(path: Path) -> list[tuple]:
    connection.release_all()
    con = db.connect(path)
    try:
        return con.execute(
            "SELECT supporter_id, joined_on::VARCHAR, capacity_hours_month FROM supporters "
            "ORDER BY 1"
        ).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("locale", ["en-GB", "de-DE"])
def test_mapping_step_suggests_confirms_and_is_reused(admin_db: Path, locale: str) -> None:
    at = _upload(_page(locale), OWN)
    # suggested: each title to its contract column; the e-mail column is not even offered
    assert at.selectbox(key="map_export_0").value == "supporters"
    suggested = [at.selectbox(key=f"map_0_{n}").value for n in range(3)]
    assert suggested == ["supporter_id", "joined_on", "capacity_hours_month"]
    assert "Email" in texts(at) and "kim@example.org" not in texts(at)
    assert at.button(key="map_ok_0").disabled  # the date order is still missing

    at.selectbox(key="map_order_0").set_value("mdy").run()
    at.button(key="map_ok_0").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert WORDS[locale]["applied"] in texts(at) + str(tables(at)[0].value)
    at.button(key="btn_import").click().run()

    at = _upload(at, LATER)  # a new upload, same header: mapped without asking
    assert WORDS[locale]["applied"] in str(tables(at)[0].value)
    assert not at.button(key="btn_import").disabled
    assert WORDS[locale]["saved"] in texts(at)  # the saved mapping is listed
    at.button(key="btn_import").click().run()
    assert not at.exception
    assert _stored(admin_db) == [
        ("P01", "2026-02-03", 8.0),
        ("P02", "2026-03-04", 10.0),
        ("P03", "2026-05-06", 4.0),
    ]

"""The import page: a good file imports; a bad file shows each problem and imports only the
valid rows on request. Expected counts and errors worked out by hand from the files below."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from app_helpers import app, db_rows, tables, texts
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.access import Scope
from dashboard.auth import add_user
from dashboard.ui import auth_gate

GOOD = b"supporter_id,joined_on,capacity_hours_month\nS01,2026-01-05,8\nS02,2026-02-01,10\n"
# line 2: month 13 is no date; line 3: 500 h is above the contract's 200; line 4 is fine.
BAD = (
    b"supporter_id;joined_on;capacity_hours_month\n"
    b"S03;2026-13-01;8\nS04;01.02.2026;500\nS05;01.02.2026;6\n"
)
PROGRAM = "p-test"


@pytest.fixture
def admin_db(empty_db: Path) -> Path:
    """An empty database (demo removed) with one admin account."""
    con = db.connect(empty_db)
    add_user(con, "chef", "admin", scope=Scope.local_operator(), password="Lange-Passphrase-2026")
    con.close()
    return empty_db


def _signed_in_import_page() -> AppTest:
    at = app()
    at.session_state[auth_gate.SESSION_KEY] = {
        "user": "chef",
        "method": "password",
        "last": time.time(),
    }
    at.run()
    at.switch_page("app_pages/imports.py").run()
    assert not at.exception, [e.message for e in at.exception]
    at.text_input(key="imp_new_program").set_value(PROGRAM).run()
    return at


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].set_value([(name, data, "text/csv")]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _file_table(at: AppTest) -> dict:
    frame = tables(at)[0].value
    return frame.iloc[0][["File", "Recognised as", "Rows read", "Valid", "Rejected"]].to_dict()


def test_a_good_file_is_checked_then_imported(admin_db: Path) -> None:
    at = _upload(_signed_in_import_page(), "supporters.csv", GOOD)
    assert _file_table(at) == {
        "File": "supporters.csv",
        "Recognised as": "supporters",
        "Rows read": "2",
        "Valid": "2",
        "Rejected": "0",
    }
    assert "Every row is valid." in texts(at)
    assert at.button(key="btn_import_valid").disabled

    at.button(key="btn_import").click().run()
    assert not at.exception
    assert any("Rows stored: 2; rejected: 0." in s.value for s in at.success)
    history = tables(at)[0].value
    assert history.iloc[0][["Program", "Rows stored", "Rows rejected"]].tolist() == [
        PROGRAM,
        "2",
        "0",
    ]
    assert db_rows(admin_db, "SELECT program_id, supporter_id FROM supporters ORDER BY 2") == [
        (PROGRAM, "S01"),
        (PROGRAM, "S02"),
    ]


def test_a_bad_file_lists_every_problem_and_imports_only_valid_rows_on_request(
    admin_db: Path,
) -> None:
    at = _upload(_signed_in_import_page(), "unterstuetzende.csv", BAD)
    assert _file_table(at) == {
        "File": "unterstuetzende.csv",
        "Recognised as": "supporters",
        "Rows read": "3",
        "Valid": "1",
        "Rejected": "2",
    }
    errors = tables(at)[1].value
    assert errors[["Line", "Column"]].values.tolist() == [
        ["2", "joined_on"],
        ["3", "capacity_hours_month"],
    ]
    assert errors["Value"].tolist() == ["2026-13-01", "500"]
    assert "2 problems found" in texts(at)
    assert at.button(key="btn_import").disabled

    at.button(key="btn_import_valid").click().run()
    assert not at.exception
    assert any("Rows stored: 1; rejected: 2." in s.value for s in at.success)
    assert db_rows(admin_db, "SELECT supporter_id FROM supporters") == [("S05",)]
    assert db_rows(admin_db, "SELECT line FROM quarantine ORDER BY line") == [(2,), (3,)]


def test_a_file_with_no_valid_row_does_not_offer_to_import_the_valid_rows(
    admin_db: Path,
) -> None:
    only_bad = b"supporter_id,joined_on,capacity_hours_month\nS03,2026-13-01,8\n"  # month 13
    at = _upload(_signed_in_import_page(), "supporters.csv", only_bad)
    shown = texts(at)
    assert "1 problem found, and no row is valid. Fix the file and upload it again." in shown
    assert "valid rows" not in shown
    assert at.button(key="btn_import_valid").disabled


def test_nothing_is_stored_by_checking_alone(admin_db: Path) -> None:
    _upload(_signed_in_import_page(), "supporters.csv", GOOD)
    assert db_rows(admin_db, "SELECT count(*) FROM supporters") == [(0,)]


def test_removing_an_import_takes_its_rows_away(admin_db: Path) -> None:
    at = _upload(_signed_in_import_page(), "supporters.csv", GOOD)
    at.button(key="btn_import").click().run()
    at.button(key="btn_remove").click().run()
    at.button(key="btn_remove_yes").click().run()  # removal asks first
    assert not at.exception
    assert any("removed" in s.value for s in at.success)
    assert db_rows(admin_db, "SELECT count(*) FROM supporters") == [(0,)]

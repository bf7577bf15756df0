"""*Remove this import* asks first, names the import it removes, and removes exactly that one.

Two imports of supporters.csv into one program: import 1 brings S01 and S02 (file
first.csv), import 2 brings S03 (file second.csv). The user picks the older one, is asked,
confirms; S03 stays, S01 and S02 go."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import db_rows, signed_in, texts
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.access import Scope
from dashboard.auth import add_user
from dashboard.ingest import Upload, import_uploads

FIRST = b"supporter_id,joined_on,capacity_hours_month\nS01,2026-01-05,8\nS02,2026-02-01,10\n"
SECOND = b"supporter_id,joined_on,capacity_hours_month\nS03,2026-03-01,6\n"


@pytest.fixture
def two_imports(empty_db: Path) -> Path:
    """An admin account and two committed imports (ids 1 and 2) of program p-test."""
    con = db.connect(empty_db)
    local = Scope.local_operator()
    add_user(con, "chef", "admin", scope=local, password="Lange-Passphrase-2026")
    for name, data in (("first.csv", FIRST), ("second.csv", SECOND)):
        import_uploads(con, "p-test", [Upload(name, data)], scope=local, imported_by="chef")
    con.close()
    return empty_db


def _import_page() -> AppTest:
    at = signed_in("chef").run()
    at.switch_page("app_pages/imports.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_removal_asks_first_naming_the_import_and_removes_only_that_one(two_imports: Path) -> None:
    ids = db_rows(two_imports, "SELECT import_id FROM imports ORDER BY import_id")
    older, newer = ids[0][0], ids[1][0]
    at = _import_page()
    at.selectbox(key="imp_pick").set_value(older).run()
    at.button(key="btn_remove").click().run()
    assert not at.exception
    question = " ".join(w.value for w in at.warning).replace("\\", "")  # markdown escapes
    assert f"Remove import {older} (first.csv, " in question
    assert "second.csv" not in question
    # asking removed nothing
    assert db_rows(two_imports, "SELECT count(*) FROM supporters") == [(3,)]

    at.selectbox(key="imp_pick").set_value(newer).run()  # the picker moves on; the question stays
    at.button(key="btn_remove_yes").click().run()
    assert not at.exception
    assert f"Import {older} removed." in texts(at)
    assert db_rows(two_imports, "SELECT supporter_id FROM supporters ORDER BY 1") == [("S03",)]
    statuses = db_rows(two_imports, "SELECT import_id, status FROM imports ORDER BY 1")
    assert statuses == [(older, "removed"), (newer, "committed")]


def test_cancel_keeps_the_import(two_imports: Path) -> None:
    at = _import_page()
    at.button(key="btn_remove").click().run()
    at.button(key="btn_remove_no").click().run()
    assert not at.exception
    assert not at.warning
    assert db_rows(two_imports, "SELECT count(*) FROM supporters") == [(3,)]

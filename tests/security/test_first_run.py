"""First run, as the issue's acceptance lists it: a fresh store; an anonymous visitor uploads
and presses every button on every page and stores nothing; the setup code creates an admin
exactly once; wrong codes are refused and rate-limited; after setup nobody sees data
without signing in."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.auth import holds_only_demo_data
from dashboard.auth.setup import MAX_FAILURES, SetupRefused, issue_code, redeem
from dashboard.ui import connection
from schemas import EXPORTS

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "dashboard" / "streamlit_app.py"
VISITOR_PAGES = [
    "attention", "supporter", "program", "network", "imports", "data_dictionary", "settings",
    "programs", "setup",
]  # fmt: skip
MARK = "ZZVISIT"  # a code that appears nowhere in the demo
UPLOAD = (
    f"supporter_id,joined_on,capacity_hours_month\n{MARK}1,2026-01-05,8\n{MARK}2,2026-02-01,10\n"
).encode()
PASSWORD = "a long enough passphrase"


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """$DASHBOARD_DB names a file that does not exist yet: the app's very first start."""
    path = tmp_path / "fresh.duckdb"
    monkeypatch.setenv(db.DB_ENV, str(path))
    monkeypatch.delenv(db.KEY_ENV, raising=False)
    yield path
    connection.release_all()
    st.cache_data.clear()


def _app() -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=120)
    at.context = {"locale": "en-GB"}
    return at


def _press_everything(at: AppTest, page: str) -> None:
    """Opens `page`, uploads on the Import page, then clicks every enabled button once."""
    at.switch_page(f"app_pages/{page}.py").run()
    if page == "imports":
        at.file_uploader[0].set_value([("supporters.csv", UPLOAD, "text/csv")]).run()
        assert "Not imported: in demo mode nothing is stored" in " ".join(
            w.value for w in at.warning
        )
    for index in range(len(at.button)):
        if index < len(at.button) and not at.button[index].disabled:
            at.button[index].click().run()
            assert not at.exception, (page, [e.message for e in at.exception])
    for button in at.get("download_button"):
        button.click()
        at.run()


def _store_holds_mark(path: Path) -> tuple[int, bool, int]:
    """Returns (rows holding MARK in any table, demo mode, audit entries)."""
    connection.release_all()
    con = db.connect(path)
    try:
        found = 0
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = ?",
                [db.STORE],
            ).fetchall()
        ]
        assert set(EXPORTS) | {"imports", "quarantine", "settings", "audit_log"} <= set(tables)
        for table in tables:
            row = con.execute(
                f'SELECT count(*) FROM "{table}" t WHERE CAST(t AS VARCHAR) LIKE ?', [f"%{MARK}%"]
            ).fetchone()
            found += row[0] if row else 0
        audit = con.execute("SELECT count(*) FROM audit_log").fetchone()
        return found, holds_only_demo_data(con), audit[0] if audit else 0
    finally:
        con.close()


def test_an_anonymous_visitor_who_presses_everything_stores_nothing(fresh: Path) -> None:
    _app().run()  # first start: loads the demo (audited as its import)
    _, _, audit_before = _store_holds_mark(fresh)
    at = _app().run()
    assert not at.exception
    for page in VISITOR_PAGES:
        _press_everything(at, page)
    found, demo_mode, audit = _store_holds_mark(fresh)
    assert found == 0, "the upload's codes reached the store"
    assert demo_mode and audit == audit_before
    connection.release_all()
    again = _app().run()  # the next visitor still gets the demo without sign-in
    assert any(w.value.startswith("Demo mode, no sign-in") for w in again.warning)


def _claim(at: AppTest, code: str, user: str = "ada") -> AppTest:
    at.switch_page("app_pages/setup.py").run()
    at.text_input(key="setup_code").input(code)
    at.text_input(key="setup_user").input(user)
    at.text_input(key="setup_pw1").input(PASSWORD)
    at.text_input(key="setup_pw2").input(PASSWORD)
    next(b for b in at.button if b.label == "Create administrator account").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _started(capsys: pytest.CaptureFixture[str]) -> tuple[AppTest, str]:
    """Returns the app after its first run and the setup code it printed on the console."""
    at = _app().run()
    printed = re.findall(r"first admin account: ([A-Z2-7-]{19})", capsys.readouterr().out)
    assert len(printed) == 1, printed
    return at, printed[0]


def test_the_setup_code_creates_an_admin_exactly_once(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    at, code = _started(capsys)  # first start: the demo is loaded and a code printed
    at = _claim(at, code)
    assert "Your administrator account is ready" in " ".join(s.value for s in at.success)
    assert "Signed in as ada (admin)" in [t.value for t in at.text]
    connection.release_all()
    con = db.connect(fresh)
    with pytest.raises(SetupRefused) as again:
        redeem(con, code, "mallory", password=PASSWORD)
    assert again.value.reason == "done"
    assert con.execute("SELECT username, role FROM users").fetchall() == [("ada", "admin")]
    assert con.execute("SELECT count(*) FROM setup_code").fetchone() == (0,)
    assert con.execute("SELECT actor FROM audit_log WHERE action = 'setup'").fetchall() == [
        ("ada",)
    ]
    con.close()


def test_two_simultaneous_claims_create_one_account(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "race.duckdb")
    code = issue_code(con)
    outcomes: list[str] = []

    def claim(name: str) -> None:
        cur = con.cursor()
        cur.execute(f"USE {db.STORE}")
        try:
            outcomes.append(redeem(cur, code, name, password=PASSWORD).username)
        except SetupRefused as exc:
            outcomes.append(exc.reason)

    threads = [threading.Thread(target=claim, args=(n,)) for n in ("ada", "bob")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [o for o in outcomes if o in ("ada", "bob")]
    assert len(winners) == 1 and set(outcomes) - set(winners) <= {"done", "no_code"}
    assert con.execute("SELECT count(*) FROM users").fetchone() == (1,)


def test_a_wrong_code_is_refused_and_repeated_ones_are_rate_limited(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    at, code = _started(capsys)
    at = _claim(at, "AAAA-BBBB-CCCC-DDDD")
    assert [e.value for e in at.error] == ["This setup code is not valid."]
    connection.release_all()
    con = db.connect(fresh)
    now = datetime.now()
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(SetupRefused, match="wrong_code"):
            redeem(con, "AAAA-BBBB-CCCC-DDDD", "ada", password=PASSWORD, now=now)
    with pytest.raises(SetupRefused) as locked:  # even the right code, while locked
        redeem(con, code, "ada", password=PASSWORD, now=now + timedelta(minutes=1))
    assert (locked.value.reason, locked.value.minutes) == ("locked", 15)
    assert con.execute("SELECT count(*) FROM users").fetchone() == (0,)
    done = redeem(con, code, "ada", password=PASSWORD, now=now + timedelta(minutes=16))
    assert done.username == "ada"
    con.close()


def test_a_weak_password_leaves_the_code_valid(fresh: Path) -> None:
    con = db.connect(fresh)
    code = issue_code(con)
    with pytest.raises(ValueError, match="at least 12"):
        redeem(con, code, "ada", password="short")
    assert redeem(con, code, "ada", password=PASSWORD).username == "ada"
    con.close()


@pytest.mark.parametrize("page", VISITOR_PAGES)
def test_after_setup_nobody_sees_data_without_signing_in(
    fresh: Path, page: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _claim(*_started(capsys))
    at = _app()  # another browser: same server, new session
    at.run()
    at.switch_page(f"app_pages/{page}.py").run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert len(at.dataframe) == 0 and len(at.metric) == 0
    assert not any("<table" in el.value for el in at.html)
    assert not any(w.value.startswith("Demo mode") for w in at.warning)

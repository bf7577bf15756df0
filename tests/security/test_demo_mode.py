"""Demo mode: without accounts and with only the demo program, every page says "no sign-in";
one real program or one account later, the same app shows nothing but the sign-in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.access import Scope
from dashboard.auth import add_user
from dashboard.ui import connection
from dashboard.views import demo

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "dashboard" / "streamlit_app.py"
PAGES = sorted(
    p.stem
    for p in (ROOT / "dashboard" / "app_pages").glob("*.py")
    if p.stem != "admin" and not p.stem.startswith("_")
)
BANNER = "Demo mode, no sign-in"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo_mode") / "demo.duckdb"
    con = db.connect(path)
    assert demo.ensure_demo(con)
    con.close()
    return path


@pytest.fixture
def demo_store(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    target = tmp_path / "dashboard.duckdb"
    target.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv(db.DB_ENV, str(target))
    monkeypatch.delenv(db.KEY_ENV, raising=False)
    yield target
    connection.release_all()
    st.cache_data.clear()


def _run(page: str = "attention") -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=90)
    at.context = {"locale": "en-GB"}
    at.run()
    if page != "attention":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_demo_mode_without_sign_in(demo_store: Path, page: str) -> None:
    at = _run(page)
    assert any(w.value.startswith(BANNER) for w in at.warning), page


def test_an_account_ends_demo_mode(demo_store: Path) -> None:
    con = db.connect(demo_store)
    add_user(con, "ada", "admin", scope=Scope.local_operator(), password="a long enough passphrase")
    con.close()
    at = _run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert not any(w.value.startswith(BANNER) for w in at.warning)


def test_real_data_ends_demo_mode(demo_store: Path) -> None:
    con = db.connect(demo_store)
    con.execute("INSERT INTO programs (program_id) VALUES ('real')")
    con.close()
    at = _run()
    assert [t.value for t in at.title] == ["Set up the dashboard"]  # no account: the code form
    assert len(at.dataframe) == 0
    assert not any("<table" in el.value for el in at.html)

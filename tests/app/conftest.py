"""AppTest fixtures: a temporary database for the app (a copy of the demo, empty, or new)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st

from dashboard import db
from dashboard.access import Scope
from dashboard.ui import connection
from dashboard.views import demo


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database the app itself filled with the demo on first start (done once, copied after)."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    con = db.connect(path)
    assert demo.ensure_demo(con)
    con.close()
    return path


@pytest.fixture(autouse=True)
def _fresh_app_state() -> Iterator[None]:
    """Each test starts without cached data or open connections from the previous one."""
    yield
    connection.release_all()
    st.cache_data.clear()


@pytest.fixture
def use_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[Path | None], Path]:
    """Returns a function pointing $DASHBOARD_DB at a copy of `source` (None = a new file)."""

    def _use(source: Path | None) -> Path:
        target = tmp_path / "dashboard.duckdb"
        if source is not None:
            shutil.copy(source, target)
        monkeypatch.setenv(db.DB_ENV, str(target))
        monkeypatch.delenv(db.KEY_ENV, raising=False)
        return target

    return _use


@pytest.fixture
def demo_db(use_db: Callable[[Path | None], Path], demo_template: Path) -> Path:
    """$DASHBOARD_DB is a copy of the demo database."""
    return use_db(demo_template)


@pytest.fixture
def empty_db(use_db: Callable[[Path | None], Path]) -> Path:
    """$DASHBOARD_DB is a database whose demo was removed: nothing to show, nothing reloads."""
    path = use_db(None)
    con = db.connect(path)
    demo.remove_demo(con, scope=Scope.local_operator())
    con.close()
    return path

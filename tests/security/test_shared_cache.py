"""The shared page cache (issue 13) never hands one program's data to a user of another.

Results are computed once per (program, arguments, store version) and shared by every
session; access is checked on each read. Programs A and B carry disjoint pseudonyms, so any
B code in what a coordinator of A receives is a leak.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.access import AccessDenied, Scope
from dashboard.auth import scope_for
from dashboard.sample.builder import AS_OF
from dashboard.ui import cache, connection, context
from dashboard.views import attention, common

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from counting_cursor import CountingCursor  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "dashboard" / "streamlit_app.py"
PASSWORD = "a long enough passphrase"
B_CODE = re.compile(r"\b(PB|MB|KB|CB)-\d{5}\b|\bSVB\d{3}\b")


@pytest.fixture
def store(two_programs: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(db.DB_ENV, str(two_programs))
    monkeypatch.delenv(db.KEY_ENV, raising=False)
    yield two_programs
    connection.release_all()


def _as(monkeypatch: pytest.MonkeyPatch, cur: object, scope: Scope) -> None:
    """Makes `cached` see a page context of `scope` on `cur`."""
    ctx = context.PageContext(cur, scope, "en", cache.version(cur), connection.database_path())
    monkeypatch.setattr(context, "get", lambda: ctx)


def test_a_cached_result_of_b_is_refused_to_a_coordinator_of_a(store: Path, monkeypatch) -> None:  # noqa: ANN001
    con = db.connect(store)
    ada, kim = scope_for(con, "ada"), scope_for(con, "kim")
    _as(monkeypatch, con, ada)
    for_ada = cache.cached(attention.signals_for, "B", AS_OF)
    assert for_ada and {r["program_id"] for r in for_ada} == {"B"}

    _as(monkeypatch, con, kim)
    with pytest.raises(AccessDenied):
        cache.cached(attention.signals_for, "B", AS_OF)
    for_kim = cache.cached(attention.signals_for, "A", AS_OF)
    assert for_kim and {r["program_id"] for r in for_kim} == {"A"}
    assert [p.program_id for p in cache.cached(common.programs)] == ["A"]
    con.close()


def test_a_result_is_computed_once_and_shared_by_users_of_that_program(
    store: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    con = db.connect(store)
    _as(monkeypatch, con, scope_for(con, "ada"))
    first = cache.cached(attention.signals_for, "A", AS_OF)
    counting = CountingCursor(con)
    _as(monkeypatch, counting, scope_for(con, "kim"))
    assert cache.cached(attention.signals_for, "A", AS_OF) is first
    assert counting.statements == []
    con.close()


def _sign_in(user: str) -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=90)
    at.context = {"locale": "en-GB"}
    at.run()
    at.text_input(key="sign_in_user").input(user)
    at.text_input(key="sign_in_password").input(PASSWORD)
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> str:
    parts = [str(el.value) for kind in ("title", "subheader", "caption", "text", "markdown")
             for el in getattr(at, kind)]  # fmt: skip
    parts += [el.value.to_csv() for el in at.dataframe]
    parts += [el.value for el in at.html]  # the pages' tables are HTML tables
    parts += [str(w.options) for w in at.selectbox]
    return "\n".join(parts)


PAGES = ("attention", "supporter", "program", "network")


def test_pages_an_admin_opened_for_b_show_a_coordinator_of_a_nothing_of_b(store: Path) -> None:
    admin = _sign_in("ada")
    admin.selectbox(key="w_program").set_value("B").run()
    for page in PAGES:  # every page of B is in the shared cache now
        admin.switch_page(f"app_pages/{page}.py").run()
        assert not admin.exception, admin.exception
        assert B_CODE.search(_texts(admin)) or page in ("program", "network"), page

    coordinator = _sign_in("kim")
    for page in PAGES:
        coordinator.switch_page(f"app_pages/{page}.py").run()
        assert not coordinator.exception, coordinator.exception
        shown = _texts(coordinator)
        assert not B_CODE.search(shown), f"{page} shows a code of program B"
        assert coordinator.selectbox(key="w_program").options == ["A"]


def test_the_new_since_day_is_each_users_own_last_meeting(store: Path, monkeypatch) -> None:  # noqa: ANN001
    from datetime import timedelta

    from dashboard.followups import model
    from dashboard.followups import store as followups

    con = db.connect(store)
    kim, ada = scope_for(con, "kim"), scope_for(con, "ada")
    met = AS_OF - timedelta(days=10)
    followups.add(
        con,
        model.build(
            program_id="A",
            signal_id="S-OVERLOAD",
            subject_type="supporter",
            subject_id="PA-00001",
            action="supervision_talk",
            status="done",
            happened_on=met,
            severity="high",
        ),  # fmt: skip
        scope=kim,
    )
    _as(monkeypatch, con, kim)
    assert cache.per_user(attention.default_since, "A", AS_OF) == met
    _as(monkeypatch, con, ada)
    assert cache.per_user(attention.default_since, "A", AS_OF) == AS_OF - timedelta(days=28)
    con.close()

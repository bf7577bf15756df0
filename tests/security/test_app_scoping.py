"""Through the real app (AppTest): sign-in first, then a coordinator of A sees nothing of B.

Programs A and B are generated with disjoint pseudonyms (PA-/MA-/KA-/CA- vs PB-/MB-/KB-/CB-),
so any B code on any page a coordinator of A opens is a leak.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.ui import connection

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "dashboard" / "streamlit_app.py"
PAGES = sorted(
    p.stem
    for p in (ROOT / "dashboard" / "app_pages").glob("*.py")
    if p.stem not in ("admin", "setup") and not p.stem.startswith("_")  # admins/visitors only
)
PASSWORD = "a long enough passphrase"
B_CODE = re.compile(r"\b(PB|MB|KB|CB)-\d{5}\b|\bSVB\d{3}\b")


@pytest.fixture
def store(two_programs: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    target = two_programs
    monkeypatch.setenv(db.DB_ENV, str(target))
    monkeypatch.delenv(db.KEY_ENV, raising=False)
    yield target
    connection.release_all()
    st.cache_data.clear()


def _texts(at: AppTest) -> str:
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info",
                 "success", "warning", "error", "code"):  # fmt: skip
        parts.extend(str(el.value) for el in getattr(at, kind))
    parts.extend(f"{m.label} {m.value}" for m in at.metric)
    parts.extend(el.value.to_csv() for el in at.dataframe)
    parts.extend(el.value for el in at.html)  # the pages' tables are HTML tables
    parts.extend(str(getattr(w, "options", "")) for w in at.selectbox)
    parts.extend(str(getattr(w, "options", "")) for w in at.multiselect)
    return "\n".join(parts)


def _sign_in(user: str) -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=90)
    at.context = {"locale": "en-GB"}
    at.run()
    assert not at.exception, at.exception
    at.text_input(key="sign_in_user").input(user)
    at.text_input(key="sign_in_password").input(PASSWORD)
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert not at.exception, at.exception
    return at


def test_unauthenticated_visitor_sees_only_the_sign_in(store: Path) -> None:
    at = AppTest.from_file(str(ENTRY), default_timeout=90)
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Sign in"]
    assert len(at.dataframe) == 0 and len(at.metric) == 0
    assert not any("<table" in el.value for el in at.html)
    assert not B_CODE.search(_texts(at)) and "PA-" not in _texts(at)


@pytest.mark.parametrize("page", PAGES)
def test_coordinator_of_a_sees_no_row_of_b_on_any_page(store: Path, page: str) -> None:
    at = _sign_in("kim")
    if page != "attention":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    shown = _texts(at)
    assert not B_CODE.search(shown), f"{page} shows a code of program B"
    if page in ("attention", "supporter"):  # the check above must not pass on an empty page
        assert "PA-" in shown


def test_the_admin_page_is_not_in_a_coordinators_navigation(store: Path) -> None:
    at = _sign_in("kim")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("app_pages/admin.py")


def test_admin_sees_both_programs_and_the_admin_page(store: Path) -> None:
    at = _sign_in("ada")
    at.switch_page("app_pages/admin.py").run()
    assert not at.exception, at.exception
    shown = _texts(at)
    assert "Administration" in shown
    assert "kim" in shown and "coordinator" in shown
    assert "sign_in" in shown, "the audit tab lists the sign-in just made"


def test_the_import_page_offers_a_coordinator_only_their_program(store: Path) -> None:
    at = _sign_in("kim")
    at.switch_page("app_pages/imports.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="imp_program").options == ["A"], "no B and no new program"


def test_a_viewer_cannot_upload(store: Path) -> None:
    at = _sign_in("vic")
    at.switch_page("app_pages/imports.py").run()
    assert not at.exception, at.exception
    assert "may view but not import" in _texts(at)
    [uploader] = at.get("file_uploader")
    assert uploader.disabled


def _follow_first_signal(path: Path, program: str, note: str) -> tuple[str, str]:
    """Records a done follow-up on the program's first signal; returns (signal, subject)."""
    from dashboard.access import Scope
    from dashboard.followups.record import record
    from dashboard.signals import evaluate

    con = db.connect(path)
    operator = Scope.local_operator()
    first = evaluate(con, scope=operator, program_id=program)[0]
    record(con, scope=operator, program_id=program, signal_id=first.signal_id,
           subject_id=first.subject_id, action="supervision_talk", status="done",
           note=note, signal=first.model_dump())  # fmt: skip
    con.close()
    return first.signal_id, first.subject_id


def test_followups_of_b_never_reach_a_coordinator_of_a(store: Path) -> None:
    _follow_first_signal(store, "A", "noted for A")
    _follow_first_signal(store, "B", "noted for B")
    at = _sign_in("kim")
    shown = _texts(at) + "\n".join(str(e.label) for e in at.expander)
    assert not B_CODE.search(shown)
    assert "Done: Supervision talk" in shown, "A's own follow-up is shown (handled)"
    options = at.selectbox(key="fu_signal").options
    assert options and all(" · " in o and not B_CODE.search(o) for o in options)


def test_a_viewer_gets_no_follow_up_form_or_meeting_mode(store: Path) -> None:
    at = _sign_in("vic")
    assert not at.exception, at.exception
    keys = {w.key for w in [*at.selectbox, *at.toggle, *at.button]}
    assert "fu_signal" not in keys and "att_meeting" not in keys and "fu_save" not in keys

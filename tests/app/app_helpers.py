"""Helpers for the AppTest page tests: open the real entry file, read what a user sees."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "dashboard" / "streamlit_app.py"
PAGES = ("attention", "supporter", "program", "network", "imports", "data_dictionary", "settings")
TIMEOUT = 60  # first runs import pandas/altair and evaluate every rule


def app(locale: str = "en-GB") -> AppTest:
    """Returns the app as a browser with `locale` would open it."""
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.context = {"locale": locale}
    return at


def open_page(page: str, locale: str = "en-GB") -> AppTest:
    """Returns the app after its first run and a switch to app_pages/<page>.py."""
    at = app(locale).run()
    assert not at.exception, at.exception
    if page != "attention":
        at.switch_page(f"app_pages/{page}.py").run()
    return at


def texts(at: AppTest) -> str:
    """Returns every visible text of the run (markdown, captions, alerts, metrics) joined."""
    parts: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "text",
        "info",
        "success",
        "warning",
        "error",
    ):
        parts.extend(str(el.value) for el in getattr(at, kind))
    parts.extend(f"{m.label} {m.value}" for m in at.metric)
    return "\n".join(parts)


def frames(at: AppTest) -> list:
    """Returns the DataFrames shown by st.dataframe in this run."""
    return [el.value for el in at.dataframe]


def add_account(path: Path, user: str = "chef", role: str = "admin", programs: tuple = ()) -> None:
    """Creates an account in the database at `path` (which ends demo mode)."""
    import time  # noqa: F401 - kept local: most page tests need no accounts

    from dashboard import db
    from dashboard.access import Scope
    from dashboard.auth import add_user

    con = db.connect(path)
    add_user(
        con, user, role, scope=Scope.local_operator(), password="Lange-Passphrase-2026",
        programs=programs,
    )  # fmt: skip
    con.close()


def signed_in(user: str = "chef", locale: str = "en-GB") -> AppTest:
    """Returns the app with `user` signed in (its session started as the sign-in form does)."""
    import time

    from dashboard.ui import auth_gate

    at = app(locale)
    at.session_state[auth_gate.SESSION_KEY] = {
        "user": user,
        "method": "password",
        "last": time.time(),
    }
    return at

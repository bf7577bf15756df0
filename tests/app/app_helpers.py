"""Helpers for the AppTest page tests: open the real entry file, read what a user sees."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard import i18n

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


@dataclass(frozen=True)
class Table:
    """One HTML table the run drew: its caption and its cells as text, as a reader gets them."""

    caption: str
    value: pd.DataFrame


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[str]]]] = []
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append(("", []))
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr":
            self.tables[-1][1].append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self._in_caption = False
        elif tag in ("th", "td") and self._cell is not None:
            self.tables[-1][1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            caption, rows = self.tables[-1]
            self.tables[-1] = (caption + data, rows)
        elif self._cell is not None:
            self._cell.append(data)


def tables(at: Any, charts: bool = False) -> list[Table]:
    """Returns the HTML tables of this run, or of one of its blocks (an expander), header
    row as columns, in page order; the figures under charts only when `charts`."""
    chart_captions = {i18n.t("ui.chart_figures", lang) for lang in i18n.LANGS}
    found = []
    for element in at.html:
        parser = _TableParser()
        parser.feed(element.value)
        for caption, rows in parser.tables:
            if charts or caption not in chart_captions:
                found.append(Table(caption, pd.DataFrame(rows[1:], columns=rows[0])))
    return found


def frames(at: AppTest) -> list:
    """Returns the tables' cells (as text) of this run, charts' figures left out."""
    return [table.value for table in tables(at)]


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


def signal_code(cell: str) -> str:
    """Returns the rule code of a Signal cell, which reads 'Training expired (T-EXPIRED)'."""
    title, _, code = str(cell).rpartition(" (")
    assert title and code.endswith(")"), f"no title and (code) in {cell!r}"
    return code[:-1]


def db_rows(path: Path, sql: str) -> list[tuple]:
    """Returns the rows of `sql` read from the store file at `path` (the app's connections
    are released first, so the test reads what was committed)."""
    from dashboard import db
    from dashboard.ui import connection

    connection.release_all()
    con = db.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()

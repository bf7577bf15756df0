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

"""A rerun that follows no change of the data asks the store nothing (issue 13).

Widget clicks and page visits rerun the whole script for that session; with the data
unchanged every figure comes from the shared page cache. The session's cursor is swapped for
one that writes down each statement, so the test counts what actually reaches DuckDB.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from app_helpers import open_page

from dashboard import settings
from dashboard.access import Scope
from dashboard.ui import connection

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from counting_cursor import CountingCursor  # noqa: E402


def _count_statements(at) -> CountingCursor:  # noqa: ANN001
    """Replaces the session's cursor by a counting one and returns it."""
    key = f"_cursor::{connection.database_path()}"
    store, cursor = at.session_state[key]  # the connection it belongs to, and the cursor
    counting = CountingCursor(cursor)
    at.session_state[key] = (store, counting)
    return counting


@pytest.mark.parametrize(
    "page", ["attention", "supporter", "program", "network", "imports", "data_dictionary", "settings"]
)
def test_a_page_visited_again_issues_no_sql(demo_db: Path, page: str) -> None:
    at = open_page(page)
    at.run()  # every cache of the page is filled now
    counting = _count_statements(at)
    at.run()
    assert not at.exception, at.exception
    assert counting.statements == []


def test_a_filter_click_issues_no_sql_and_a_new_threshold_is_read_again(demo_db: Path) -> None:
    at = open_page("attention")
    at.run()  # the program is chosen now; its stored language has been looked up once
    counting = _count_statements(at)
    at.multiselect(key="att_severities").unselect("low").run()
    assert not at.exception, at.exception
    assert counting.statements == []

    program = at.session_state["sel_program"]  # a change through the data layer (audited)
    settings.set_threshold(
        at.session_state[f"_cursor::{connection.database_path()}"][1]._cur,
        program,
        "S-OVERLOAD.window_days",
        21,
        scope=Scope.local_operator(),
        actor="test",
    )
    at.run()
    assert not at.exception, at.exception
    assert counting.statements, "after a change the signals are evaluated again"

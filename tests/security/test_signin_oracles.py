"""Sign-in gives no oracle: an unknown name, a wrong password and a locked account get the same
answer in the same time, so trying names does not reveal which exist or are locked."""

from __future__ import annotations

import json
import statistics
import time

import duckdb

from dashboard.access import Scope
from dashboard.auth import add_user, authenticate
from dashboard.auth.signin import MAX_FAILURES
from dashboard.i18n import say

PASSWORD = "correct horse battery"
TRIES = 20


def _lock(con: duckdb.DuckDBPyConnection) -> None:
    for _ in range(MAX_FAILURES):
        authenticate(con, "kim", "wrong password!!")


def test_unknown_wrong_and_locked_get_the_same_words(
    con: duckdb.DuckDBPyConnection, operator: Scope, audit_rows
) -> None:
    add_user(con, "kim", "viewer", scope=operator, password=PASSWORD, programs=["A"])
    wrong = authenticate(con, "kim", "wrong password!!")
    unknown = authenticate(con, "nobody-here", PASSWORD)
    _lock(con)
    locked_right = authenticate(con, "kim", PASSWORD)  # right password, but locked
    locked_wrong = authenticate(con, "kim", "wrong password!!")

    answers = {
        (r.scope, say(r.message, "en"), say(r.message, "de"))
        for r in (wrong, unknown, locked_right)
    }
    assert answers == {(None, "Wrong username or password.", "Benutzername oder Passwort falsch.")}
    assert locked_wrong == locked_right
    reasons = [json.loads(r[2])["reason"] for r in audit_rows(con, "sign_in_failed")]
    assert reasons[:2] == ["wrong_password", "unknown_user"]
    assert reasons[-2:] == ["locked", "locked"], "the log, not the person, learns of the lock"


def test_unknown_and_locked_take_the_same_time(
    con: duckdb.DuckDBPyConnection, operator: Scope
) -> None:
    add_user(con, "kim", "viewer", scope=operator, password=PASSWORD, programs=["A"])
    _lock(con)
    unknown: list[float] = []
    locked: list[float] = []
    for _ in range(TRIES):  # interleaved, so load on the machine hits both alike
        for name, times in (("nobody-here", unknown), ("kim", locked)):
            start = time.perf_counter()
            assert authenticate(con, name, PASSWORD).scope is None
            times.append(time.perf_counter() - start)

    ratio = statistics.median(locked) / statistics.median(unknown)
    assert 0.8 <= ratio <= 1.2, f"locked/unknown median time ratio {ratio:.2f}"

"""Local accounts: hashing, sign-in with lockout, roles and program scopes, audit of each step."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import duckdb
import pytest

from dashboard.access import AccessDenied, Scope
from dashboard.auth import (
    UserError,
    WeakPassword,
    add_user,
    authenticate,
    list_users,
    remove_user,
    scope_for,
    set_password,
    update_user,
)
from dashboard.auth.passwords import hash_password, verify_password
from dashboard.auth.signin import MAX_FAILURES
from dashboard.i18n import say

PASSWORD = "correct horse battery"


def test_hash_is_argon2id_salted_and_verifies_only_the_right_password() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("$argon2id$")
    assert first != second, "each hash has its own salt"
    assert PASSWORD not in first
    assert verify_password(first, PASSWORD)
    assert not verify_password(first, PASSWORD + "x")
    assert not verify_password(None, PASSWORD)
    assert not verify_password("garbage", PASSWORD)


def test_user_row_holds_a_hash_never_the_password(
    con: duckdb.DuckDBPyConnection, operator: Scope
) -> None:
    add_user(con, "Kim", "coordinator", scope=operator, password=PASSWORD, programs=["A"])
    stored = con.execute("SELECT username, password_hash FROM users").fetchall()
    assert stored[0][0] == "kim"
    assert stored[0][1].startswith("$argon2id$")
    everything = con.execute("SELECT * FROM audit_log").fetchall()
    assert PASSWORD not in repr(everything) and stored[0][1] not in repr(everything)


@pytest.mark.parametrize(
    "password",
    ["short", "x" * 1025, "kim-the-user1", "password1234", "123456789012", "qwertyuiopas"],
)
def test_weak_passwords_are_refused(
    con: duckdb.DuckDBPyConnection, operator: Scope, password: str
) -> None:
    with pytest.raises(WeakPassword):
        add_user(con, "kim-the-user1", "viewer", scope=operator, password=password)
    assert con.execute("SELECT count(*) FROM users").fetchone() == (0,)


@pytest.mark.parametrize("name", ["a", "kim meyer", "kim'--", "x" * 129, ""])
def test_bad_usernames_are_refused(
    con: duckdb.DuckDBPyConnection, operator: Scope, name: str
) -> None:
    with pytest.raises(UserError):
        add_user(con, name, "viewer", scope=operator, password=PASSWORD)


def test_scope_per_role(con: duckdb.DuckDBPyConnection, operator: Scope) -> None:
    add_user(con, "ada", "admin", scope=operator, password=PASSWORD, programs=["A"])
    add_user(con, "kim", "coordinator", scope=operator, password=PASSWORD, programs=["A", "B"])
    add_user(con, "vic", "viewer", scope=operator, password=PASSWORD, programs=["B"])
    add_user(con, "nob", "viewer", scope=operator, password=PASSWORD)
    assert scope_for(con, "ada") == Scope("ada", "admin", None)
    assert scope_for(con, "KIM") == Scope("kim", "coordinator", frozenset({"A", "B"}))
    assert scope_for(con, "vic") == Scope("vic", "viewer", frozenset({"B"}))
    assert scope_for(con, "nob") == Scope("nob", "viewer", frozenset())
    assert scope_for(con, "nobody") is None
    vic = scope_for(con, "vic")
    assert vic is not None and not vic.can_write
    with pytest.raises(AccessDenied):
        vic.require("A")


def test_sign_in_success_and_failures_are_audited_without_secrets(
    con: duckdb.DuckDBPyConnection, operator: Scope, audit_rows
) -> None:
    add_user(con, "kim", "coordinator", scope=operator, password=PASSWORD, programs=["A"])
    assert authenticate(con, "kim", PASSWORD).scope == Scope("kim", "coordinator", frozenset({"A"}))
    wrong = authenticate(con, "kim", "wrong password!!")
    unknown = authenticate(con, "my secret password", PASSWORD)
    assert wrong.scope is None and unknown.scope is None
    assert wrong.message == unknown.message, "the message must not reveal which names exist"
    assert [r[0] for r in audit_rows(con, "sign_in")] == ["kim"]
    failed = audit_rows(con, "sign_in_failed")
    assert [(r[0], json.loads(r[2])["reason"]) for r in failed] == [
        ("kim", "wrong_password"),
        ("(unknown)", "unknown_user"),
    ]
    assert "my secret password" not in repr(con.execute("SELECT * FROM audit_log").fetchall())


def test_account_locks_after_five_failures_and_unlocks_after_the_window(
    con: duckdb.DuckDBPyConnection, operator: Scope
) -> None:
    add_user(con, "kim", "viewer", scope=operator, password=PASSWORD, programs=["A"])
    for _ in range(MAX_FAILURES):
        assert authenticate(con, "kim", "wrong password!!").scope is None
    locked = authenticate(con, "kim", PASSWORD)
    assert locked.scope is None and say(locked.message, "en") == "Wrong username or password."
    later = datetime.now() + timedelta(minutes=16)
    assert authenticate(con, "kim", PASSWORD, now=later).scope is not None


def test_disabled_user_cannot_sign_in(con: duckdb.DuckDBPyConnection, operator: Scope) -> None:
    add_user(con, "ada", "admin", scope=operator, password=PASSWORD)
    add_user(con, "kim", "viewer", scope=operator, password=PASSWORD, programs=["A"])
    update_user(con, "kim", scope=operator, disabled=True)
    assert authenticate(con, "kim", PASSWORD).scope is None
    assert scope_for(con, "kim") is None


def test_oidc_only_account_has_no_password_and_cannot_sign_in_with_one(
    con: duckdb.DuckDBPyConnection, operator: Scope
) -> None:
    user = add_user(con, "kim@example.org", "viewer", scope=operator, programs=["A"])
    assert not user.has_password
    assert authenticate(con, "kim@example.org", "").scope is None


def test_user_changes_are_audited(
    con: duckdb.DuckDBPyConnection, operator: Scope, audit_rows
) -> None:
    add_user(con, "ada", "admin", scope=operator, password=PASSWORD)
    add_user(con, "kim", "viewer", scope=operator, password=PASSWORD, programs=["A"])
    update_user(con, "kim", scope=operator, role="coordinator", programs=["A", "B"])
    set_password(con, "kim", PASSWORD + "2", scope=operator)
    remove_user(con, "kim", scope=operator)
    changes = [json.loads(r[2]) for r in audit_rows(con, "user_change")]
    assert [(c["user"], c["change"]) for c in changes] == [
        ("ada", "add"),
        ("kim", "add"),
        ("kim", "update"),
        ("kim", "password"),
        ("kim", "remove"),
    ]
    assert changes[2]["role"] == "coordinator" and changes[2]["programs"] == ["A", "B"]
    assert con.execute("SELECT count(*) FROM user_programs").fetchone() == (0,)


def test_only_admins_manage_users_and_the_last_admin_stays(
    con: duckdb.DuckDBPyConnection, operator: Scope
) -> None:
    add_user(con, "ada", "admin", scope=operator, password=PASSWORD)
    add_user(con, "kim", "coordinator", scope=operator, password=PASSWORD, programs=["A"])
    kim = scope_for(con, "kim")
    assert kim is not None
    with pytest.raises(AccessDenied):
        add_user(con, "eve", "admin", scope=kim, password=PASSWORD)
    with pytest.raises(AccessDenied):
        update_user(con, "kim", scope=kim, role="admin")
    with pytest.raises(AccessDenied):
        list_users(con, scope=kim)
    with pytest.raises(AccessDenied):
        set_password(con, "ada", PASSWORD + "x", scope=kim)
    set_password(con, "kim", PASSWORD + "x", scope=kim)  # own password: allowed
    with pytest.raises(UserError):
        remove_user(con, "ada", scope=operator)
    with pytest.raises(UserError):
        update_user(con, "ada", scope=operator, role="viewer")
    assert [u.username for u in list_users(con, scope=operator)] == ["ada", "kim"]

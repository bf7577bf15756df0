"""Accounts: create, change, remove and list users with their role and programs (admins only).

Every change is written to the audit log (`user_change`) in the same transaction, with the
username, what changed and who did it; never a password or a hash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import duckdb

from dashboard import audit
from dashboard.access import ROLES, AccessDenied, Scope
from dashboard.transaction import transaction

from .passwords import check_strength, hash_password

# Local names and OIDC e-mail addresses; no spaces or quotes, so a name is safe in any log line.
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@+-]{1,127}$")
# Where the weekly digest goes; held for that only, never logged (the audit says "set").
EMAIL_PATTERN = re.compile(r"^[^@\s\"'<>,;]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,63}$")


class UserError(ValueError):
    """A user change was refused (unknown user, duplicate, bad role, last admin, ...)."""


@dataclass(frozen=True)
class UserRecord:
    """One account as listed to admins: no hash, only whether a password is set."""

    username: str
    role: str
    programs: tuple[str, ...]
    disabled: bool
    has_password: bool
    created_at: datetime
    email: str | None = None


def normalize_username(username: str) -> str:
    """Returns the stored form of a username (trimmed, lower case); raises UserError if invalid."""
    name = username.strip().lower()
    if not USERNAME_PATTERN.match(name):
        raise UserError(
            "username must be 2-128 characters: letters, digits and . _ @ + - (no spaces)"
        )
    return name


def normalize_email(email: str) -> str | None:
    """Returns the stored form of an e-mail address ('' = none); raises UserError if invalid."""
    address = email.strip()
    if not address:
        return None
    if not EMAIL_PATTERN.match(address):
        raise UserError("e-mail must be an address like name@example.org")
    return address


def get_user(con: duckdb.DuckDBPyConnection, username: str) -> UserRecord | None:
    """Returns the account, or None when there is none with that name."""
    rows = _select_users(con, "WHERE u.username = ?", [username.strip().lower()])
    return rows[0] if rows else None


def list_users(con: duckdb.DuckDBPyConnection, *, scope: Scope) -> list[UserRecord]:
    """Returns every account, sorted by name; only admins may list them."""
    _require_admin(scope)
    return _select_users(con, "", [])


def add_user(
    con: duckdb.DuckDBPyConnection,
    username: str,
    role: str,
    *,
    scope: Scope,
    password: str | None = None,
    programs: Iterable[str] = (),
    email: str | None = None,
) -> UserRecord:
    """Creates an account; without a password it can sign in only through OIDC. `email` is
    where the weekly digest goes (coordinators)."""
    _require_admin(scope)
    name = normalize_username(username)
    address = normalize_email(email or "")
    _check_role(role)
    if password is not None:
        check_strength(password, name)
    if get_user(con, name) is not None:
        raise UserError(f"user {name} exists already")
    assigned = sorted(set(programs))
    with transaction(con):
        con.execute(
            "INSERT INTO users (username, password_hash, role, email) VALUES (?, ?, ?, ?)",
            [name, hash_password(password) if password is not None else None, role, address],
        )
        _write_programs(con, name, assigned)
        detail = {"user": name, "change": "add", "role": role, "programs": assigned}
        if address:
            detail["email"] = "set"
        audit.record(con, scope.user, "user_change", detail=detail)
    return get_user(con, name)  # type: ignore[return-value]


def remove_user(con: duckdb.DuckDBPyConnection, username: str, *, scope: Scope) -> None:
    """Deletes the account and its program assignments; the last admin cannot be removed."""
    _require_admin(scope)
    user = _existing(con, username)
    _keep_an_admin(con, user, new_role=None, disabled=True)
    with transaction(con):
        con.execute("DELETE FROM user_programs WHERE username = ?", [user.username])
        con.execute("DELETE FROM users WHERE username = ?", [user.username])
        detail = {"user": user.username, "change": "remove"}
        audit.record(con, scope.user, "user_change", detail=detail)


def set_password(
    con: duckdb.DuckDBPyConnection, username: str, password: str, *, scope: Scope
) -> None:
    """Replaces the password; admins may set anyone's, everyone may set their own."""
    user = _existing(con, username)
    if scope.user != user.username:
        _require_admin(scope)
    check_strength(password, user.username)
    with transaction(con):
        con.execute(
            "UPDATE users SET password_hash = ? WHERE username = ?",
            [hash_password(password), user.username],
        )
        detail = {"user": user.username, "change": "password"}
        audit.record(con, scope.user, "user_change", detail=detail)


def update_user(
    con: duckdb.DuckDBPyConnection,
    username: str,
    *,
    scope: Scope,
    role: str | None = None,
    programs: Iterable[str] | None = None,
    disabled: bool | None = None,
    email: str | None = None,
) -> UserRecord:
    """Changes role, program assignments, disabled flag and/or e-mail ('' removes it); None
    leaves a field as it is."""
    _require_admin(scope)
    user = _existing(con, username)
    address = normalize_email(email) if email is not None else user.email
    if role is not None:
        _check_role(role)
    _keep_an_admin(con, user, new_role=role, disabled=disabled)
    changed: dict[str, object] = {}
    with transaction(con):
        if role is not None and role != user.role:
            con.execute("UPDATE users SET role = ? WHERE username = ?", [role, user.username])
            changed["role"] = role
        if disabled is not None and disabled != user.disabled:
            con.execute(
                "UPDATE users SET disabled = ? WHERE username = ?", [disabled, user.username]
            )
            changed["disabled"] = disabled
        if address != user.email:
            con.execute("UPDATE users SET email = ? WHERE username = ?", [address, user.username])
            changed["email"] = "set" if address else "removed"
        if programs is not None and sorted(set(programs)) != list(user.programs):
            con.execute("DELETE FROM user_programs WHERE username = ?", [user.username])
            changed["programs"] = _write_programs(con, user.username, sorted(set(programs)))
        if changed:
            detail = {"user": user.username, "change": "update", **changed}
            audit.record(con, scope.user, "user_change", detail=detail)
    return get_user(con, user.username)  # type: ignore[return-value]


# ------------------------------------------------------------------------------ helpers


def _select_users(con: duckdb.DuckDBPyConnection, where: str, params: list) -> list[UserRecord]:
    rows = con.execute(
        "SELECT u.username, u.role, "
        "  coalesce(list_sort(list(p.program_id) FILTER (WHERE p.program_id IS NOT NULL)), []), "
        "  u.disabled, u.password_hash IS NOT NULL, u.created_at, u.email "
        "FROM users u LEFT JOIN user_programs p USING (username) "
        f"{where} GROUP BY ALL ORDER BY u.username",
        params,
    ).fetchall()
    return [UserRecord(r[0], r[1], tuple(r[2]), r[3], r[4], r[5], r[6]) for r in rows]


def _write_programs(con: duckdb.DuckDBPyConnection, username: str, programs: list[str]) -> list:
    for program_id in programs:
        con.execute("INSERT INTO user_programs VALUES (?, ?)", [username, program_id])
    return programs


def _existing(con: duckdb.DuckDBPyConnection, username: str) -> UserRecord:
    user = get_user(con, username)
    if user is None:
        raise UserError("no such user")
    return user


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")


def _require_admin(scope: Scope) -> None:
    if scope.role != "admin" or scope.programs is not None:
        raise AccessDenied(f"{scope.user} may not manage users")


def _keep_an_admin(
    con: duckdb.DuckDBPyConnection, user: UserRecord, *, new_role: str | None, disabled: bool | None
) -> None:
    """Refuses a change that would leave no enabled admin (nobody could manage accounts)."""
    loses_admin = (new_role is not None and new_role != "admin") or disabled is True
    if user.role != "admin" or user.disabled or not loses_admin:
        return
    row = con.execute(
        "SELECT count(*) FROM users WHERE role = 'admin' AND NOT disabled AND username <> ?",
        [user.username],
    ).fetchone()
    if row is None or row[0] == 0:
        raise UserError("this is the last enabled admin; add another admin first")

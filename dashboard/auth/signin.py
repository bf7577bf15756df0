"""Local sign-in: check a password, lock an account after repeated failures, audit every attempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from dashboard import audit
from dashboard.access import Scope
from dashboard.i18n import Msg

from .passwords import hash_password, needs_rehash, verify_password
from .scope import scope_for

MAX_FAILURES = 5
"""Failed attempts on one account within LOCKOUT_MINUTES after which it is refused for a while."""
LOCKOUT_MINUTES = 15
UNKNOWN_ACTOR = "(unknown)"  # a mistyped name may be a password: never log what was typed


@dataclass(frozen=True)
class SignIn:
    """Outcome of one attempt: a scope, or a message safe to show (never says what was wrong)."""

    scope: Scope | None
    message: Msg | None  # rendered where it is shown: say(result.message, lang)


FAILED = SignIn(None, Msg("auth.failed"))
"""The one answer to every refused attempt: an unknown name, a wrong password, a disabled or a
locked account all read alike and cost one Argon2 verification, so neither the wording nor the
timing tells an attacker whether a name exists or is locked (the lock is silent)."""


def authenticate(
    con: duckdb.DuckDBPyConnection,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    via: str | None = None,
) -> SignIn:
    """Returns the signed-in scope or FAILED; audits sign_in or sign_in_failed with the reason.

    `via` ("cli") is added to the audit detail when the attempt does not come from the app.
    """
    name = username.strip().lower()
    channel = {"via": via} if via else {}
    row = con.execute(
        "SELECT password_hash, disabled FROM users WHERE username = ?", [name]
    ).fetchone()
    stored = row[0] if row else None
    # Looked up for unknown names too (same queries either way), then one verification always.
    locked = _locked(con, name, now or datetime.now())
    ok = verify_password(stored, password)  # a dummy hash when there is none: equal timing
    scope = scope_for(con, name) if ok and not locked else None
    if scope is None:
        actor = name if row is not None else UNKNOWN_ACTOR
        reason = _failure_reason(row is not None, locked, ok)
        detail = {"reason": reason, "method": "password", **channel}
        audit.record(con, actor, "sign_in_failed", detail=detail)
        return FAILED
    if needs_rehash(stored or ""):
        con.execute(
            "UPDATE users SET password_hash = ? WHERE username = ?", [hash_password(password), name]
        )
    detail = {"method": "password", "role": scope.role, **channel}
    audit.record(con, name, "sign_in", detail=detail)
    return SignIn(scope, None)


def _failure_reason(known: bool, locked: bool, password_ok: bool) -> str:
    """Returns why an attempt failed, for the audit log only (never shown to the person)."""
    if not known:
        return "unknown_user"
    if locked:
        return "locked"
    return "disabled" if password_ok else "wrong_password"


def record_oidc_sign_in(
    con: duckdb.DuckDBPyConnection, username: str | None, provider: str
) -> Scope | None:
    """Returns the scope of an identity-provider login; audits it either way."""
    scope = scope_for(con, username) if username else None
    if scope is None:
        detail = {"reason": "no_account", "method": "oidc", "provider": provider}
        audit.record(con, UNKNOWN_ACTOR, "sign_in_failed", detail=detail)
        return None
    detail = {"method": "oidc", "provider": provider, "role": scope.role}
    audit.record(con, scope.user, "sign_in", detail=detail)
    return scope


def record_sign_out(con: duckdb.DuckDBPyConnection, username: str, reason: str) -> None:
    """Audits the end of a session: `reason` is "user" or "timeout"."""
    audit.record(con, username, "sign_out", detail={"reason": reason})


def _locked(con: duckdb.DuckDBPyConnection, username: str, now: datetime) -> bool:
    """True when the account had MAX_FAILURES failures since its last success, within the window."""
    since = now - timedelta(minutes=LOCKOUT_MINUTES)
    row = con.execute(
        """
        SELECT count(*) FROM audit_log
        WHERE actor = $name AND action = 'sign_in_failed' AND logged_at >= $since
          AND logged_at > coalesce((SELECT max(logged_at) FROM audit_log
                                    WHERE actor = $name AND action = 'sign_in'), $since)
        """,
        {"name": username, "since": since},
    ).fetchone()
    return bool(row and row[0] >= MAX_FAILURES)

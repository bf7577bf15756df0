"""First-run setup: a one-time code printed at server start turns a visitor into the first admin.

Like Jupyter's start-up token: whoever can read the server's console (the person who started
it) can claim the installation; anyone else who merely reaches the page cannot. Only the
code's SHA-256 is stored (the code is 80 random bits, so a fast hash is enough); it is valid
until it is used or a new one is issued (`python -m dashboard setup-code`, or the next start).
Wrong codes are counted in the store: after MAX_FAILURES within LOCK_MINUTES every attempt,
the right code included, is refused until the window has passed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from dashboard import audit
from dashboard.access import Scope
from dashboard.transaction import transaction

from .passwords import check_strength
from .users import UserError, add_user, normalize_username

MAX_FAILURES = 5
LOCK_MINUTES = 15
SETUP_ACTOR = "setup"


class SetupRefused(ValueError):
    """The setup code was wrong, expired, rate-limited, or setup is already done.

    `reason` is one of wrong_code | locked | done | no_code; `minutes` is set for locked.
    """

    def __init__(self, reason: str, minutes: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.minutes = minutes


@dataclass(frozen=True)
class SetupDone:
    """The first admin account the code created."""

    username: str


def needs_setup(con: duckdb.DuckDBPyConnection) -> bool:
    """Returns True while the store has no account at all (the setup page is open)."""
    row = con.execute("SELECT count(*) FROM users").fetchone()
    return not row or row[0] == 0


def issue_code(con: duckdb.DuckDBPyConnection) -> str:
    """Returns a new setup code (shown once, never stored) and makes it the only valid one."""
    raw = base64.b32encode(secrets.token_bytes(10)).decode()  # 16 characters, A-Z and 2-7
    code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
    with transaction(con):
        con.execute("DELETE FROM setup_code")
        con.execute("INSERT INTO setup_code (code_hash) VALUES (?)", [_digest(code)])
    return code


def announce(con: duckdb.DuckDBPyConnection) -> str | None:
    """Issues a code when the store has no account and prints it (English and German) on
    stdout, the server's console, and to the `dashboard.setup` log; returns it (None when
    setup is done)."""
    if not needs_setup(con):
        return None
    from dashboard.i18n import t

    code = issue_code(con)
    for lang in ("en", "de"):
        line = t("setup.console", lang, code=code)
        print(line, file=sys.stdout, flush=True)
        logging.getLogger("dashboard.setup").info(line)
    return code


def redeem(
    con: duckdb.DuckDBPyConnection,
    code: str,
    username: str,
    *,
    password: str | None,
    now: datetime | None = None,
) -> SetupDone:
    """Returns the admin created with `code`; raises SetupRefused, or UserError/WeakPassword
    for a bad name or password (the code then stays valid). `password=None` creates an
    account that signs in through OIDC (the identity the provider confirmed)."""
    now = now or datetime.now()
    if not needs_setup(con):
        raise SetupRefused("done")
    row = con.execute("SELECT code_hash, failures, last_failure FROM setup_code").fetchone()
    if row is None:
        raise SetupRefused("no_code")
    stored, failures, last_failure = row
    if failures >= MAX_FAILURES and last_failure and now - last_failure < _window():
        left = _window() - (now - last_failure)
        raise SetupRefused("locked", minutes=max(1, int(left.total_seconds() // 60) + 1))
    if not hmac.compare_digest(stored, _digest(code)):
        _count_failure(con, failures, last_failure, now)
        raise SetupRefused("wrong_code")
    return _create_admin(con, stored, username, password)


def _create_admin(
    con: duckdb.DuckDBPyConnection, code_hash: str, username: str, password: str | None
) -> SetupDone:
    """Creates the admin. Name and password are checked before the code is consumed (so a
    weak password leaves it valid); consuming it is one DELETE, which two simultaneous
    attempts cannot both win, so the code creates exactly one account."""
    name = normalize_username(username)
    if password is not None:
        check_strength(password, name)
    try:
        taken = con.execute(
            "DELETE FROM setup_code WHERE code_hash = ? RETURNING 1", [code_hash]
        ).fetchall()
    except duckdb.TransactionException as exc:  # the other attempt deleted it first
        raise SetupRefused("done") from exc
    if not taken or not needs_setup(con):
        raise SetupRefused("done")
    operator = Scope(SETUP_ACTOR, "admin", None)
    record = add_user(con, name, "admin", scope=operator, password=password)
    audit.record(con, record.username, "setup", detail={"via": "setup_code"})
    return SetupDone(record.username)


def _count_failure(
    con: duckdb.DuckDBPyConnection, failures: int, last_failure: datetime | None, now: datetime
) -> None:
    # A failure outside the window starts a new count, so an old typo never locks anyone out.
    fresh = last_failure is None or now - last_failure >= _window()
    con.execute(
        "UPDATE setup_code SET failures = ?, last_failure = ?",
        [1 if fresh else failures + 1, now],
    )


def _window() -> timedelta:
    return timedelta(minutes=LOCK_MINUTES)


def _digest(code: str) -> str:
    """Returns the stored form: SHA-256 of the code without dashes, spaces or case.

    Only ASCII letters are folded: a non-ASCII character becomes "?", which no code holds, so a
    look-alike (dotless "ı" upper-cases to "I") never matches and a lone surrogate never raises.
    """
    canonical = "".join(code.split()).replace("-", "").encode("ascii", "replace").upper()
    return hashlib.sha256(canonical).hexdigest()


__all__ = ["SetupDone", "SetupRefused", "UserError", "issue_code", "needs_setup", "redeem"]

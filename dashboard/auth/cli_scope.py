"""Who a command-line call acts as: an account (`--user NAME`) or the local operator.

    add_account_args(parser)          # --user NAME, --password-stdin
    scope = scope_from_args(con, args)

With `--user NAME` the command signs in like the app's sign-in form (Argon2 hash, lockout
after repeated failures, `sign_in` / `sign_in_failed` in the audit log with via=cli) and then
reaches exactly what the account reaches in the app: a coordinator of program A gets
AccessDenied for program B in every command, and listings without --program show only A.
The password is one line on stdin (`--password-stdin`, for scripts) or typed at a hidden
prompt; never an argument, which would end up in the shell history and the process list.
Accounts without a password (OIDC sign-in only) are refused: they sign in through the app.

Without `--user` the command acts as the local operator (Scope.local_operator(), audited as
"local"): whoever runs it can open the database file, so they could read every program with
DuckDB anyway; an account would protect nothing there. Deployments where people share a
shell account with the file should give each person an account and have them pass --user.
"""

from __future__ import annotations

import argparse
import getpass
import sys

import duckdb

from dashboard import audit
from dashboard.access import AccessDenied, Scope
from dashboard.i18n import say

from .signin import authenticate
from .users import get_user

VIA = "cli"


class AccountRefused(AccessDenied):
    """The account could not sign in; the message is one line, safe to print."""


def add_account_args(parser: argparse.ArgumentParser, *, stdin_help: str = "") -> None:
    """Adds --user and --password-stdin to a command's parser."""
    group = parser.add_argument_group("account (default: the local operator, see README)")
    group.add_argument(
        "--user", metavar="NAME", help="act as this account, with its role and programs"
    )
    group.add_argument(
        "--password-stdin",
        action="store_true",
        help=stdin_help
        or "read the account's password as one line from stdin (default: hidden prompt)",
    )


def scope_from_args(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Scope:
    """Returns the scope the command acts in: the signed-in account, or the local operator.

    Raises AccountRefused (an AccessDenied) for an unknown user, a wrong password, a locked,
    disabled or password-less account. Needs a writable connection with --user (the attempt
    is audited).
    """
    if not getattr(args, "user", None):
        return Scope.local_operator()
    name = args.user.strip().lower()
    account = get_user(con, name)
    if account is not None and not account.has_password and not account.disabled:
        detail = {"reason": "no_password", "method": "password", "via": VIA}
        audit.record(con, name, "sign_in_failed", detail=detail)
        raise AccountRefused(f"{name} has no password (OIDC account): sign in through the app")
    result = authenticate(con, name, _password(args.password_stdin, name), via=VIA)
    if result.scope is None:
        raise AccountRefused(say(result.message, "en"))
    return result.scope


def _password(from_stdin: bool, name: str) -> str:
    try:
        if from_stdin:
            line = sys.stdin.readline().rstrip("\r\n")
        else:
            line = getpass.getpass(f"Password for {name}: ")
    except EOFError:
        line = ""
    if not line:
        raise AccountRefused("no password given (type it at the prompt or use --password-stdin)")
    return line

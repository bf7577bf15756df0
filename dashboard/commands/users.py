"""`users add|remove|list|passwd|update`: local accounts, roles and program assignments.

Run at the server's shell as the operator (full access), or with --user NAME as an admin
account (anyone else may only change their own password). Passwords are read with getpass
(twice, never echoed) or, for scripts, from stdin with --password-stdin: one line each, the
--user account's password first, then the new one; never from an argument, which would end
up in the shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys

import duckdb

from dashboard import db
from dashboard.access import ROLES, AccessDenied, Scope
from dashboard.auth import UserError, WeakPassword, users
from dashboard.auth.cli_scope import add_account_args, scope_from_args


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("users", help="manage local accounts (admin, coordinator, viewer)")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    add_account_args(
        common,
        stdin_help="read passwords from stdin, one line each: the --user account's first, "
        "then the new one (add, passwd)",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", parents=[common], help="create an account")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--program", action="append", default=[], help="assign a program (repeat)")
    add.add_argument("--oidc", action="store_true", help="no password: signs in through OIDC only")
    add.add_argument("--email", help="address for the weekly digest (coordinators)")
    remove = actions.add_parser("remove", parents=[common], help="delete an account")
    remove.add_argument("username")
    actions.add_parser("list", parents=[common], help="list accounts with role and programs")
    passwd = actions.add_parser("passwd", parents=[common], help="set a new password")
    passwd.add_argument("username")
    update = actions.add_parser(
        "update", parents=[common], help="change role, programs or disable an account"
    )
    update.add_argument("username")
    update.add_argument("--role", choices=ROLES)
    update.add_argument("--program", action="append", help="replace assigned programs (repeat)")
    update.add_argument("--email", help="address for the weekly digest; '' removes it")
    state = update.add_mutually_exclusive_group()
    state.add_argument("--disable", dest="disabled", action="store_true", default=None)
    state.add_argument("--enable", dest="disabled", action="store_false")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Returns 0 when the change was made, 2 when it was refused (the reason is printed)."""
    con = db.connect(args.db)
    try:
        return _ACTIONS[args.action](con, args, scope_from_args(con, args))
    except (UserError, WeakPassword, AccessDenied, PasswordMismatch) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        con.close()


class PasswordMismatch(ValueError):
    """The two typed passwords differ, or stdin held none."""


def _add(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, scope: Scope) -> int:
    password = None if args.oidc else _read_password(args.password_stdin)
    user = users.add_user(
        con,
        args.username,
        args.role,
        scope=scope,
        password=password,
        programs=args.program,
        email=args.email,
    )
    print(f"added {user.username} ({user.role}; programs: {', '.join(user.programs) or '-'})")
    return 0


def _remove(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, scope: Scope) -> int:
    users.remove_user(con, args.username, scope=scope)
    print(f"removed {args.username.strip().lower()}")
    return 0


def _list(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, scope: Scope) -> int:
    rows = users.list_users(con, scope=scope)
    print(f"{'username':32} {'role':12} {'sign-in':9} {'state':9} programs")
    for u in rows:
        method = "password" if u.has_password else "oidc"
        state = "disabled" if u.disabled else "active"
        programs = "all" if u.role == "admin" else ", ".join(u.programs) or "-"
        print(f"{u.username:32} {u.role:12} {method:9} {state:9} {programs}")
    print(f"{len(rows)} account(s)")
    return 0


def _passwd(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, scope: Scope) -> int:
    users.set_password(con, args.username, _read_password(args.password_stdin), scope=scope)
    print(f"password of {args.username.strip().lower()} changed")
    return 0


def _update(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, scope: Scope) -> int:
    user = users.update_user(
        con,
        args.username,
        scope=scope,
        role=args.role,
        programs=args.program,
        disabled=args.disabled,
        email=args.email,
    )
    state = "disabled" if user.disabled else "active"
    print(f"{user.username}: {user.role}, {state}, programs: {', '.join(user.programs) or '-'}")
    return 0


_ACTIONS = {"add": _add, "remove": _remove, "list": _list, "passwd": _passwd, "update": _update}


def _read_password(from_stdin: bool) -> str:
    """Returns the new password: one stdin line, or typed twice at a hidden prompt."""
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise PasswordMismatch("no password on stdin")
        return line
    first = getpass.getpass("New password: ")
    if first != getpass.getpass("Repeat password: "):
        raise PasswordMismatch("the two passwords differ")
    return first

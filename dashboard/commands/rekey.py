"""`rekey [--db PATH] [--user NAME]`: re-encrypt the store under a new key, atomically.

The current key comes from $DASHBOARD_DB_KEY, the new one from $DASHBOARD_DB_KEY_NEW — never
from arguments (shell history, process list). The store is copied into a fresh file under the
new key, checked table by table, and renamed over the old one; the old file is overwritten.
Stop the app first (one writer per file). Afterwards set $DASHBOARD_DB_KEY to the new key.
"""

from __future__ import annotations

import argparse
import os
import sys

import duckdb

from dashboard import db
from dashboard.access import AccessDenied
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.store_rewrite import RewriteFailed, rewrite_store

NEW_KEY_ENV = "DASHBOARD_DB_KEY_NEW"
MIN_KEY_CHARS = 16


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("rekey", help=f"re-encrypt the database under ${NEW_KEY_ENV}")
    parser.add_argument("--db", help="encrypted database (default: $DASHBOARD_DB or data/)")
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Returns 0 after the store was rewritten under the new key, 2 when refused."""
    path = db.resolve_path(args.db)
    old, new = os.environ.get(db.KEY_ENV, ""), os.environ.get(NEW_KEY_ENV, "")
    problem = _problem(path, old, new)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        _require_admin(args, old)
        rewrite_store(path, key=old, new_key=new)
    except (AccessDenied, RewriteFailed, duckdb.Error) as exc:
        print(f"error: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2
    print(f"re-encrypted {path} under ${NEW_KEY_ENV}; now set ${db.KEY_ENV} to that key")
    return 0


def _problem(path: os.PathLike[str], old: str, new: str) -> str:
    """Returns why the command cannot start, "" when it can."""
    if not os.path.isfile(path):
        return f"no database at {path}"
    if not old:
        return f"set ${db.KEY_ENV} to the current key (rekey works on an encrypted store)"
    if len(new) < MIN_KEY_CHARS:
        return f"set ${NEW_KEY_ENV} to the new key (at least {MIN_KEY_CHARS} characters)"
    if new == old:
        return f"${NEW_KEY_ENV} is the current key"
    return ""


def _require_admin(args: argparse.Namespace, key: str) -> None:
    """Raises AccessDenied unless the command runs as the local operator or an admin account
    (the sign-in is checked, and audited, in the store itself)."""
    if not args.user:
        return
    con = db.connect(args.db, key=key)
    try:
        scope = scope_from_args(con, args)
    finally:
        con.close()
    if scope.role != "admin" or scope.programs is not None:
        raise AccessDenied(f"{scope.user} may not re-encrypt the database (admins only)")

"""`encrypt --db PLAIN --out ENCRYPTED`: copy an unencrypted store into a new encrypted file.

The key comes from $DASHBOARD_DB_KEY or is typed twice at a hidden prompt — never from an
argument (shell history, process list). The copy is checked table by table before the command
reports success; the original is left untouched, delete it yourself once you have switched.
The copy holds every program, so with --user NAME only an admin account may make it (the
sign-in is audited in the original); without --user it is the file's owner at the shell.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

import duckdb

from dashboard import db, store_postgres
from dashboard.access import AccessDenied
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.fingerprint import fingerprint


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("encrypt", help="copy the database into a new encrypted file")
    parser.add_argument("--db", help="unencrypted database (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--out", required=True, type=Path, help="encrypted file to create")
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Returns 0 after a verified copy, 2 when refused (the reason is printed)."""
    if store_postgres.is_url(db.resolve_target(args.db)):
        print("error: encrypt turns a DuckDB file into an encrypted one; a PostgreSQL store "
              "is encrypted by its server's disk", file=sys.stderr)  # fmt: skip
        return 2
    source = db.resolve_path(args.db)
    if not source.exists():
        print(f"error: no database at {source}", file=sys.stderr)
        return 2
    if args.out.exists():
        print(f"error: {args.out} exists; choose a new file name", file=sys.stderr)
        return 2
    if args.user and not _admin_signed_in(source, args):
        return 2
    db.connect(source, key="", read_only=True).close()  # held or encrypted: say so before asking
    key = os.environ.get(db.KEY_ENV) or _typed_key()
    if not key:
        return 2
    try:
        copied = encrypt_copy(source, args.out, key)
    except (duckdb.Error, RuntimeError) as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    print(f"wrote encrypted copy {args.out} ({copied} tables verified)")
    print(f"use it with DASHBOARD_DB={args.out} and the same key in ${db.KEY_ENV}")
    return 0


def encrypt_copy(source: Path, target: Path, key: str) -> int:
    """Copies every table and sequence of `source` into a new encrypted `target`; returns the
    number of tables. Raises RuntimeError (and removes `target`) if the copy differs."""
    plain = db.connect(source, key="", read_only=True)  # "" = unencrypted, whatever $KEY says
    expected = fingerprint(plain)
    tables = plain.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database()"
    ).fetchone()
    plain.close()
    con = db.connect(target, key=key, migrate=False)
    try:
        con.execute(f"ATTACH {db._literal(str(source))} AS plain_source (READ_ONLY)")
        con.execute(f"COPY FROM DATABASE plain_source TO {db.STORE}")
        con.execute("DETACH plain_source")
        same = fingerprint(con) == expected
    finally:
        con.close()
    if not same:
        target.unlink(missing_ok=True)
        raise RuntimeError("the encrypted copy differs from the original; nothing was written")
    return int(tables[0]) if tables else 0


def _admin_signed_in(source: Path, args: argparse.Namespace) -> bool:
    """Returns True when --user signs in as an admin; else prints why not."""
    con = db.connect(source, key="")
    try:
        scope = scope_from_args(con, args)
        if scope.role != "admin" or scope.programs is not None:
            raise AccessDenied(f"{scope.user} may not copy every program (admins only)")
    except AccessDenied as exc:
        print(f"error: {exc}", file=sys.stderr)
        return False
    finally:
        con.close()
    return True


def _typed_key() -> str | None:
    first = getpass.getpass("Encryption key (store it in a password manager): ")
    if len(first) < 16:
        print("error: use a key of at least 16 characters", file=sys.stderr)
        return None
    if first != getpass.getpass("Repeat the key: "):
        print("error: the two keys differ", file=sys.stderr)
        return None
    return first

"""`audit --out FILE.csv [--since DATE] [--action A] [--program P] [--user NAME]`: export the
audit log as CSV (admins only when --user is given; exit 2 otherwise).

`audit --verify` checks the hash chain over the log: exit 0 and the newest link (write it down
elsewhere: it anchors the chain), or exit 1 naming the first entry whose link does not hold."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

import duckdb

from dashboard import audit_chain, db
from dashboard.access import AccessDenied, Scope
from dashboard.audit import ACTIONS
from dashboard.audit_export import audit_csv
from dashboard.auth.cli_scope import add_account_args, scope_from_args


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("audit", help="export the audit log (who did what, when) as CSV")
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--out", type=Path, help="CSV file to write (default: standard output)")
    parser.add_argument("--since", type=datetime.fromisoformat, help="only from this date/time")
    parser.add_argument("--action", choices=ACTIONS, help="only this action")
    parser.add_argument("--program", help="only entries about this program")
    parser.add_argument(
        "--verify", action="store_true", help="check the hash chain; name the first broken entry"
    )
    add_account_args(parser)
    parser.set_defaults(handler=run)


VERDICTS = {
    "changed": "its content was changed",
    "predecessor_changed": "the entry before it was changed, deleted or inserted",
    "unlinked": "it was inserted outside the dashboard (it has no link)",
    "deleted": "it was deleted (its link remains)",
}


def run(args: argparse.Namespace) -> int:
    """Writes the CSV, or checks the chain; returns 0, 1 for a broken chain, or 2 when the
    account may not read the log."""
    con = db.connect(args.db)
    try:
        scope = scope_from_args(con, args)
        if args.verify:
            return _verify(con, scope)
        text, count = audit_csv(
            con,
            scope=scope,
            since=args.since,
            action=args.action,
            program_id=args.program,
        )
    except AccessDenied as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        con.close()
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {count} audit entries to {args.out}", file=sys.stderr)
    return 0


def _verify(con: duckdb.DuckDBPyConnection, scope: Scope) -> int:
    """Prints the chain's verdict in one line; returns 0 when intact, 1 when broken."""
    if scope.role != "admin" or scope.programs is not None:
        raise AccessDenied(f"{scope.user} may not read the audit log")
    verdict = audit_chain.verify(con)
    if verdict.broken_at is None:
        print(f"audit chain intact: {verdict.entries} entries, newest link {verdict.head}")
        return 0
    print(
        f"audit chain broken at entry {verdict.broken_at}: {VERDICTS[verdict.reason]} "
        f"({verdict.entries} entries before it verified)"
    )
    return 1

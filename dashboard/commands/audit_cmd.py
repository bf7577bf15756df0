"""`audit --out FILE.csv [--since DATE] [--action A] [--program P] [--user NAME]`: export the
audit log as CSV (admins only when --user is given; exit 2 otherwise)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from dashboard import db
from dashboard.access import AccessDenied
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
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Writes the CSV; returns 0, or 2 when the account may not read the log."""
    con = db.connect(args.db)
    try:
        text, count = audit_csv(
            con,
            scope=scope_from_args(con, args),
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

"""`retention [--apply] [--as-of DATE]`: delete rows past each program's retention period.

Without --apply it is a dry run: it prints what would be deleted and changes nothing.
"""

from __future__ import annotations

import argparse
from datetime import date

from dashboard import db
from dashboard.access import Scope
from dashboard.retention import TABLES, apply_retention


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "retention", help="delete rows older than each program's retention period (dry run)"
    )
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--apply", action="store_true", help="really delete (default: dry run)")
    parser.add_argument(
        "--as-of", type=date.fromisoformat, help="reference date (default: today), YYYY-MM-DD"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Prints rows per program and table; returns 0."""
    con = db.connect(args.db)
    try:
        report = apply_retention(
            con, scope=Scope.local_operator(), as_of=args.as_of, apply=args.apply, trigger="cli"
        )
    finally:
        con.close()
    verb = "deleted" if report.applied else "would delete (dry run; add --apply)"
    print(f"retention as of {report.as_of.isoformat()}: {verb} {report.total} rows")
    print(f"{'program':20} " + " ".join(f"{t:>11}" for t in TABLES))
    for program_id, counts in report.counts.items():
        print(f"{program_id:20} " + " ".join(f"{counts[t]:>11}" for t in TABLES))
    if not report.counts:
        print("(no programs with real data)")
    return 0

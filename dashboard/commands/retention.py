"""`retention [--apply]`: delete expired rows; `retention --program P --months N`: set a period.

Without --apply it is a dry run: it prints what would be deleted and changes nothing.
With --user NAME it covers the programs that account may change; setting a period needs an
admin account (exit 2 otherwise).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from dashboard import db
from dashboard.access import AccessDenied
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.retention import (
    MAX_MONTHS,
    MIN_MONTHS,
    TABLES,
    apply_retention,
    set_retention_months,
)
from dashboard.store_rewrite import rewrite_after_deletion


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "retention", help="delete rows older than each program's retention period (dry run)"
    )
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--apply", action="store_true", help="really delete (default: dry run)")
    parser.add_argument(
        "--as-of", type=date.fromisoformat, help="reference date (default: today), YYYY-MM-DD"
    )
    parser.add_argument("--program", help="with --months: the program whose period to set")
    parser.add_argument(
        "--months", type=int, help=f"set the program's period ({MIN_MONTHS}-{MAX_MONTHS} months)"
    )
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Prints rows per program and table (or sets a period); returns 0, or 2 when refused."""
    if (args.program is None) != (args.months is None):
        print("error: --program and --months go together", file=sys.stderr)
        return 2
    con = db.connect(args.db)
    try:
        scope = scope_from_args(con, args)
        if args.months is not None:
            set_retention_months(con, args.program, args.months, scope=scope)
        else:
            report = apply_retention(
                con, scope=scope, as_of=args.as_of, apply=args.apply, trigger="cli"
            )
    except (ValueError, AccessDenied) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        con.close()
    if args.months is None and report.applied and report.total:
        problem = rewrite_after_deletion(db.resolve_path(args.db))  # no bytes left in the file
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
    if args.months is not None:
        print(f"{args.program}: rows are kept {args.months} months after the end")
        return 0
    verb = "deleted" if report.applied else "would delete (dry run; add --apply)"
    print(f"retention as of {report.as_of.isoformat()}: {verb} {report.total} rows")
    print(f"{'program':20} " + " ".join(f"{t:>11}" for t in TABLES))
    for program_id, counts in report.counts.items():
        print(f"{program_id:20} " + " ".join(f"{counts[t]:>11}" for t in TABLES))
    if not report.counts:
        print("(no programs with real data)")
    return 0

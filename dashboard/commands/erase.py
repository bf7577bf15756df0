"""`erase --program P --id PSEUDONYM [--apply]`: delete everything held about one person.

Dry run by default: prints what would go. The pseudonym may be a supporter or a seeker.
With --user NAME only in a program that account may change (exit 2 otherwise).
"""

from __future__ import annotations

import argparse
import sys

from dashboard import db
from dashboard.access import AccessDenied
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.erasure import erase_subject
from dashboard.store_rewrite import rewrite_after_deletion


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("erase", help="erase one pseudonym (supporter or seeker) everywhere")
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--program", required=True, help="program the pseudonym belongs to")
    parser.add_argument("--id", required=True, dest="pseudonym", help="supporter or seeker code")
    parser.add_argument("--apply", action="store_true", help="really erase (default: dry run)")
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Prints rows per table; returns 0, or 1 when nothing is held for that pseudonym."""
    con = db.connect(args.db)
    try:
        scope = scope_from_args(con, args)
        counts = erase_subject(con, args.program, args.pseudonym, scope=scope, apply=args.apply)
    except AccessDenied as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        con.close()
    found = {t: n for t, n in counts.items() if n}
    if args.apply and found:
        problem = rewrite_after_deletion(db.resolve_path(args.db))  # no bytes left in the file
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
    if not found:
        print(f"nothing is held for that pseudonym in program {args.program}")
        return 1
    verb = "erased" if args.apply else "would erase (dry run; add --apply)"
    print(f"{verb} {sum(found.values())} rows: " + ", ".join(f"{t} {n}" for t, n in found.items()))
    return 0

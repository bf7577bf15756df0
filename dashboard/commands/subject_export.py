"""`subject-export --program P --id PSEUDONYM --out FILE.json [--user NAME]`: everything held
about one person (with --user only in a program the account may change; exit 2 otherwise)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dashboard import db
from dashboard.access import AccessDenied
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.erasure import export_subject


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "subject-export", help="export every row held about one pseudonym as JSON (GDPR Art. 15)"
    )
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--program", required=True, help="program the pseudonym belongs to")
    parser.add_argument("--id", required=True, dest="pseudonym", help="supporter or seeker code")
    parser.add_argument("--out", required=True, type=Path, help="JSON file to write")
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Writes the JSON file; returns 0, 1 when nothing is held for that pseudonym, 2 if refused."""
    con = db.connect(args.db)
    try:
        scope = scope_from_args(con, args)
        document = export_subject(con, args.program, args.pseudonym, scope=scope)
    except AccessDenied as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        con.close()
    args.out.write_text(json.dumps(document, indent=2, default=str, ensure_ascii=False) + "\n")
    rows = sum(len(r) for r in document["tables"].values())
    print(f"wrote {rows} rows about the pseudonym to {args.out}", file=sys.stderr)
    return 0 if rows else 1

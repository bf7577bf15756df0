"""`scores --db PATH [--program ID] [--format json|table]`: ProQOL 5 scores per response.

One object per response: supporter_id, response_date, compassion_satisfaction, burnout,
secondary_traumatic_stress and their bands (low / moderate / high, or not_scored when an item
is missing, listed in missing_items). ProQOL by The Center for Victims of Torture, ProQOL.org.
With --user NAME (password from --password-stdin or a prompt) only the account's programs.
Exit codes: 0 = done; 2 = unknown program, no database, sign-in refused or no access.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import duckdb

from dashboard import proqol
from dashboard.access import AccessDenied
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.commands.signals import CommandError, open_existing
from dashboard.signals import UnknownProgram, require_program

COLUMNS = ("compassion_satisfaction", "burnout", "secondary_traumatic_stress")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "scores",
        help="ProQOL 5 scores and bands per response",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--program", help="only this program (default: every program)")
    parser.add_argument("--format", choices=("json", "table"), default="json")
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        con = open_existing(args.db, read_only=not args.user)  # a sign-in is audited
        try:
            scope = scope_from_args(con, args)
            if args.program:
                require_program(con, args.program, scope=scope)
            rows = proqol.scores(con, scope=scope, program_id=args.program)
        finally:
            con.close()
    except (CommandError, UnknownProgram, AccessDenied) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        print(f"error: cannot read the database ({type(exc).__name__})", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps([_plain(r) for r in rows], indent=2, ensure_ascii=False))
    else:
        print(_table(rows))
    print(proqol.CREDIT, file=sys.stderr)
    return 0


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "response_date": row["response_date"].isoformat()}


def _table(rows: list[dict[str, Any]]) -> str:
    lines = ["program  supporter  date        CS (band)        BO (band)        STS (band)"]
    for r in rows:
        cells = [f"{r[c] if r[c] is not None else '–':>2} ({r[c + '_band']})" for c in COLUMNS]
        lines.append(
            f"{r['program_id']:<8} {r['supporter_id']:<10} {r['response_date']}  "
            + "  ".join(f"{c:<15}" for c in cells)
        )
    return "\n".join(lines)

"""`signals --db PATH [--program ID] [--as-of YYYY-MM-DD] [--format json|table] [--lang en|de]
[--user NAME [--password-stdin]]`

Prints the signals of every program (or one) as a JSON list or a table, worst first; with
--user only of the programs that account reaches.
Exit codes: 0 = evaluated (with or without signals); 2 = bad date, unknown program, no
database, sign-in refused, no access. Errors are one line, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import duckdb

from dashboard import db, store_postgres
from dashboard.access import AccessDenied
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.settings import SettingError
from dashboard.signals import SignalResult, UnknownProgram, evaluate

JSON_KEYS = (
    "program_id", "signal_id", "action", "severity", "subject_type", "subject_id", "value",
    "threshold", "window_days", "message", "message_de", "evidence", "since",
)  # fmt: skip


class CommandError(Exception):
    """A usage problem to print as one line and exit 2."""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "signals",
        help="list supervision, training and networking signals with their evidence",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--program", help="only this program (default: every program)")
    parser.add_argument(
        "--as-of",
        dest="as_of",
        help="evaluate on this date, YYYY-MM-DD "
        "(default: the program's as_of_default setting, else today)",
    )
    parser.add_argument("--format", choices=("json", "table"), default="json")
    parser.add_argument(
        "--lang", choices=("en", "de"), default="en", help="language of the table's sentences"
    )
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        as_of = parse_date(args.as_of)
        con = open_existing(args.db, read_only=not args.user)  # a sign-in is audited
        try:
            scope = scope_from_args(con, args)
            found = evaluate(con, scope=scope, program_id=args.program, as_of=as_of)
        finally:
            con.close()
    except (CommandError, UnknownProgram, AccessDenied, SettingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        print(f"error: cannot read the database ({type(exc).__name__})", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps([as_json(r) for r in found], indent=2, ensure_ascii=False))
    else:
        print(table(found, args.lang))
    return 0


def parse_date(text: str | None) -> date | None:
    """Returns the date of a YYYY-MM-DD text (None for None); CommandError otherwise."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"--as-of must be a date YYYY-MM-DD, got {text!r}") from None


def open_existing(path: str | None, *, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Returns a (read-only) connection to an existing database; CommandError if there is none."""
    target = db.resolve_target(path)
    if not store_postgres.is_url(target) and not Path(target).is_file():
        raise CommandError(f"no database at {target} (import data first, or pass --db)")
    return db.connect(target, read_only=read_only)


def as_json(result: SignalResult) -> dict[str, object]:
    """Returns one signal with the CLI's keys, in the documented order."""
    data = result.as_json()
    return {key: data[key] for key in JSON_KEYS}


def table(results: Sequence[SignalResult], lang: str = "en") -> str:
    """Returns the signals as an aligned text table (severity, signal, subject, sentence)."""
    if not results:
        return "keine Signale" if lang == "de" else "no signals"
    rows = [("program", "severity", "signal", "subject", "message")]
    rows += [
        (
            r.program_id,
            r.severity,
            r.signal_id,
            r.subject_id,
            r.message_de if lang == "de" else r.message,
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)) + "  " + row[4]
        for row in rows
    )

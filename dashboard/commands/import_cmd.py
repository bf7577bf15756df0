"""`import --db PATH --program ID [--accept-valid] [--report FILE.json] FILE_OR_DIR...`

Exit codes: 0 = every row committed; 1 = rows rejected (nothing committed unless
--accept-valid); 2 = unusable input or usage (nothing committed). Bad input is explained,
never shown as a traceback, and no message ever prints a whole row.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

import duckdb

from dashboard import db
from dashboard.access import Scope
from dashboard.ingest import ImportReport, import_paths

SHOWN_ERRORS = 20


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "import",
        help="check CSV exports against the contract and import them atomically",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="CSV files or folders")
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--program", required=True, help="program the files belong to")
    parser.add_argument(
        "--accept-valid",
        action="store_true",
        help="commit the valid rows and quarantine the rejected ones",
    )
    parser.add_argument("--report", type=Path, help="write the full JSON report here")
    parser.add_argument("--lang", choices=("en", "de"), default="en", help="message language")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Returns the import's exit code after printing a summary (errors capped) to stderr."""
    if args.report and not args.report.parent.is_dir():
        print(f"error: folder for --report does not exist: {args.report.parent}", file=sys.stderr)
        return 2
    try:
        report = _import(args)
    except FileNotFoundError as exc:
        print(f"error: no such file or folder: {exc}", file=sys.stderr)
        return 2
    except (ValueError, PermissionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.IOException as exc:  # e.g. the database is locked by a running app
        print(f"error: cannot open the database: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:  # its text may quote a row of the file: show the kind only
        print(f"error: the database refused the import ({type(exc).__name__})", file=sys.stderr)
        return 2
    print_summary(report, sys.stderr, args.lang)
    if args.report:
        args.report.write_text(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    return report.exit_code


def _import(args: argparse.Namespace) -> ImportReport:
    con = db.connect(args.db)
    try:
        operator = Scope.local_operator()
        return import_paths(
            con, args.program, args.paths, accept_valid=args.accept_valid, scope=operator,
            imported_by=operator.user,
        )  # fmt: skip
    finally:
        con.close()


def print_summary(report: ImportReport, out: TextIO, lang: str = "en") -> None:
    """Writes per file what it was recognised as, its counts and notices, then the errors."""
    german = lang == "de"
    for f in report.files:
        export = f.export or "?"
        out.write(
            f"{f.file}: {export}, {f.rows_read} rows read, {f.rows_valid} valid, "
            f"{f.rows_rejected} rejected\n"
        )
        for notice in f.notices_de if german else f.notices:
            out.write(f"  - {notice}\n")
    for e in report.errors[:SHOWN_ERRORS]:
        where = f"line {e.line}" if e.line else "file"
        out.write(f"{e.file} {where}: {e.message_de if german else e.message}\n")
    hidden = len(report.errors) - SHOWN_ERRORS
    if hidden > 0:
        out.write(f"... and {hidden} more, see --report\n")
    out.write(_verdict(report) + "\n")


def _verdict(report: ImportReport) -> str:
    if report.unusable:
        return "Nothing committed: a file could not be used (exit 2)."
    if report.committed and report.errors:
        rejected = sum(f.rows_rejected for f in report.files)
        return (
            f"Import {report.import_id} committed the valid rows; {rejected} rows were "
            "quarantined (exit 1)."
        )
    if report.committed:
        valid = sum(f.rows_valid for f in report.files)
        return f"Import {report.import_id} committed {valid} rows (exit 0)."
    return "Nothing committed: fix the rows above or use --accept-valid (exit 1)."

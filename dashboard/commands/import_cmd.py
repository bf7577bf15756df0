"""`import --db PATH --program ID [--accept-valid] [--report FILE.json] [--mapping FILE.json]...
[--user NAME [--password-stdin]] FILE_OR_DIR...`

A mapping file holds {"export": ..., "columns": {"file header": "contract column" | null},
"values": {"column": {"file value": "code"}}, "date_order": "dmy" | "mdy" | "ymd"} (all
optional); it applies to the files whose header holds every header it names.

Exit codes: 0 = every row committed; 1 = rows rejected (nothing committed unless
--accept-valid); 2 = unusable input or usage (nothing committed). Bad input is explained,
never shown as a traceback, and no message ever prints a whole row. With --user the import
is made (and audited) as that account, into a program it may change (else exit 2).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

import duckdb
from pydantic import ValidationError

from dashboard import db
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.i18n import LANGS, Msg, say, t
from dashboard.ingest import ImportReport, InputError, Mapping, import_paths

SHOWN_ERRORS = 20


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "import",
        help="check exports (CSV, .xlsx, .ods) against the contract and import them atomically",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="+", metavar="FILE_OR_DIR", help="CSV, .xlsx or .ods files, or folders"
    )
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--program", required=True, help="program the files belong to")
    parser.add_argument(
        "--accept-valid",
        action="store_true",
        help="commit the valid rows and quarantine the rejected ones",
    )
    parser.add_argument("--report", type=Path, help="write the full JSON report here")
    parser.add_argument(
        "--mapping",
        type=Path,
        action="append",
        default=[],
        metavar="FILE.json",
        help="a column/value/date-order mapping (repeatable; see docs/mapping.md)",
    )
    parser.add_argument("--lang", choices=LANGS, default="en", help="message language")
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Returns the import's exit code after printing a summary (errors capped) to stderr."""
    if args.report and not args.report.parent.is_dir():
        print(f"error: folder for --report does not exist: {args.report.parent}", file=sys.stderr)
        return 2
    try:
        mappings = [load_mapping(path) for path in args.mapping]
        report = _import(args, mappings)
    except FileNotFoundError as exc:
        print(f"error: no such file or folder: {exc}", file=sys.stderr)
        return 2
    except InputError as exc:
        print(f"error: {exc.text(args.lang)}", file=sys.stderr)
        return 2
    except (ValueError, PermissionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:  # its text may quote a row of the file: show the kind only
        print(f"error: the database refused the import ({type(exc).__name__})", file=sys.stderr)
        return 2
    print_summary(report, sys.stderr, args.lang)
    if args.report:
        document = report.as_json(args.lang)
        args.report.write_text(json.dumps(document, indent=2, ensure_ascii=False))
    return report.exit_code


def load_mapping(path: Path) -> Mapping:
    """Returns the mapping in JSON file `path`; ValueError saying what is wrong with it."""
    try:
        return Mapping.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        problems = "; ".join(_problem(e) for e in exc.errors())
        raise ValueError(f"--mapping {path}: {problems}") from None


def _problem(error: Any) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()))
    return f"{where}: {error['msg']}" if where else str(error["msg"])


def _import(args: argparse.Namespace, mappings: list[Mapping]) -> ImportReport:
    con = db.connect(args.db)
    try:
        scope = scope_from_args(con, args)
        return import_paths(
            con, args.program, args.paths, accept_valid=args.accept_valid, scope=scope,
            mappings=mappings,
        )  # fmt: skip
    finally:
        con.close()


def print_summary(report: ImportReport, out: TextIO, lang: str = "en") -> None:
    """Writes per file what it was recognised as, its counts and notices, then the errors."""
    for f in report.files:
        counts = {"read": f.rows_read, "valid": f.rows_valid, "rejected": f.rows_rejected}
        out.write(t("cli.import.file", lang, file=f.file, export=f.export or "?", **counts) + "\n")
        for notice in f.notices:
            out.write(f"  - {say(notice, lang)}\n")
        for warning in f.warnings:
            out.write(f"  ! {say(warning, lang)}\n")
    for e in report.errors[:SHOWN_ERRORS]:
        where = t("cli.import.line", lang, line=e.line) if e.line else t("cli.import.whole", lang)
        out.write(f"{e.file} {where}: {e.text(lang)}\n")
    hidden = len(report.errors) - SHOWN_ERRORS
    if hidden > 0:
        out.write(t("cli.import.more", lang, n=hidden) + "\n")
    verdict = _verdict(report)
    out.write(say(verdict, lang) + "\n")


def _verdict(report: ImportReport) -> Msg:
    if report.unusable:
        return Msg("cli.import.unusable")
    if report.committed and report.errors:
        n = sum(f.rows_rejected for f in report.files)
        return Msg("cli.import.partial", {"id": str(report.import_id), "n": n})
    if report.committed:
        n = sum(f.rows_valid for f in report.files)
        return Msg("cli.import.done", {"id": str(report.import_id), "n": n})
    return Msg("cli.import.rejected")

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
from dashboard.ingest import ImportReport, InputError, Mapping, Upload, import_paths
from dashboard.terminal import escape

SHOWN_ERRORS = 20
MAX_MAPPING_BYTES = 1_048_576  # a mapping names a few dozen headers: a few KB
SHOWN_PROBLEMS = 3  # of a mapping file's problems, on its one error line
SHOWN_PROBLEM_CHARS = 200


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
    parser.add_argument("--lang", choices=("en", "de"), default="en", help="message language")
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
        print(f"error: {exc.message_de if args.lang == 'de' else exc}", file=sys.stderr)
        return 2
    except (ValueError, PermissionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:  # its text may quote a row of the file: show the kind only
        print(f"error: the database refused the import ({type(exc).__name__})", file=sys.stderr)
        return 2
    print_summary(report, sys.stderr, args.lang)
    if args.report:
        args.report.write_text(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    return report.exit_code


def load_mapping(path: Path) -> Mapping:
    """Returns the mapping in JSON file `path`; ValueError saying in one line what is wrong
    with it or with the path (a folder, a device, unreadable, larger than 1 MB)."""
    try:
        data = Upload.from_path(path, MAX_MAPPING_BYTES).data
    except InputError as exc:
        why = {"too_large": "larger than 1 MB; a mapping is a few KB",
               "not_a_file": "not a regular file (a folder, device or pipe)"}  # fmt: skip
        raise ValueError(f"--mapping {path}: {why.get(exc.code, exc)}") from None
    return parse_mapping(data, str(path))


def parse_mapping(data: bytes, source: str) -> Mapping:
    """Returns the mapping in the JSON `data`; ValueError naming `source` and, on one line of
    bounded length, the first few problems (keys from the file are shown escaped)."""
    try:
        return Mapping.model_validate_json(data)
    except ValidationError as exc:
        problems = [_problem(e)[:SHOWN_PROBLEM_CHARS] for e in exc.errors()]
        shown = "; ".join(problems[:SHOWN_PROBLEMS])
        if len(problems) > SHOWN_PROBLEMS:
            shown += f"; and {len(problems) - SHOWN_PROBLEMS} more"
        raise ValueError(escape(f"--mapping {source}: {shown}", keep_newlines=False)) from None


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


# (English, German) wording of the summary; {placeholders} filled per file and import.
TEXT: dict[str, tuple[str, str]] = {
    "file": (
        "{file}: {export}, {read} rows read, {valid} valid, {rejected} rejected",
        "{file}: {export}, {read} Zeilen gelesen, {valid} gültig, {rejected} abgelehnt",
    ),
    "line": ("line {line}", "Zeile {line}"),
    "whole": ("file", "Datei"),
    "more": ("... and {n} more, see --report", "... und {n} weitere, siehe --report"),
    "unusable": (
        "Nothing committed: a file could not be used (exit 2).",
        "Nichts übernommen: eine Datei war nicht verwendbar (Exit 2).",
    ),
    "partial": (
        "Import {id} committed the valid rows; {n} rows were quarantined (exit 1).",
        "Import {id} hat die gültigen Zeilen übernommen; {n} Zeilen in Quarantäne (Exit 1).",
    ),
    "done": (
        "Import {id} committed {n} rows (exit 0).",
        "Import {id}: {n} Zeilen übernommen (Exit 0).",
    ),
    "rejected": (
        "Nothing committed: fix the rows above or use --accept-valid (exit 1).",
        "Nichts übernommen: Zeilen oben korrigieren oder --accept-valid verwenden (Exit 1).",
    ),
}


def print_summary(report: ImportReport, out: TextIO, lang: str = "en") -> None:
    """Writes per file what it was recognised as, its counts and notices, then the errors."""
    german = lang == "de"

    def say(key: str, **values: object) -> str:
        return TEXT[key][1 if german else 0].format(**values)

    for f in report.files:
        out.write(say("file", file=f.file, export=f.export or "?", read=f.rows_read,
                      valid=f.rows_valid, rejected=f.rows_rejected) + "\n")  # fmt: skip
        for notice in f.notices_de if german else f.notices:
            out.write(f"  - {notice}\n")
        for warning in f.warnings_de if german else f.warnings:
            out.write(f"  ! {warning}\n")
    for e in report.errors[:SHOWN_ERRORS]:
        where = say("line", line=e.line) if e.line else say("whole")
        out.write(f"{e.file} {where}: {e.message_de if german else e.message}\n")
    hidden = len(report.errors) - SHOWN_ERRORS
    if hidden > 0:
        out.write(say("more", n=hidden) + "\n")
    key, n = _verdict(report)
    out.write(say(key, id=report.import_id, n=n) + "\n")


def _verdict(report: ImportReport) -> tuple[str, int]:
    if report.unusable:
        return "unusable", 0
    if report.committed and report.errors:
        return "partial", sum(f.rows_rejected for f in report.files)
    if report.committed:
        return "done", sum(f.rows_valid for f in report.files)
    return "rejected", 0

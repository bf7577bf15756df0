"""`demo [--db PATH]`: load the demo program; `demo --write DIR`: write its CSV files instead.

The demo program `demo` (25 pseudonymous supporters, every rulebook signal occurs) is imported
through the importer like any upload, marked as demo, with its as-of date 2026-11-20 stored as
the program's default. `--write DIR` writes DIR/demo (canonical CSVs) and DIR/variants/excel_de
and DIR/variants/kobo — `demo --write sample_data` refreshes the committed files. With --user NAME
the demo is loaded as that account (it needs write access to the program `demo`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard import db
from dashboard.access import AccessDenied
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.sample import DEMO_AS_OF, DEMO_PROGRAM, build_demo, load_demo
from dashboard.sample.csvout import write_canonical
from dashboard.sample.variants import write_variants


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "demo",
        help="load the demo program into the database (or write its CSV files)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    target.add_argument("--write", type=Path, metavar="DIR", help="write the CSV files here")
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Returns 0 when the demo was loaded (or written), else the importer's exit code."""
    if args.write:
        return _write(args.write)
    con = db.connect(args.db)  # a held file or wrong key: one line from dashboard.cli
    try:
        scope = scope_from_args(con, args)
        report = load_demo(con, scope=scope, imported_by=scope.user if args.user else "demo")
    except AccessDenied as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        con.close()
    if not report.committed:
        print(f"error: the demo did not import (exit {report.exit_code})", file=sys.stderr)
        return report.exit_code or 2
    rows = ", ".join(f"{f.export} {f.rows_valid}" for f in report.files)
    print(
        f"Loaded demo program '{DEMO_PROGRAM}' into {db.describe(db.resolve_target(args.db))} "
        f"(import {report.import_id}): {rows}."
    )
    print(
        f"Its as-of date is {DEMO_AS_OF.isoformat()}. Signals: python -m dashboard signals "
        f"--db {db.describe(db.resolve_target(args.db))} --program {DEMO_PROGRAM} --format table"
    )
    return 0


def _write(root: Path) -> int:
    tables = build_demo()
    canonical = write_canonical(tables, root / "demo")
    variants = write_variants(tables, root / "variants")
    total = len(canonical) + sum(len(paths) for paths in variants.values())
    print(
        f"wrote {total} files: {root / 'demo'}, {root / 'variants' / 'excel_de'}, "
        f"{root / 'variants' / 'kobo'}"
    )
    return 0

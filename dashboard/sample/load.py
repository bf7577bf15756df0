"""Loads the demo program into a database through the importer, like any upload."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from dashboard.access import Scope
from schemas import EXPORTS

from .demo import DEMO_AS_OF, DEMO_PROGRAM, write_demo

if TYPE_CHECKING:
    from dashboard.ingest.report import ImportReport

# The committed demo files; absent when the package is installed without the repository.
DEMO_DIR = Path(__file__).resolve().parents[2] / "sample_data" / "demo"


def demo_files(folder: Path | None = None) -> list[Path]:
    """Returns the demo's CSV files (default: DEMO_DIR) in registry order, [] if one is missing."""
    paths = [(folder or DEMO_DIR) / f"{name}.csv" for name in EXPORTS]
    return paths if all(p.is_file() for p in paths) else []


def load_demo(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, imported_by: str = "demo"
) -> ImportReport:
    """Returns the import report of loading the demo program (program `demo`, marked is_demo).

    Reads sample_data/demo/ (or freshly written demo files when that folder is not there) and,
    when committed, stores the demo's as-of date as the program's default so its signals show.
    """
    from dashboard.ingest import import_paths

    with tempfile.TemporaryDirectory(prefix="demo-") as tmp:
        paths = demo_files() or write_demo(tmp)
        report = import_paths(
            con, DEMO_PROGRAM, paths, imported_by=imported_by, is_demo=True, scope=scope
        )
    if report.committed:
        _store_as_of(con, scope, imported_by)
    return report


def _store_as_of(con: duckdb.DuckDBPyConnection, scope: Scope, actor: str) -> None:
    from dashboard.settings import set_program_setting  # audited as a setting_change

    set_program_setting(con, DEMO_PROGRAM, "as_of_default", DEMO_AS_OF, scope=scope, actor=actor)

"""What the import page shows: per-file and per-error rows of a report, and the history."""

from __future__ import annotations

import re
from typing import Any

import duckdb
import pandas as pd

from dashboard.access import Scope
from dashboard.i18n import say
from dashboard.ingest.messages import value_text
from dashboard.ingest.report import ImportReport
from schemas.fields import CODE_PATTERN

_PROGRAM_ID = re.compile(CODE_PATTERN)
HISTORY_COLUMNS = (
    "import_id",
    "program_id",
    "started_at",
    "imported_by",
    "status",
    "is_demo",
    "files",
    "rows_valid",
    "rows_rejected",
)


def is_valid_program_id(text: str) -> bool:
    """Returns whether `text` can name a program (same rule as every code of the contract)."""
    return bool(_PROGRAM_ID.fullmatch(text or ""))


def file_rows(report: ImportReport, lang: str) -> list[dict[str, Any]]:
    """Returns one row per uploaded file: name, recognised export, row counts, notices."""
    return [
        {
            "file": f.file,
            "export": f.export or "",
            "rows_read": f.rows_read,
            "rows_valid": f.rows_valid,
            "rows_rejected": f.rows_rejected,
            "notices": " · ".join(say(n, lang) for n in f.notices),
        }
        for f in report.files
    ]


def error_rows(report: ImportReport, lang: str) -> list[dict[str, Any]]:
    """Returns one row per error: file, line, column, value, code and the reason in `lang`."""
    return [
        {
            "file": e.file,
            "line": e.line,
            "column": e.column,
            "value": value_text(e.value, lang),
            "code": e.code,
            "reason": e.text(lang),
        }
        for e in report.errors
    ]


def can_import_all(report: ImportReport) -> bool:
    """Returns whether every row is valid, so a plain import can commit."""
    return not report.unusable and not report.errors and any(f.rows_valid for f in report.files)


def can_import_valid(report: ImportReport) -> bool:
    """Returns whether some rows were rejected but others can be committed (Import valid rows)."""
    return not report.unusable and bool(report.errors) and any(f.rows_valid for f in report.files)


def history(con: duckdb.DuckDBPyConnection, *, scope: Scope) -> pd.DataFrame:
    """Returns the imports `scope` reaches, newest first, with their counts."""
    from dashboard.ingest import list_imports

    frame = pd.DataFrame(list_imports(con, scope=scope))
    if frame.empty:
        return frame
    if "files" in frame:
        frame["files"] = [_file_names(f) for f in frame["files"]]
    return frame.sort_values("import_id", ascending=False).reset_index(drop=True)


def _file_names(files: Any) -> str:
    if isinstance(files, list):
        return ", ".join(str(f.get("file", "")) if isinstance(f, dict) else str(f) for f in files)
    return str(files or "")

"""Past imports: list them, remove one, export its quarantined rows for correction."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from dashboard.programs import require_active
from schemas import EXPORTS

from .. import audit
from ..access import Scope
from ..privacy import to_safe_csv
from ..transaction import transaction
from .messages import error_text, value_text, where
from .report import ImportReport
from .rules import ident

IMPORT_COLUMNS = (
    "import_id", "program_id", "started_at", "finished_at", "imported_by", "status", "is_demo",
    "files", "rows_valid", "rows_rejected",
)  # fmt: skip


def list_imports(con: duckdb.DuckDBPyConnection, *, scope: Scope) -> list[dict[str, Any]]:
    """Returns the imports of the programs `scope` reaches, newest first (files as a list)."""
    rows = con.execute(
        f"SELECT {', '.join(IMPORT_COLUMNS)} FROM imports "
        "WHERE ? IS NULL OR program_id IN (SELECT unnest(?)) ORDER BY import_id DESC",
        [scope.sql_programs(), scope.sql_programs()],
    ).fetchall()
    found = [dict(zip(IMPORT_COLUMNS, row, strict=True)) for row in rows]
    for entry in found:
        entry["files"] = json.loads(entry["files"]) if entry["files"] else []
    return found


def remove_import(
    con: duckdb.DuckDBPyConnection, import_id: int, *, scope: Scope, actor: str | None = None
) -> dict[str, int]:
    """Deletes the rows import `import_id` wrote and its quarantine; returns rows per table.

    The import stays listed with status 'removed'. Rows it replaced are not restored:
    re-upload the previous export to get them back. KeyError for an unknown import.
    """
    program_id = _program_of(con, import_id)
    scope.require(program_id, write=True)
    require_active(con, program_id)
    removed: dict[str, int] = {}
    with transaction(con):
        for name in EXPORTS:
            row = con.execute(
                f"DELETE FROM {ident(name)} WHERE import_id = ? AND program_id = ?",
                [import_id, program_id],
            ).fetchone()
            removed[name] = int(row[0]) if row else 0
        con.execute("DELETE FROM quarantine WHERE import_id = ?", [import_id])
        con.execute("UPDATE imports SET status = 'removed' WHERE import_id = ?", [import_id])
        detail = {"import_id": import_id, "rows_removed": sum(removed.values())}
        audit.record(con, actor or scope.user, "removal", program_id, detail)
    return removed


def quarantine_csv(
    con: duckdb.DuckDBPyConnection,
    import_id: int,
    *,
    scope: Scope,
    export: str | None = None,
    lang: str = "en",
) -> str:
    """Returns the rejected rows of an import as CSV, with their line and problems.

    Columns: file, line, export, problems (in `lang`), then the contract columns (of `export`,
    or of every export present). Cells a spreadsheet would run as a formula are neutralised.
    """
    records, columns = quarantine_rows(con, import_id, scope=scope, export=export, lang=lang)
    return to_safe_csv(records, columns)


def quarantine_rows(
    con: duckdb.DuckDBPyConnection,
    import_id: int,
    *,
    scope: Scope,
    export: str | None = None,
    lang: str = "en",
) -> tuple[list[dict[str, Any]], list[str]]:
    """Returns the rejected rows of an import (file, line, export, problems, then the cells as
    uploaded) and the column names in file order (see quarantine_csv)."""
    program_id = _program_of(con, import_id)
    scope.require(program_id)
    rows = con.execute(
        "SELECT file, line, export, record, errors FROM quarantine WHERE import_id = ? "
        "AND (? IS NULL OR export = ?) ORDER BY file, line",
        [import_id, export, export],
    ).fetchall()
    exports = [export] if export else sorted({r[2] for r in rows}, key=list(EXPORTS).index)
    columns = list(dict.fromkeys(c.name for e in exports for c in EXPORTS[e].columns))
    records = []
    for file, line, name, record, errors in rows:
        problems = "; ".join(_problem(e, lang) for e in json.loads(errors))
        entry = {"file": file, "line": line, "export": name, "problems": problems}
        cells = {
            k: value_text(v, lang) if isinstance(v, str) else v
            for k, v in json.loads(record).items()
        }
        records.append(entry | cells)
    return records, ["file", "line", "export", "problems", *columns]


def _problem(error: dict[str, Any], lang: str) -> str:
    """Returns one stored problem of a quarantined row as text in `lang`."""
    if "message" in error:  # stored before problems were kept as code and parameters
        return str(error["message"])
    detail = where(error.get("detail") or "", error.get("at_line"))
    value = error.get("value") or ""
    return error_text(error["code"], lang, error.get("column") or "", value, detail)


def errors_csv(report: ImportReport, lang: str = "en") -> str:
    """Returns the report's errors as CSV (file, line, column, value, code, message in `lang`).

    A redacted value reads in `lang` too; every other value is the cell as uploaded.
    """
    return to_safe_csv(error_rows(report, lang), ERROR_COLUMNS)


ERROR_COLUMNS = ("file", "line", "column", "value", "code", "message")


def error_rows(report: ImportReport, lang: str = "en") -> list[dict[str, Any]]:
    """Returns the report's errors as dicts with the ERROR_COLUMNS, message and a redacted
    value in `lang`."""
    return [e.as_dict(lang) | {"value": value_text(e.value, lang)} for e in report.errors]


def _program_of(con: duckdb.DuckDBPyConnection, import_id: int) -> str:
    row = con.execute("SELECT program_id FROM imports WHERE import_id = ?", [import_id]).fetchone()
    if row is None:
        raise KeyError(f"no import {import_id}")
    return str(row[0])

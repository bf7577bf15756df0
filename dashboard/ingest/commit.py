"""The one transaction of an import: replace rows by key, quarantine rejects, record lineage.

Everything happens between BEGIN and COMMIT on one cursor, so a crash or a kill leaves the
store exactly as it was. Rows are written parents first; a re-uploaded key replaces the
stored row (delete by key + insert); every written row carries the import's id.

Two imports into the same program must not interleave: each would replace keys as it saw
them and new keys would be written twice. The transaction therefore first writes the
program's row, which DuckDB lets only one open transaction do; the other one fails with a
conflict (ConcurrentImport here) and writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import duckdb

from schemas import LOAD_ORDER

from .. import audit, db
from ..transaction import transaction
from . import rules
from .report import FileReport
from .rules import ident
from .stage import StagedFile, bind


class ConcurrentImport(Exception):
    """Another transaction wrote the same program first; this import was rolled back."""


def commit(
    cur: duckdb.DuckDBPyConnection,
    files: Sequence[StagedFile],
    program_id: str,
    *,
    quarantined: dict[int, str],
    errors: str,
    imported_by: str,
    is_demo: bool,
    started_at: datetime,
) -> int:
    """Writes the valid rows of `files` (and quarantines the rest); returns the import id.

    Raises ConcurrentImport, with nothing written, when another import into the program
    committed after this one's checks or is committing at the same time.
    """
    try:
        with transaction(cur):
            _claim_program(cur, program_id, is_demo)
            import_id = db.next_value(cur, "import_id_seq")
            for name in LOAD_ORDER:
                for staged in (f for f in files if f.export.name == name):
                    _replace(cur, staged, program_id, import_id)
            for staged in files:
                if staged.index in quarantined:
                    bad = quarantined[staged.index]
                    _quarantine(cur, staged, bad, errors, program_id, import_id)
            _record_import(cur, files, program_id, import_id, imported_by, is_demo, started_at)
    except duckdb.Error as exc:  # write-write conflict, at a statement or COMMIT
        if not db.is_write_conflict(exc):
            raise
        raise ConcurrentImport(program_id) from exc
    return import_id


def _claim_program(cur: duckdb.DuckDBPyConnection, program_id: str, is_demo: bool) -> None:
    """Writes the program's row so a second open import of the program conflicts."""
    try:
        # Not ON CONFLICT: on PostgreSQL DuckDB would then send NULL for the defaulted columns.
        cur.execute(
            "INSERT INTO programs (program_id, is_demo) SELECT $p, $demo "
            "WHERE NOT EXISTS (SELECT 1 FROM programs WHERE program_id = $p)",
            {"p": program_id, "demo": is_demo},
        )
    except duckdb.ConstraintException as exc:  # created by an import committed since BEGIN
        raise ConcurrentImport(program_id) from exc
    # DuckDB skips an update that sets a value it already holds (no version, no conflict),
    # so the flag is flipped and flipped back: the row is written, its value unchanged.
    for _ in range(2):
        cur.execute("UPDATE programs SET is_demo = NOT is_demo WHERE program_id = ?", [program_id])


def _replace(
    cur: duckdb.DuckDBPyConnection, staged: StagedFile, program_id: str, import_id: int
) -> None:
    table, present = ident(staged.export.name), {c.name for c in staged.columns}
    same_key = " AND ".join(
        f"{('s.' + ident(k)) if k in present else 'NULL'} IS NOT DISTINCT FROM {table}.{ident(k)}"
        for k in staged.export.primary_key
    )
    stored = cur.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE program_id = ? LIMIT 1)", [program_id]
    ).fetchone()
    if stored and stored[0]:  # a first import has nothing to replace
        cur.execute(
            f"DELETE FROM {table} WHERE program_id = $program AND EXISTS (SELECT 1 FROM "
            f"{staged.table} s WHERE NOT s._bad AND NOT s._blank AND {same_key})",
            {"program": program_id},
        )
    names = [ident(c.name) for c in staged.columns]
    values = [rules.stored_sql(c, ident(c.name)) for c in staged.columns]
    sql = (
        f"INSERT INTO {table} (program_id, {', '.join(names)}, import_id) "
        f"SELECT $program, {', '.join(values)}, $import_id FROM {staged.table} "
        "WHERE NOT _bad AND NOT _blank"
    )
    params = staged.params() | {"program": program_id, "import_id": import_id}
    cur.execute(sql, bind(sql, params))


def _quarantine(
    cur: duckdb.DuckDBPyConnection,
    staged: StagedFile,
    bad: str,
    errors: str,
    program_id: str,
    import_id: int,
) -> None:
    """Keeps the rejected rows as uploaded (contract columns, identifiers redacted)."""
    pairs: list[str] = []
    params: dict[str, Any] = {}
    for n, column in enumerate(staged.columns):
        value = rules.value_sql(staged.refs[column.name])
        guard = rules.GUARD_CODE if column.kind == "code" else rules.GUARD_ANY
        keep = (
            f"regexp_full_match({value}, '{rules.KEY_SHAPE}')" if column.kind == "key" else "false"
        )
        pairs.append(f"$k{n}, CASE WHEN {keep} THEN {value} WHEN regexp_matches({value}, "
                     f"'{guard}') THEN 'REDACTED' ELSE {value} END")  # fmt: skip
        params[f"k{n}"] = column.name
    problems = (
        "SELECT rid, to_json(list({'column': \"column\", 'code': code, 'value': value, "
        "'detail': detail, 'at_line': at_line} "
        f"ORDER BY colpos)) AS errs FROM {errors} WHERE file_idx = $i GROUP BY rid"
    )
    sql = (
        "INSERT INTO quarantine SELECT $import_id, $program, $export, $file, b._line_no, "
        f"json_object({', '.join(pairs)}), e.errs FROM {bad} b JOIN ({problems}) e "
        "ON e.rid = b._rid"
    )
    params |= {
        "import_id": import_id,
        "program": program_id,
        "export": staged.export.name,
        "file": staged.upload.name,
        "i": staged.index,
    }
    cur.execute(sql, params)


def _record_import(
    cur: duckdb.DuckDBPyConnection,
    files: Sequence[StagedFile],
    program_id: str,
    import_id: int,
    imported_by: str,
    is_demo: bool,
    started_at: datetime,
) -> None:
    reports = [f.report for f in files]
    valid = sum(r.rows_valid for r in reports)
    rejected = sum(r.rows_rejected for r in reports)
    cur.execute(
        "INSERT INTO imports (import_id, program_id, started_at, finished_at, imported_by, "
        "status, is_demo, files, rows_valid, rows_rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            import_id, program_id, started_at, datetime.now(), imported_by,
            "partial" if rejected else "committed", is_demo,
            json.dumps([_file_entry(r) for r in reports]), valid, rejected,
        ],
    )  # fmt: skip
    detail = {"import_id": import_id, "files": len(reports), "rows_valid": valid,
              "rows_rejected": rejected}  # fmt: skip
    audit.record(cur, imported_by, "import", program_id, detail)


def _file_entry(report: FileReport) -> dict[str, Any]:
    keys = ("file", "export", "sha256", "rows_read", "rows_valid", "rows_rejected")
    return {k: getattr(report, k) for k in keys}

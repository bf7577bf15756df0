"""Rules across rows: primary keys unique within the upload, references that resolve.

Run per export in load order (parents first), on the typed staging tables. A reference
resolves against the parent's rows in this upload that passed their own checks, or the
program's rows already in the database. Hits go to the errors table and flag the row `_bad`.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from schemas import EXPORTS, ForeignKey

from . import rules
from .checks import insert_sql
from .rules import ident
from .stage import StagedFile, bind


def check_keys(
    cur: duckdb.DuckDBPyConnection,
    files: Sequence[StagedFile],
    everything: Sequence[StagedFile],
    errors: str,
    program_id: str,
) -> None:
    """Records duplicate keys and broken references of `files` (all of one export)."""
    if not files:
        return
    _duplicates(cur, files, errors)
    for fk in files[0].export.foreign_keys:
        parents = [f for f in everything if f.export.name == fk.ref_export]
        for staged in files:
            _references(cur, staged, fk, parents, errors, program_id)
    for staged in files:
        hits = cur.execute(
            f"SELECT count(*) FROM {errors} WHERE file_idx = $i", {"i": staged.index}
        ).fetchone()
        if hits and hits[0]:  # the errors table holds only cross-row hits at this point
            cur.execute(
                f"UPDATE {staged.table} SET _bad = true WHERE NOT _bad AND {staged.row_id()} IN "
                f"(SELECT rid FROM {errors} WHERE file_idx = $i)",
                {"i": staged.index},
            )


def _key_select(staged: StagedFile, key: Sequence[str]) -> str:
    present = {c.name for c in staged.columns}
    cols = [ident(k) if k in present else f"NULL::VARCHAR AS {ident(k)}" for k in key]
    required = [ident(k) for k in key if k in present and staged.export.column(k).required]
    usable = " AND ".join(f"{r} IS NOT NULL" for r in required) or "true"
    return (
        f"SELECT {staged.index} AS _f, {staged.row_id()} AS _rid, {staged.line_sql()} AS _line_no, "
        f"{', '.join(cols)} FROM {staged.table} WHERE NOT _blank AND {usable}"
    )


def _duplicates(cur: duckdb.DuckDBPyConnection, files: Sequence[StagedFile], errors: str) -> None:
    key = files[0].export.primary_key
    union = " UNION ALL ".join(_key_select(f, key) for f in files)
    keys = ", ".join(ident(k) for k in key)
    found = cur.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM ({union}) GROUP BY {keys} HAVING count(*) > 1)"
    ).fetchone()
    if not found or not found[0]:
        return
    window = f"(PARTITION BY {keys} ORDER BY _f, _rid)"
    keys_only = all(files[0].export.column(k).kind == "key" for k in key)
    shown = rules.shown_sql(
        "concat_ws(' / ', " + ", ".join(f"{ident(k)}::VARCHAR" for k in key) + ")",
        True,
        key_column=keys_only,
    )
    ranked = (
        f"(SELECT *, row_number() OVER {window} AS _n, first_value(_f) OVER {window} AS _ff, "
        f"first_value(_line_no) OVER {window} AS _fl FROM ({union}))"
    )
    # detail: the file of the first occurrence when it is another one; at_line: its line
    where_file = "CASE WHEN _ff = _f THEN '' ELSE list_extract($names, _ff + 1) END"
    sql = insert_sql(
        errors, ranked, shown, "_n > 1", file_idx="_f", detail=where_file, at_line="_fl"
    )
    params = {
        "colpos": files[0].colpos(key[0]),
        "column": "+".join(key),
        "code": "duplicate_key",
        "names": [f.upload.name for f in sorted(files, key=lambda f: f.index)],
    }
    cur.execute(sql, bind(sql, params))


def _references(
    cur: duckdb.DuckDBPyConnection,
    staged: StagedFile,
    fk: ForeignKey,
    parents: Sequence[StagedFile],
    errors: str,
    program_id: str,
) -> None:
    present = {c.name for c in staged.columns}
    if not set(fk.columns) <= present:
        return
    child = [ident(c) for c in fk.columns]
    pairs = zip(fk.ref_columns, child, strict=True)
    match = " AND ".join(f"p.{ident(r)} = s.{c}" for r, c in pairs)
    valid_parent = [
        f"EXISTS (SELECT 1 FROM {p.table} p WHERE NOT p._blank AND NOT p._bad AND {match})"
        for p in parents
    ]
    any_parent = [f"EXISTS (SELECT 1 FROM {p.table} p WHERE {match})" for p in parents]
    stored = (
        f"EXISTS (SELECT 1 FROM {ident(fk.ref_export)} p WHERE p.program_id = $program AND {match})"
    )
    specs = [staged.export.column(c) for c in fk.columns]
    shapes = " AND ".join(rules.well_formed_sql(sp, c) for sp, c in zip(specs, child, strict=True))
    rejected = " OR ".join(any_parent) or "false"
    source = (
        f"(SELECT {staged.row_id()} AS _rid, {staged.line_sql()} AS _line_no, {', '.join(child)}, "
        f"{rejected} AS _rejected FROM {staged.table} s WHERE NOT s._blank "
        f"AND {' AND '.join(f's.{c} IS NOT NULL' for c in child)} "  # empty = no reference
        f"AND (NOT s._bad OR ({shapes})) "  # a row that passed its cell rules holds codes
        f"AND NOT ({' OR '.join([*valid_parent, stored])}))"
    )
    title = EXPORTS[fk.ref_export].file_name
    sql = insert_sql(
        errors, source, rules.shown_for(specs[0], child[0]), "true",
        code="CASE WHEN _rejected THEN $rcode ELSE $code END",
    )  # fmt: skip
    params = {
        "file_idx": staged.index,
        "colpos": staged.colpos(fk.columns[0]),
        "column": fk.columns[0],
        "code": "missing_reference",
        "rcode": "rejected_reference",
        "detail": title,
        "program": program_id,
    }
    cur.execute(sql, bind(sql, params))

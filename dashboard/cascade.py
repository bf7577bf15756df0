"""A person's rows and every row that references them, found by following the registry's keys.

Retention and erasure delete, and the subject export reads, the same set: rows of an export
whose `column` holds one of `values`, plus (recursively) the rows of every export with a
foreign key to them — a supporter's matches, those matches' contacts, their check-ins, ...
Table and column names come only from `schemas.EXPORTS`; values are always bound.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import duckdb

from schemas import EXPORTS

Visit = Callable[[str, str, list[str]], None]


def delete_where(
    con: duckdb.DuckDBPyConnection, program_id: str, export: str, column: str, values: Sequence[str]
) -> Counter[str]:
    """Deletes the rows and their dependents in `program_id`; returns rows deleted per table.

    Run it inside a transaction: dependents are deleted first, so a failure half way through
    must roll back to keep references whole.
    """
    counts: Counter[str] = Counter()

    def visit(table: str, col: str, keys: list[str]) -> None:
        row = con.execute(
            f'DELETE FROM "{table}" WHERE program_id = ? AND "{col}" IN (SELECT unnest(?))',
            [program_id, keys],
        ).fetchone()
        counts[table] += int(row[0]) if row else 0

    _walk(con, program_id, export, column, list(values), visit)
    return counts


def select_where(
    con: duckdb.DuckDBPyConnection, program_id: str, export: str, column: str, values: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """Returns the same rows delete_where would delete, as dicts per table (contract columns)."""
    found: dict[str, list[dict[str, Any]]] = {}

    def visit(table: str, col: str, keys: list[str]) -> None:
        names = [c.name for c in EXPORTS[table].columns]
        select = ", ".join(f'"{n}"' for n in names)
        rows = con.execute(
            f'SELECT {select} FROM "{table}" '
            f'WHERE program_id = ? AND "{col}" IN (SELECT unnest(?)) ORDER BY ALL',
            [program_id, keys],
        ).fetchall()
        found.setdefault(table, []).extend(dict(zip(names, r, strict=True)) for r in rows)

    _walk(con, program_id, export, column, list(values), visit)
    return found


def _walk(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    export: str,
    column: str,
    values: list[str],
    visit: Visit,
) -> None:
    """Calls visit for every dependent table first, then for `export` itself."""
    if not values:
        return
    for child, fk in _children(export):
        ref_column, child_column = fk.ref_columns[0], fk.columns[0]
        keys = (
            values
            if ref_column == column
            else _keys(con, program_id, export, column, values, ref_column)
        )
        _walk(con, program_id, child, child_column, keys, visit)
    visit(export, column, values)


def _children(export: str) -> list[tuple[str, Any]]:
    """Returns (child export, foreign key) for every export referencing `export`."""
    return [
        (name, fk)
        for name, spec in EXPORTS.items()
        for fk in spec.foreign_keys
        if fk.ref_export == export
    ]


def _keys(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    export: str,
    column: str,
    values: list[str],
    key_column: str,
) -> list[str]:
    rows = con.execute(
        f'SELECT DISTINCT "{key_column}" FROM "{export}" '
        f'WHERE program_id = ? AND "{column}" IN (SELECT unnest(?)) AND "{key_column}" IS NOT NULL',
        [program_id, values],
    ).fetchall()
    return [r[0] for r in rows]

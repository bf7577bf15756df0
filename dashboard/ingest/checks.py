"""Error details for flagged rows: which cell broke which rule, as rows of a TEMP table.

Only runs when the staging pass flagged rows. The file is read again as raw text, cut down
to the flagged rows, and every rule inserts its hits into the errors table as code, column,
value and detail (the text is rendered only for the errors shown, see messages.py), so even a
million errors never loop through Python.
"""

from __future__ import annotations

from typing import Any

import duckdb

from . import messages, rules
from .stage import StagedFile, bind

ERRORS_DDL = """
CREATE TEMP TABLE {name} (
  file_idx INTEGER, rid BIGINT, line BIGINT, colpos INTEGER, "column" VARCHAR,
  value VARCHAR, code VARCHAR, detail VARCHAR, at_line BIGINT
)"""


def create_errors_table(cur: duckdb.DuckDBPyConnection, name: str) -> None:
    """Creates the (TEMP) table every check writes its findings into."""
    cur.execute(ERRORS_DDL.format(name=name))


def insert_sql(
    errors: str,
    source: str,
    value: str,
    where: str,
    *,
    file_idx: str = "$file_idx",
    code: str = "$code",
    detail: str = "$detail",
    at_line: str = "NULL",
) -> str:
    """Returns the INSERT that records one rule's hits; every argument is SQL over `source`.

    `source` provides _rid and _line_no; `at_line` is the line a duplicate repeats.
    The defaults bind $file_idx, $code, $detail; $colpos and $column are always bound.
    """
    shown = f"coalesce({value}, '')"
    return (
        f"INSERT INTO {errors} SELECT {file_idx}, _rid, _line_no, $colpos, $column, {shown}, "
        f"{code}, {detail}, {at_line} FROM {source} WHERE {where}"
    )


def collect_cell_errors(cur: duckdb.DuckDBPyConnection, staged: StagedFile, errors: str) -> str:
    """Records every cell error of the flagged rows; returns the table of flagged raw rows.

    That table (`_rid`, `_line_no`, the raw cells c0..) also feeds the quarantine.
    """
    assert staged.source is not None
    source, bad = staged.source, f"{staged.table}_bad"
    if staged.raw_table:  # read in order: rowid is the position
        raw = f"(SELECT rowid AS _row, * FROM {staged.raw_table})"
    else:  # a rewritten file carries each row's first line
        cells = ", ".join(["_extra", *staged.used_cells()])  # never the dropped columns
        raw = f"(SELECT _line::BIGINT AS _row, {cells} FROM {source.read_sql()})"
    line = source.line_of("r._row")
    sql = (
        f"CREATE TEMP TABLE {bad} AS SELECT r._row AS _rid, {line} AS _line_no, r.* "
        f"FROM {raw} r WHERE r._row IN (SELECT _row FROM {staged.table} WHERE _bad)"
    )
    cur.execute(sql, bind(sql, source.params()))
    if staged.raw_table:  # the flagged rows are all that is needed from here on
        cur.execute(f"DROP TABLE {staged.raw_table}")
    for check in staged.checks():
        colpos = staged.colpos(check.column) if check.colpos is None else check.colpos
        _record(cur, staged, check, colpos, errors, bad)
    if source.normalised:
        params = _base(staged, -1, "", "extra_cells", "")
        sql = insert_sql(errors, bad, "NULL", "_extra = '1'")
        cur.execute(sql, bind(sql, params))
    return bad


def _record(
    cur: duckdb.DuckDBPyConnection,
    staged: StagedFile,
    check: rules.Check,
    colpos: int,
    errors: str,
    bad: str,
) -> None:
    spec = staged.export.column(check.column)
    ref = check.ref or staged.refs[check.column]
    params = _base(staged, colpos, check.column, check.code, check.detail) | staged.params()
    source, where = bad, f"coalesce({check.condition}, false)"
    value = rules.shown_for(spec, rules.value_sql(ref))
    if check.code == "identifier":
        value = f"'{messages.REDACTED}'"
    elif check.code == "bad_list_element":  # one error per element that is not allowed
        typed = rules.typed_sql(spec, ref, staged.decimal_comma, staged.order(spec.name))
        source = (
            f"(SELECT _rid, _line_no, unnest({typed}) AS _element FROM {bad} "
            f"WHERE {rules.value_sql(ref)} IS NOT NULL)"
        )
        where = f"NOT list_contains($allowed_{spec.name}, _element)"
        value = rules.shown_sql("_element", False)
    sql = insert_sql(errors, source, value, where)
    cur.execute(sql, bind(sql, params))


def _base(staged: StagedFile, colpos: int, column: str, code: str, detail: str) -> dict[str, Any]:
    return {
        "file_idx": staged.index,
        "colpos": colpos,
        "column": column,
        "code": code,
        "detail": detail,
    }

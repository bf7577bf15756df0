"""The staging pass as one SQL statement: every cell parsed once, every rule folded into `_bad`.

Three layers over read_csv: (1) trimmed text per cell, (2) the costly parse per cell (dates,
numbers, booleans, list splitting, the vocabulary and code regexes), (3) the typed column and
one `_bad` flag per row derived from the parsed values with cheap arithmetic. `_bad` must
agree with rules.checks(), which say *which* rule failed; tests/ingest/test_flags.py holds
the two to the same answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from schemas import ColumnSpec

from . import rules
from .rules import ident


@dataclass(frozen=True)
class Layout:
    """What the staging statement needs to know about one file."""

    columns: Sequence[ColumnSpec]  # contract columns present, in contract order
    refs: dict[str, str]  # contract column -> raw column (c<position>)
    empties: Sequence[int]  # positions of headerless columns (must stay empty)
    decimal_comma: bool
    date_order: Sequence[tuple[str, str]]
    normalised: bool  # source carries _line and _extra
    row: str | None = None  # SQL for the row id (_row) in the source, when rows are positioned
    orders: dict[str, str] = field(default_factory=dict)  # date column -> dmy | mdy | ymd
    extra: Sequence[str] = ()  # further row rules over the raw cells (true = broken)

    def order(self, column: str) -> str:
        return self.orders.get(column, "dmy")


def _v(name: str) -> str:
    return ident(f"v:{name}")


def _p(name: str) -> str:
    return ident(f"p:{name}")


def _e(name: str) -> str:
    return ident(f"e:{name}")


def evidence_column(column: str) -> str:
    """Returns the staging column holding what a date column's cells say about their order."""
    return ident(f"o:{column}")


def staging_sql(layout: Layout, table: str, read_sql: str) -> str:
    """Returns CREATE TEMP TABLE `table` AS (typed columns, _blank, _bad[, _empty_at][, _row],
    o:<date column>)."""
    passthrough = ["_empty_at"] if layout.empties else []
    passthrough += ["_row"] if layout.row else []
    dates = [c.name for c in layout.columns if c.kind == "date"]
    text = [f"{rules.value_sql(layout.refs[c.name])} AS {_v(c.name)}" for c in layout.columns]
    text += [f"{_first_filled(layout.empties)} AS _empty_at"] if layout.empties else []
    text += [f"{layout.row} AS _row"] if layout.row else []
    text += ["_extra"] if layout.normalised else []
    text += [f"coalesce({x}, false) AS _x{n}" for n, x in enumerate(layout.extra)]
    parsed = [
        f"{rules.parse_sql(c, _v(c.name), layout.decimal_comma, layout.order(c.name))} "
        f"AS {_p(c.name)}, {_v(c.name)} IS NULL AS {_e(c.name)}"
        for c in layout.columns
    ]
    parsed += [f"{rules.date_evidence_sql(_v(d))} AS {evidence_column(d)}" for d in dates]
    parsed += [_list_flag(c) for c in layout.columns if c.kind == "enum_list"]
    parsed += ["_extra"] if layout.normalised else []
    parsed += [f"_x{n}" for n in range(len(layout.extra))]
    typed = [f"{_final(c)} AS {ident(c.name)}" for c in layout.columns]
    typed += [evidence_column(d) for d in dates]
    empty = [_e(c.name) for c in layout.columns] + (["_empty_at IS NULL"] if layout.empties else [])
    blank = " AND ".join(empty)
    flags = [f for c in layout.columns for f in _flags(c, layout)] + _date_flags(layout)
    flags += [f"_x{n}" for n in range(len(layout.extra))]
    if layout.normalised:
        flags.append("_extra = '1'")
    bad = " OR ".join(f"coalesce({f}, false)" for f in flags) or "false"
    return (
        f"CREATE TEMP TABLE {table} AS SELECT {', '.join(typed + passthrough)}, "
        f"({blank}) AS _blank, NOT ({blank}) AND ({bad}) AS _bad FROM ("
        f"SELECT {', '.join(parsed + passthrough)} FROM ("
        f"SELECT {', '.join(text)} FROM {read_sql}))"
    )


def _first_filled(empties: Sequence[int]) -> str:
    """Returns SQL for the 1-based index (into `empties`) of the first headerless cell holding
    a value, NULL when all are empty. One expression over a list instead of a column per
    position: DuckDB's cost grows quadratically with the number of projected columns."""
    cells = ", ".join(f"trim(coalesce({ident(f'c{p}')}, '')) <> ''" for p in empties)
    return f"nullif(list_position([{cells}], true), 0)"


def _final(c: ColumnSpec) -> str:
    return rules.final_sql(c, _p(c.name))


def _list_flag(c: ColumnSpec) -> str:
    return (
        f"{_v(c.name)} IS NOT NULL AND NOT regexp_full_match(lower({_v(c.name)}), $re_{c.name}) "
        f"AS {ident(f'f:{c.name}')}"
    )


def _flags(c: ColumnSpec, layout: Layout) -> list[str]:
    """Returns the column's rules over parsed value p and emptiness e (true = broken)."""
    p, e, final = _p(c.name), _e(c.name), _final(c)
    found = [e] if c.required else []
    if c.kind in ("date", "integer", "number", "bool"):
        found.append(f"NOT {e} AND {final} IS NULL")
    if c.minimum is not None:
        found.append(f"{final} < $min_{c.name}")
    if c.maximum is not None:
        found.append(f"{final} > $max_{c.name}")
    if c.kind == "enum":
        found.append(f"NOT {e} AND NOT regexp_full_match({p}, $re_{c.name})")
    if c.kind == "enum_list":
        found.append(ident(f"f:{c.name}"))
    if c.kind == "code":
        found.append(
            f"NOT {e} AND NOT (length({p}) BETWEEN 2 AND 32 "
            f"AND regexp_full_match({p}, '{rules.CODE_FAST}'))"
        )
    if c.kind == "key":
        found.append(f"NOT {e} AND NOT regexp_full_match({p}, '{rules.KEY_SHAPE}')")
    return found


def _date_flags(layout: Layout) -> list[str]:
    present = {c.name: c for c in layout.columns}
    return [
        f"{_final(present[later])} < {_final(present[earlier])}"
        for later, earlier in layout.date_order
        if later in present and earlier in present
    ]

"""Reads one file into a private TEMP table in a single vectorised pass: typed columns + flags.

The staging table holds, per data row, the contract columns already converted to their
types, `_blank` (an empty row Excel left behind) and `_bad` (some cell rule failed). Raw
text is not kept: only when `_bad` rows exist is the file read again for the error details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import duckdb

from schemas import EXPORTS, ColumnSpec, ExportSpec

from . import dates, flags, messages, refs, rules
from .headers import HeaderMatch
from .report import FileReport
from .rules import ident
from .scratch import Scratch
from .sniff import Sniffed, UnusableFile, csv_problem
from .source import Source, fast_source, normalised_source, one_line_per_record
from .uploads import Upload

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def bind(sql: str, params: dict[str, Any]) -> dict[str, Any]:
    """Returns the subset of `params` that `sql` names (DuckDB refuses unused names)."""
    return {name: params[name] for name in set(_PARAM.findall(sql)) if name in params}


@dataclass
class StagedFile:
    """One uploaded file after the staging pass."""

    index: int
    upload: Upload
    sniffed: Sniffed
    match: HeaderMatch
    report: FileReport
    table: str
    source: Source | None = None
    raw_table: str | None = None  # the file read in order, once positions are needed
    x_columns: dict[str, bool] = field(default_factory=dict)
    bad_rows: int = 0
    date_orders: dict[str, str] = field(default_factory=dict)  # date column -> dmy|mdy|ymd
    evidence: dict[str, int] = field(default_factory=dict)  # date column -> rules.DAY_FIRST|..

    @property
    def export(self) -> ExportSpec:
        return EXPORTS[self.match.export]

    @property
    def columns(self) -> list[ColumnSpec]:
        """The contract columns present in the file, in contract order."""
        present = self.match.present
        return [c for c in self.export.columns if c.name in present]

    @property
    def refs(self) -> dict[str, str]:
        """Contract column -> SQL for its raw text (c<position>, mapped or folded)."""
        return refs.raw_refs(self.match, {c.name: c for c in self.export.columns})

    def used_positions(self) -> list[int]:
        """The file columns anything reads; identifying and dropped ones are never among them."""
        positions = set(self.match.positions) | set(self.match.empty_positions)
        positions |= {p for options in self.match.splits.values() for p, _ in options}
        return sorted(positions)

    def used_cells(self) -> list[str]:
        """The raw columns (c<position>) anything reads."""
        return [refs.cell(p) for p in self.used_positions()]

    def colpos(self, column: str) -> int:
        """Returns the file position of a contract column (its first option column if split)."""
        found = [p for p, name in self.match.positions.items() if name == column]
        found += [p for p, _ in self.match.splits.get(column, [])]
        return found[0] if found else -1

    def order(self, column: str) -> str:
        return self.date_orders.get(column, "dmy")

    @property
    def positioned(self) -> bool:
        """True when each staged row carries `_row`, the id its line number derives from."""
        return self.raw_table is not None or (self.source is not None and self.source.normalised)

    def row_id(self) -> str:
        """Returns SQL naming a staged row; stable across tables only when positioned."""
        return "_row" if self.positioned else "rowid"

    def line_sql(self) -> str:
        """Returns SQL for the user's line number of a row of the staging table."""
        assert self.source is not None
        return self.source.line_of(self.row_id())

    @property
    def decimal_comma(self) -> bool:
        return self.sniffed.delimiter != ","

    def checks(self) -> list[rules.Check]:
        """Every cell rule for the columns present, then the export's date orders."""
        refs_, found = self.refs, []
        for column in self.columns:
            order = self.order(column.name)
            found.extend(rules.checks(column, refs_[column.name], self.decimal_comma, order))
        for later, earlier in self.export.date_order:
            if later in refs_ and earlier in refs_:
                spec = self.export
                pair = spec.column(later), spec.column(earlier)
                found.append(rules.date_order_check(*pair, refs_, self.date_orders))
        return found + self.option_checks()

    def option_checks(self) -> list[rules.Check]:
        """The rules of select-many option columns (1/0 cells, agreement with the list)."""
        specs = {c.name: c for c in self.export.columns}
        return refs.option_checks(self.match, specs, self.refs, self.sniffed.header)

    def params(self) -> dict[str, Any]:
        """Named parameters for rules and stored values of this file."""
        params: dict[str, Any] = {}
        for column in self.columns:
            params.update(rules.parameters(column))
        params.update({f"x_{name}": flag for name, flag in self.x_columns.items()})
        return params | refs.value_params(self.match)


def stage(cur: duckdb.DuckDBPyConnection, staged: StagedFile, folder: Scratch) -> None:
    """Creates the staging table for `staged` and fills its counts; UnusableFile if unreadable."""
    name = f"upload{staged.index}"
    try:
        total = _create(cur, staged, fast_source(staged.upload, staged.sniffed, folder, name))
        numbered = one_line_per_record(staged.sniffed, total)
    except duckdb.InvalidInputException:  # ragged rows, stray quotes: let Python number them
        numbered = False
    if not numbered:
        cur.execute(f"DROP TABLE IF EXISTS {staged.table}")
        try:
            keep = frozenset(staged.used_positions())
            _create(cur, staged, normalised_source(staged.sniffed, folder, name, keep))
        except duckdb.InvalidInputException as exc:  # even the rewritten file is unreadable
            raise UnusableFile("malformed_csv", detail=csv_problem(exc)) from exc
    _finish(cur, staged)


def stage_source(cur: duckdb.DuckDBPyConnection, staged: StagedFile, source: Source) -> None:
    """Creates the staging table from a source that is already readable as is (a sheet)."""
    _create(cur, staged, source)
    _finish(cur, staged)


def _finish(cur: duckdb.DuckDBPyConnection, staged: StagedFile) -> None:
    """Re-reads columns whose dates turned out month first; notes dropped empty columns."""
    if dates.decide(staged):
        cur.execute(f"DROP TABLE IF EXISTS {staged.table}")
        _create(cur, staged, staged.source)
    empty = len(staged.match.empty_positions) + getattr(staged.sniffed, "dropped", 0)
    if empty:
        staged.report.notices.append(messages.notice_msg("empty_columns", n=empty))


def position(cur: duckdb.DuckDBPyConnection, staged: StagedFile) -> None:
    """Rebuilds the staging table with `_row` (file position), for pointing at errors.

    Only needed for files read on the fast path; rewritten files carry line numbers.
    """
    assert staged.source is not None
    if staged.positioned:
        return
    source, raw = staged.source, f"{staged.table}_raw"
    cells = ", ".join(staged.used_cells()) or "NULL AS _none"
    cur.execute(
        f"CREATE TEMP TABLE {raw} AS SELECT {cells} FROM {source.read_sql(in_order=True)}",
        source.params(),
    )
    staged.raw_table = raw
    cur.execute(f"DROP TABLE {staged.table}")
    _create(cur, staged, source, read_from=raw)


def _create(
    cur: duckdb.DuckDBPyConnection, staged: StagedFile, source: Source, read_from: str = ""
) -> int:
    staged.source = source
    row = "_line::BIGINT" if source.normalised else "rowid" if read_from else None
    layout = flags.Layout(
        columns=staged.columns,
        refs=staged.refs,
        empties=staged.match.empty_positions,
        decimal_comma=staged.decimal_comma,
        date_order=staged.export.date_order,
        normalised=source.normalised,
        row=row,
        orders=staged.date_orders,
        extra=[c.condition for c in staged.option_checks()],
    )
    sql = flags.staging_sql(layout, staged.table, read_from or source.read_sql())
    cur.execute(sql, bind(sql, staged.params() | source.params()))
    return _summarise(cur, staged)


def _summarise(cur: duckdb.DuckDBPyConnection, staged: StagedFile) -> int:
    """Counts rows and finds x-columns; refuses a headerless column that holds values."""
    bools = [c.name for c in staged.columns if c.kind == "bool"]
    days = [c.name for c in staged.columns if c.kind == "date"]
    empties = staged.match.empty_positions
    parts = ["count(*)", "count(*) FILTER (NOT _blank)", "count(*) FILTER (_bad)"]
    parts += [f"bool_and({ident(b)} = 2) FILTER ({ident(b)} IS NOT NULL)" for b in bools]
    parts += [f"coalesce(bit_or({flags.evidence_column(d)}), 0)" for d in days]
    parts += (
        ["list_sort(list(DISTINCT _empty_at) FILTER (_empty_at IS NOT NULL))"]
        if empties
        else ["NULL"]
    )
    row = cur.execute(f"SELECT {', '.join(parts)} FROM {staged.table}").fetchone()
    assert row is not None
    total, staged.report.rows_read, staged.bad_rows = row[0], row[1], row[2]
    row = row[3:]
    staged.x_columns = {b: bool(v) for b, v in zip(bools, row[: len(bools)], strict=True)}
    row = row[len(bools) :]
    staged.evidence = {d: int(v) for d, v in zip(days, row[: len(days)], strict=True)}
    filled = [empties[i - 1] for i in row[-1] or []]  # first filled headerless cell per row
    if filled:
        raise UnusableFile("unnamed_column", detail=", ".join(str(p + 1) for p in filled))
    return int(total)

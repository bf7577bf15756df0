"""Writes export rows as canonical CSV files: the contract's own spelling of every value.

Canonical = UTF-8, `,` delimiter, ISO dates, `true`/`false`, lists joined by `|`, header =
contract column names in registry order, `\\n` line ends. Variants (variants.py) re-spell the
same rows the way other tools save them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from schemas import EXPORTS, ColumnSpec

Row = dict[str, Any]
Formatter = Callable[[Any, ColumnSpec], str]


def canonical_cell(value: Any, column: ColumnSpec) -> str:
    """Returns the contract's canonical text for one value (empty for None or an empty list)."""
    if value is None:
        return ""
    if column.kind == "bool":
        return "true" if value else "false"
    if column.kind == "date":
        return value.isoformat() if isinstance(value, date) else str(value)
    if column.kind == "enum_list":
        return "|".join(value)
    if column.kind == "number":
        return format_number(float(value))
    return str(value)


def format_number(value: float) -> str:
    """Returns `8` for 8.0 and `7.5` for 7.5: no trailing `.0`, no exponent."""
    return str(int(value)) if value.is_integer() else repr(value)


def csv_text(
    export: str,
    rows: Iterable[Row],
    *,
    cell: Formatter = canonical_cell,
    delimiter: str = ",",
    header: list[str] | None = None,
) -> str:
    """Returns one export's rows as CSV text (header row first)."""
    columns = EXPORTS[export].columns
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header or [c.name for c in columns])
    for row in rows:
        writer.writerow([cell(row.get(c.name), c) for c in columns])
    return out.getvalue()


def write_canonical(tables: dict[str, list[Row]], out_dir: str | Path) -> list[Path]:
    """Writes `<export>.csv` for every export into out_dir; returns the paths in registry order."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for export in EXPORTS:
        path = folder / f"{export}.csv"
        path.write_text(csv_text(export, tables.get(export, [])), encoding="utf-8", newline="")
        written.append(path)
    return written

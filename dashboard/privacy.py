"""What may leave a program: CSV cells a spreadsheet will not execute, and small counts hidden.

Every CSV the dashboard writes back (errors, quarantine, agenda, downloads) goes through
`to_safe_csv`, so a cell such as `=HYPERLINK(...)` uploaded by anyone is shown as text, never
run as a formula when a coordinator opens the file in Excel or LibreOffice (CSV injection).
Aggregates that leave a program (downloads) pass through `suppress_small`, so a count small
enough to point at one person is shown as "<8" instead.
"""

from __future__ import annotations

import csv
import io
import numbers
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, cast

from schemas.fields import IDENTIFIER_GUARD

SUPPRESSION_THRESHOLD = 8
"""Counts from 1 to SUPPRESSION_THRESHOLD - 1 in aggregates that leave a program are shown as
"<8": with fewer people than that in a cell, a reader who knows the program can often tell who
they are. 0 stays 0 (nobody to point at). Keep it at 8 unless your data-protection officer says
otherwise; it is a module-level default so every download uses the same rule."""

# Spreadsheets treat a cell starting with one of these as a formula (OWASP: CSV injection).
# Tab and CR are included because some spreadsheet apps strip them and then see the '='.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_LEADING_BLANKS = " \n\u00a0"


def neutralize_csv_cell(value: Any) -> str:
    """Returns the cell as text; a string a spreadsheet would run as a formula gets a leading '.

    Numbers stay as they are (a negative number is data, not a formula); None becomes "".
    Leading blanks before a trigger are looked through, because some apps trim them.
    """
    if _is_missing(value):
        return ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "true" if value else "false"
    if isinstance(value, numbers.Real):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        value = "|".join("" if v is None else str(v) for v in value)
    text = str(value)
    if text.lstrip(_LEADING_BLANKS).startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def to_safe_csv(rows: Iterable[Mapping[str, Any]] | Any, columns: Sequence[str]) -> str:
    """Returns CSV text (header + rows, `\\n` line ends) with every cell neutralised.

    `rows` is a list of dicts or a pandas DataFrame; only `columns` are written, in that order,
    and a key missing from a row is written as an empty cell. Header cells are neutralised too.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralize_csv_cell(c) for c in columns])
    for row in _records(rows):
        writer.writerow([neutralize_csv_cell(_cell(row, c)) for c in columns])
    return buffer.getvalue()


def suppress_small(
    rows: Iterable[Mapping[str, Any]] | Any,
    count_columns: Sequence[str],
    threshold: int = SUPPRESSION_THRESHOLD,
) -> Any:
    """Returns a copy of `rows` in which counts 1..threshold-1 in `count_columns` read "<threshold".

    Takes and returns a list of dicts, or a pandas DataFrame (the suppressed columns become
    text). Other columns, zeros, counts >= threshold and empty cells are left as they are.
    """
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    if _is_frame(rows):
        frame = cast(Any, rows).copy()
        for column in count_columns:
            frame[column] = [_suppress(v, threshold) for v in frame[column].tolist()]
            frame[column] = frame[column].astype(object)
        return frame
    out = []
    for row in rows:
        copy = dict(row)
        for column in count_columns:
            if column in copy:
                copy[column] = _suppress(copy[column], threshold)
        out.append(copy)
    return out


def looks_like_identifier(value: Any) -> bool:
    """Returns True when text looks like an e-mail, a personal name or a phone number.

    The same guard the contract applies to every code; use it before logging or showing any
    value that did not come out of the validated tables.
    """
    return isinstance(value, str) and IDENTIFIER_GUARD.search(value) is not None


def _suppress(value: Any, threshold: int) -> Any:
    if _is_missing(value) or isinstance(value, bool):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    if number != number:  # NaN: an empty cell, not a count
        return value
    return f"<{threshold}" if 0 < number < threshold else value


def _is_frame(rows: Any) -> bool:
    return hasattr(rows, "to_dict") and hasattr(rows, "columns")


def _records(rows: Any) -> Iterable[Mapping[str, Any]]:
    if _is_frame(rows):
        return rows.to_dict(orient="records")
    return rows


def _cell(row: Mapping[str, Any], column: str) -> Any:
    value = row.get(column)
    return None if _is_missing(value) else value


def _is_missing(value: Any) -> bool:
    """None, NaN, and pandas' NA/NaT: all mean an empty cell."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    return type(value).__name__ in ("NAType", "NaTType")

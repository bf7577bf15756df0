"""The mapping step's proposal for one file: each column's suggested contract column, the
values that need a code, the date columns that need an order. No Streamlit here.

Built from the header (the same recognition an import uses) and the file's dry-run errors,
so it works for any source that yields a header: CSV today, a sheet tomorrow.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb

from schemas import EXPORTS

from . import scratch
from .headers import HeaderMatch, match_header, normalise, recognise
from .mapping import BOOL_CODES, DateOrder, Mapping
from .messages import REDACTED
from .report import RowError
from .rules import GUARD_ANY, ident
from .sniff import UnusableFile, sniff
from .source import fast_source
from .uploads import Upload

DROP, UNMAPPED = "-", "?"  # choices besides a contract column
VALUE_CODES = ("not_in_vocabulary", "bad_list_element", "not_a_boolean")
STEP_CODES = ("unknown_column", "missing_column", "unrecognised_file", "date_order_unknown")
MAX_VALUES = 30  # distinct values offered per column


@dataclass
class ColumnChoice:
    """One file column in the mapping step."""

    header: str
    choice: str  # a contract column, DROP or UNMAPPED
    fixed: str = ""  # why it is not offered: "identifying", "metadata", "option", "empty"


@dataclass
class Draft:
    """The mapping step for one file."""

    file: str
    header: list[str]
    export: str
    columns: list[ColumnChoice]
    values: dict[str, list[str]] = field(default_factory=dict)  # column -> file values
    chosen_values: dict[str, dict[str, str]] = field(default_factory=dict)
    date_columns: list[str] = field(default_factory=list)
    date_order: DateOrder | None = None

    @property
    def targets(self) -> list[str]:
        """The contract columns a file column may be mapped to."""
        return [c.name for c in EXPORTS[self.export].columns]

    def codes(self, column: str) -> list[str]:
        """The codes a value of `column` may be mapped to."""
        spec = EXPORTS[self.export].column(column)
        return list(spec.values) if spec.values else list(BOOL_CODES)

    def mapping(
        self,
        choices: dict[str, str],
        values: dict[str, dict[str, str]],
        date_order: DateOrder | None,
    ) -> Mapping:
        """Returns the mapping the coordinator confirmed (unmapped columns left out)."""
        columns: dict[str, str | None] = {}
        for header, choice in choices.items():
            if choice == DROP:
                columns[header] = None
            elif choice != UNMAPPED:
                columns[header] = choice
        kept = {c: {k: v for k, v in words.items() if v} for c, words in values.items()}
        kept = {c: words for c, words in kept.items() if words}
        return Mapping(export=self.export, columns=columns, values=kept, date_order=date_order)


def needs_step(errors: Sequence[RowError]) -> bool:
    """True when a file's errors are ones a mapping can mend."""
    return any(e.code in STEP_CODES + VALUE_CODES for e in errors)


def draft(
    header: list[str],
    file_name: str,
    errors: Sequence[RowError],
    current: Mapping | None = None,
    export: str | None = None,
) -> Draft:
    """Returns the mapping step for a file: suggestions, values to map, dates to order.

    The export is `export`, else the saved mapping's, else the recognised one, else the one
    whose columns the most headers resemble.
    """
    export = export or (current.export if current else None)
    if export is None:
        match, _ = recognise(header, file_name, current)
        export = match.export if match.ok else _likeliest(header, file_name)
    match = match_header(header, export, current)
    columns = [_choice(match, position, cell, current) for position, cell in enumerate(header)]
    result = Draft(file_name, list(header), match.export, columns)
    result.date_order = current.date_order if current else None
    result.chosen_values = {c: dict(w) for c, w in (current.values if current else {}).items()}
    for column, words in result.chosen_values.items():
        result.values[column] = list(words)
    refine(result, errors)
    return result


def refine(step: Draft, errors: Sequence[RowError]) -> None:
    """Adds what `errors` (of a check with the step's mapping) ask for: values, date orders."""
    dates = {e.column for e in errors if e.code == "date_order_unknown"}
    step.date_columns = sorted(dates | set(step.date_columns))
    for e in errors:
        if e.code in VALUE_CODES and e.value and e.value != REDACTED:
            found = step.values.setdefault(e.column, [])
            if e.value not in found and len(found) < MAX_VALUES:
                found.append(e.value)


def list_phrases(
    cur: duckdb.DuckDBPyConnection, upload: Upload, step: Draft, columns: Sequence[str]
) -> None:
    """Offers whole phrases for list columns (`Coming out;Housing` -> `Coming out`), since
    the errors name elements split at spaces too. Reads only those columns, in DuckDB."""
    try:
        sniffed = sniff(upload.data)
    except UnusableFile:
        return
    where = {c.choice: n for n, c in enumerate(step.columns) if c.choice in columns}
    with scratch.space() as folder:  # in memory: no plaintext copy of the upload on disk
        source = fast_source(upload, sniffed, folder, "phrases")
        for column, position in where.items():
            cell = ident(f"c{position}")
            rows = cur.execute(
                f"SELECT DISTINCT trim(x) FROM (SELECT unnest(string_split_regex({cell}, '[|,;]')) "
                f"AS x FROM {source.read_sql()}) WHERE trim(x) <> '' ORDER BY 1 LIMIT $n",
                source.params() | {"n": MAX_VALUES * 4},
            ).fetchall()
            codes = set(step.codes(column))
            phrases = [r[0] for r in rows if not set(r[0].casefold().split()) <= codes]
            step.values[column] = [p for p in phrases if not rules_guard(p)][:MAX_VALUES]


def rules_guard(text: str) -> bool:
    """True for text that looks like an e-mail or phone number (never offered)."""
    return bool(re.search(GUARD_ANY, text))


def suggested(step: Draft) -> Mapping:
    """Returns the mapping as suggested, to check the file with before anything is confirmed."""
    choices = {c.header: c.choice for c in step.columns if not c.fixed}
    return step.mapping(choices, step.chosen_values, step.date_order)


def _choice(match: HeaderMatch, position: int, cell: str, current: Mapping | None) -> ColumnChoice:
    text = cell.strip()
    named, target = current.target(text) if current else (False, None)
    if not text:
        return ColumnChoice(cell, DROP, "empty")
    if named:
        return ColumnChoice(text, target or DROP)
    if position in match.positions:
        return ColumnChoice(text, match.positions[position])
    if text in match.identifying:
        return ColumnChoice(text, DROP, "identifying")
    if text in match.tool_columns:
        return ColumnChoice(text, DROP, "metadata")
    if any(position == p for options in match.splits.values() for p, _ in options):
        return ColumnChoice(text, DROP, "option")
    return ColumnChoice(text, closest(match.export, text) or UNMAPPED)


def _likeliest(header: list[str], file_name: str) -> str:
    stem = normalise(file_name.rsplit(".", 1)[0])

    def score(export: str) -> tuple[int, bool]:
        found = {closest(export, cell) for cell in header if cell.strip()} - {None}
        return len(found), stem.startswith(export)

    return max(EXPORTS, key=score)


def closest(export: str, cell: str) -> str | None:
    """Returns the contract column (by name or alias) clearly closest to `cell`, else None."""
    names: dict[str, str] = {}
    for column in EXPORTS[export].columns:
        names[normalise(column.name)] = column.name
        names.update({normalise(a): column.name for a in column.aliases_de})
    found = difflib.get_close_matches(normalise(cell), list(names), n=1, cutoff=0.6)
    return names[found[0]] if found else None

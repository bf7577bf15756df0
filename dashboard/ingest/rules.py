"""The contract's cell rules as DuckDB SQL: how raw text becomes a typed value, and when it fails.

Each rule is one SQL condition over a raw VARCHAR column (true = error). The same conditions
build the per-row `_bad` flag of the staging pass and, only for flagged rows, the detailed
error records. Identifiers come from the registry; vocabularies and bounds are bound as
named parameters (`$allowed_<column>`, `$min_<column>`, `$max_<column>`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from schemas import ColumnSpec

TRUE_WORDS = ("true", "yes", "ja", "1", "wahr", "y")  # Y/N: LimeSurvey's yes/no answers
FALSE_WORDS = ("false", "no", "nein", "0", "falsch", "n")
X_WORD = "x"  # a ticked box; when a column only ever holds x, empty means false
# Dates other than ISO (which, with timestamps and offsets, go through a cast): a day/month
# pair, or year first, separated by . / or -, a 2- or 4-digit year, then maybe a time.
DATE_PARTS = r"^([0-9]{1,4})([./-])([0-9]{1,2})[./-]([0-9]{4}|[0-9]{2})(?:[ T].*)?$"
# What a column's dates say about their order (bits, OR-ed over the column by the staging):
DAY_FIRST, MONTH_FIRST, AMBIGUOUS, TWO_DIGIT_YEAR = 1, 2, 4, 8
FIRST_YEAR, LAST_YEAR = 1900, 2099
CODE_SHAPE = "[A-Za-z0-9_-]{2,32}"  # schemas.fields.CODE_PATTERN without its lookahead
# The same language for the fast pass, lookahead-free: no digit run longer than five
# (length 2-32 is checked apart). Equivalent to CODE_SHAPE minus IDENTIFIER_GUARD.
CODE_FAST = "(?:[0-9]{0,5}[A-Za-z_-])*[0-9]{0,5}"
# A record key (contact_id, match_id, ...) is not a person: UUIDs, uuid:..., long numbers.
KEY_SHAPE = "[A-Za-z0-9_.:-]{1,64}"  # schemas.fields.KEY_PATTERN
GUARD_ANY = "@|[0-9]{6}"  # e-mail or phone number: never echoed, whatever the column
GUARD_CODE = r"@|\s|[0-9]{6}"  # schemas.fields.IDENTIFIER_GUARD; a space marks a name
LIST_SPLIT = r"[|,;\s]+"
SHOWN_CHARS = 40


@dataclass(frozen=True)
class Check:
    """One rule on one column: error `code` where `condition` holds."""

    code: str
    column: str
    condition: str
    detail: str = ""
    ref: str = ""  # the raw cell the error shows, when not the column's own
    colpos: int | None = None  # its position, when not the column's own


def ident(name: str) -> str:
    """Returns `name` quoted as a SQL identifier (names come from the registry or c<n>)."""
    return '"' + name.replace('"', '""') + '"'


def value_sql(ref: str) -> str:
    """Returns the cell as trimmed text, NULL when empty.

    Trimming every cell costs more than the checks themselves, so only cells that start or
    end with a space (or are empty strings) are trimmed; read_csv already gives NULL for ''.
    """
    return (
        f"CASE WHEN {ref} LIKE ' %' OR {ref} LIKE '% ' OR {ref} = '' "
        f"THEN nullif(trim({ref}), '') ELSE {ref} END"
    )


def typed_sql(spec: ColumnSpec, ref: str, decimal_comma: bool, order: str = "dmy") -> str:
    """Returns the SQL turning raw cell `ref` into the column's type; NULL when it cannot.

    Booleans stay a small code here (0 false, 1 true, 2 x) so the staging pass can tell
    whether a column is an x-column; `stored_sql` makes them BOOLEAN. `order` is the
    day/month order of a date column (dmy, mdy or ymd).
    """
    return final_sql(spec, parse_sql(spec, value_sql(ref), decimal_comma, order))


def parse_sql(spec: ColumnSpec, v: str, decimal_comma: bool, order: str = "dmy") -> str:
    """Returns the costly half of the conversion: text `v` (trimmed, NULL if empty) parsed.

    Dates are not yet range-checked and whole numbers are still DOUBLE; `final_sql` does that,
    so the staging pass parses every cell once and derives type, range and flags from it.
    """
    if spec.kind == "date":
        return f"coalesce({_iso(v)}, {_date_from_parts(_parts(v), order)})"
    if spec.kind in ("integer", "number"):
        return f"try_cast({_decimal(v, decimal_comma)} AS DOUBLE)"
    if spec.kind == "bool":
        return (
            f"(CASE WHEN lower({v}) IN {_words(TRUE_WORDS)} THEN 1 "
            f"WHEN lower({v}) IN {_words(FALSE_WORDS)} THEN 0 "
            f"WHEN lower({v}) = '{X_WORD}' THEN 2 END)::UTINYINT"
        )
    if spec.kind == "enum":
        return f"lower({v})"
    if spec.kind == "enum_list":
        return f"list_filter(string_split_regex(lower({v}), '{LIST_SPLIT}'), x -> x <> '')"
    return v


def _iso(v: str) -> str:
    """ISO dates and timestamps (offsets cut: the local date). Only with the year first: the
    cast would read `2/3/24` as the year 2."""
    return f"CASE WHEN substr({v}, 5, 1) = '-' THEN try_cast({v} AS DATE) END"


def _parts(v: str) -> str:
    return f"regexp_extract({v}, '{DATE_PARTS}', ['a', 's', 'b', 'y'])"


def _date_from_parts(parts: str, order: str) -> str:
    """Day, month and year from the parts; a two-digit year is 20YY; dots are always d.m.y."""
    if order not in ("dmy", "mdy", "ymd"):
        raise ValueError(f"unknown date order {order!r}")
    a, b, y = f"try_cast({parts}.a AS INTEGER)", f"try_cast({parts}.b AS INTEGER)", f"{parts}.y"
    year_first = f"length({parts}.a) = 4"
    month_first = "false" if order == "dmy" else f"{parts}.s <> '.'"
    if order == "ymd":  # only year-first dates are read
        year_first, month_first = f"({year_first})", "NULL"
    year = (
        f"CASE WHEN {year_first} THEN {a} WHEN length({y}) = 2 THEN 2000 + try_cast({y} AS "
        f"INTEGER) ELSE try_cast({y} AS INTEGER) END"
    )
    month = f"CASE WHEN {year_first} OR NOT ({month_first}) THEN {b} ELSE {a} END"
    day = (
        f"CASE WHEN {year_first} THEN try_cast({y} AS INTEGER) WHEN {month_first} THEN {b} "
        f"ELSE {a} END"
    )
    return f"try_cast(printf('%04d-%02d-%02d', {year}, {month}, {day}) AS DATE)"


def date_evidence_sql(v: str) -> str:
    """Returns SQL for what one date cell says about its column's order (the bits above).

    A dotted date is day first (no locale writes month.day.year), so it decides its column
    like a day above 12 does; ISO dates say nothing; day == month is the same date either
    way. NULL for ISO dates and cells that are not dates at all.
    """
    p = _parts(v)
    a, b = f"try_cast({p}.a AS INTEGER)", f"try_cast({p}.b AS INTEGER)"
    pair = f"length({p}.a) BETWEEN 1 AND 2 AND {p}.s <> '.'"
    return (
        f"CASE WHEN {_iso(v)} IS NULL AND length({p}.a) BETWEEN 1 AND 2 THEN "
        f"(CASE WHEN {p}.s = '.' OR {pair} AND {a} > 12 THEN {DAY_FIRST} ELSE 0 END) "
        f"| (CASE WHEN {pair} AND {b} > 12 THEN {MONTH_FIRST} ELSE 0 END) "
        f"| (CASE WHEN {pair} AND {a} <= 12 AND {b} <= 12 AND {a} <> {b} THEN {AMBIGUOUS} "
        f"ELSE 0 END) | (CASE WHEN length({p}.y) = 2 THEN {TWO_DIGIT_YEAR} ELSE 0 END) END"
    )


def final_sql(spec: ColumnSpec, parsed: str) -> str:
    """Returns the cheap half: a parsed value checked for plausibility and cast; NULL if not."""
    if spec.kind == "date":
        return f"CASE WHEN year({parsed}) BETWEEN {FIRST_YEAR} AND {LAST_YEAR} THEN {parsed} END"
    if spec.kind == "number":
        return f"CASE WHEN isfinite({parsed}) THEN {parsed} END"
    if spec.kind == "integer":
        return f"CASE WHEN {parsed} = trunc({parsed}) THEN try_cast({parsed} AS INTEGER) END"
    return parsed


def vocabulary_regex(spec: ColumnSpec) -> str:
    """Returns a regex matching exactly the (lower-cased) cells made of allowed codes only.

    For an enum: one code. For a list: codes and separators, as LIST_SPLIT would split them.
    RE2 runs this as one automaton, several times faster than list lookups per element.
    """
    words = "|".join(re.escape(v) for v in sorted(spec.values, key=len, reverse=True))
    if spec.kind == "enum":
        return f"(?:{words})"
    return f"[|,;\\s]*(?:(?:{words})(?:[|,;\\s]+|$))*"


def stored_sql(spec: ColumnSpec, ref: str) -> str:
    """Returns the SQL turning a staged column into what the store holds."""
    if spec.kind == "bool":
        return f"coalesce({ref} > 0, CASE WHEN $x_{spec.name} THEN false END)"
    return ref


def checks(spec: ColumnSpec, ref: str, decimal_comma: bool, order: str = "dmy") -> list[Check]:
    """Returns every rule of `spec` as a condition over raw cell `ref`."""
    v, typed = value_sql(ref), typed_sql(spec, ref, decimal_comma, order)
    found: list[Check] = []
    if spec.required:
        found.append(Check("required", spec.name, f"{v} IS NULL"))
    kind_code = {"date": "not_a_date", "integer": "not_an_integer", "number": "not_a_number"}
    if spec.kind in kind_code or spec.kind == "bool":
        code = kind_code.get(spec.kind, "not_a_boolean")
        found.append(Check(code, spec.name, f"{v} IS NOT NULL AND {typed} IS NULL"))
    if spec.minimum is not None or spec.maximum is not None:
        found.append(Check("out_of_range", spec.name, _range(spec, typed), _bounds(spec)))
    if spec.kind == "enum":
        cond = f"{v} IS NOT NULL AND NOT list_contains($allowed_{spec.name}, {typed})"
        found.append(Check("not_in_vocabulary", spec.name, cond, allowed_text(spec)))
    if spec.kind == "enum_list":
        cond = f"{v} IS NOT NULL AND NOT list_has_all($allowed_{spec.name}, {typed})"
        found.append(Check("bad_list_element", spec.name, cond, allowed_text(spec)))
    if spec.kind == "code":
        found.append(Check("identifier", spec.name, f"regexp_matches({v}, '{GUARD_CODE}')"))
        bad_shape = (
            f"NOT regexp_full_match({v}, '{CODE_SHAPE}') "
            f"AND NOT regexp_matches({v}, '{GUARD_CODE}')"
        )
        found.append(Check("bad_code", spec.name, bad_shape))
    if spec.kind == "key":
        found.append(Check("bad_key", spec.name, f"NOT regexp_full_match({v}, '{KEY_SHAPE}')"))
    return found


def date_order_check(
    later: ColumnSpec, earlier: ColumnSpec, refs: dict[str, str], orders: dict[str, str]
) -> Check:
    """Returns the rule `later` >= `earlier` (both optional: only checked when both are set)."""
    a = typed_sql(later, refs[later.name], False, orders.get(later.name, "dmy"))
    b = typed_sql(earlier, refs[earlier.name], False, orders.get(earlier.name, "dmy"))
    return Check("date_order", later.name, f"{a} < {b}", earlier.name)


def parameters(spec: ColumnSpec) -> dict[str, Any]:
    """Returns the named parameters the rules of `spec` refer to."""
    params: dict[str, Any] = {}
    if spec.kind in ("enum", "enum_list"):
        params[f"allowed_{spec.name}"] = list(spec.values)
        params[f"re_{spec.name}"] = vocabulary_regex(spec)
    if spec.minimum is not None:
        params[f"min_{spec.name}"] = spec.minimum
    if spec.maximum is not None:
        params[f"max_{spec.name}"] = spec.maximum
    return params


def code_ok_sql(expr: str) -> str:
    """Returns SQL that is true when `expr` is a well-formed code (and no identifier)."""
    return (
        f"regexp_full_match({expr}, '{CODE_SHAPE}') AND NOT regexp_matches({expr}, '{GUARD_CODE}')"
    )


def well_formed_sql(spec: ColumnSpec, expr: str) -> str:
    """Returns SQL true when `expr` is a well-formed value of id column `spec`."""
    if spec.kind == "key":
        return f"regexp_full_match({expr}, '{KEY_SHAPE}')"
    return code_ok_sql(expr)


def shown_for(spec: ColumnSpec, expr: str) -> str:
    """Returns SQL showing a value of column `spec` in an error (see shown_sql)."""
    return shown_sql(expr, spec.kind == "code", key_column=spec.kind == "key")


def shown_sql(expr: str, code_column: bool, key_column: bool = False) -> str:
    """Returns SQL showing a value in an error: identifiers redacted, long text cut.

    A well-formed record key is shown as it is (long numbers and UUIDs are not people).
    """
    guard = GUARD_CODE if code_column else GUARD_ANY
    shown = (
        f"CASE WHEN regexp_matches({expr}, '{guard}') THEN 'REDACTED' "
        f"WHEN length({expr}) > {SHOWN_CHARS} THEN left({expr}, {SHOWN_CHARS}) || '…' "
        f"ELSE {expr} END"
    )
    if key_column:
        return f"CASE WHEN regexp_full_match({expr}, '{KEY_SHAPE}') THEN {expr} ELSE {shown} END"
    return shown


def allowed_text(spec: ColumnSpec) -> str:
    """Returns the allowed codes for a message (long vocabularies by name only)."""
    if spec.vocabulary == "Language":
        return "ISO 639-1: de, en, fa, ..."
    if len(spec.values) > 20:
        return f"{spec.vocabulary} codes, see the data dictionary"
    return ", ".join(spec.values)


def _range(spec: ColumnSpec, typed: str) -> str:
    parts = []
    if spec.minimum is not None:
        parts.append(f"{typed} < $min_{spec.name}")
    if spec.maximum is not None:
        parts.append(f"{typed} > $max_{spec.name}")
    return " OR ".join(parts)


def _bounds(spec: ColumnSpec) -> str:
    low = "" if spec.minimum is None else f"{spec.minimum:g}"
    high = "" if spec.maximum is None else f"{spec.maximum:g}"
    return f"{low}-{high}"


def _decimal(v: str, decimal_comma: bool) -> str:
    """German numbers: '1,5' is 1.5 and in '1.000,5' the dot only groups thousands."""
    if not decimal_comma:
        return v
    return (
        f"CASE WHEN contains({v}, ',') THEN replace(replace({v}, '.', ''), ',', '.') ELSE {v} END"
    )


def _words(words: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{w}'" for w in words) + ")"

"""The fast staging flag and the detailed rules must agree on every cell.

The staging pass folds all rules into one `_bad` flag per row (flags.py); error details are
only computed for flagged rows (rules.checks). If the two disagreed, a broken row could be
committed unreported, or a row could be rejected without a reason. Hypothesis throws
near-miss cells at both and compares them row by row.
"""

from __future__ import annotations

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.ingest import flags, rules
from dashboard.ingest.rules import ident
from dashboard.ingest.stage import bind
from schemas import EXPORTS, ColumnSpec

TRICKY = {
    "code": ["S01", "a", "ab", "x" * 32, "x" * 33, "ab12345", "ab123456", "a b", "a@b", " S02 ",
             "S-_1", "ü12", "", " ", "a\tb", "123456", "12345-123456", "ab123456c", "123456x"],
    "key": ["C1", "a", "x" * 64, "x" * 65, "123456789", "uuid:6f1c-4a", "a b", "a@b", " K2 ",
            "a/b", "6f1c8a1e-0b3c-4d5e-9f00-123456789abc", "", "1.2", "ü1"],
    "date": ["2025-01-01", "31.02.2026", "1.3.2026", "01/03/2026", "2026-03-01T10:00", "1.3.26",
             "0001-01-01", "2100-01-01", "1899-12-31", "", "x", "2026-13-01", "20260301",
             "2026-03-01 25:00", "01.03.2026 14:22", "13/02/2026", "02/13/2026", "2/3/26",
             "2026/03/01", "31-12-2025", "1.13.25"],
    "integer": ["1", "1.5", "1,5", "0", "-1", "1e3", "nan", "inf", "", "12.0", "0x10", "1441",
                "99999999999", "5", " 7 "],
    "number": ["1", "1.5", "1,5", "0", "-0.5", "1e3", "nan", "inf", "-inf", "", "200", "200.01",
               "1.000,5", "199,999", "1.5,5"],
    "bool": ["true", "FALSE", "ja", "Nein", "x", "X", "", "1", "0", "maybe", "wahr", "y"],
}  # fmt: skip
SEPARATORS = ["|", ",", ";", " ", " | ", ",,", "\t"]


def cells(column: ColumnSpec) -> st.SearchStrategy[str]:
    if column.kind in ("enum", "enum_list"):
        words = st.sampled_from([*column.values[:6], "PHONE", "fax", "", "Other", "none"])
        if column.kind == "enum":
            return words
        joined = st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=4)
        return joined.map(lambda parts: "".join(w + s for w, s in parts))
    junk = st.text(alphabet="aZ0123456789.,-/:@ _", max_size=12)
    return st.one_of(st.sampled_from(TRICKY[column.kind]), junk)


VALID = {
    "contacts": ["C1", "M1", "2025-01-01", "5", "phone"] + [""] * 8,
    "supporters": ["S1", "2025-01-01", "", "10", "", "", "", ""],
    "matches": ["M1", "S1", "K1", "2025-01-01", "", "", "", "", ""],
}


def rows_for(export: str) -> st.SearchStrategy[list[list[str]]]:
    """Rows that are valid except for one or two cells, so each flag is seen on its own."""
    columns = EXPORTS[export].columns
    edit = st.integers(0, len(columns) - 1).flatmap(
        lambda i: st.tuples(st.just(i), cells(columns[i]))
    )

    def apply(edits: list[tuple[int, str]]) -> list[str]:
        row = list(VALID[export])
        for i, cell in edits:
            row[i] = cell
        return row

    return st.lists(st.lists(edit, min_size=1, max_size=2).map(apply), min_size=1, max_size=40)


def flagged_and_explained(
    export: str, rows: list[list[str]], decimal_comma: bool, order: str = "dmy"
) -> tuple[list[bool], list[bool]]:
    """Returns, per row, (fast flag, at least one detailed rule failed)."""
    spec = EXPORTS[export]
    con = duckdb.connect()
    names = [f"c{i}" for i in range(len(spec.columns))]
    con.execute(f"CREATE TABLE raw ({', '.join(f'{n} VARCHAR' for n in names)})")
    con.executemany(f"INSERT INTO raw VALUES ({', '.join('?' * len(names))})", rows)
    refs = {c.name: ident(f"c{i}") for i, c in enumerate(spec.columns)}
    orders = {c.name: order for c in spec.columns if c.kind == "date"}
    layout = flags.Layout(
        spec.columns, refs, (), decimal_comma, spec.date_order, False, orders=orders
    )
    params = {}
    for column in spec.columns:
        params |= rules.parameters(column)
    sql = flags.staging_sql(layout, "staged", "(SELECT * FROM raw ORDER BY rowid)")
    con.execute(sql, bind(sql, params))
    fast = [bool(b) for (b,) in con.execute("SELECT _bad FROM staged ORDER BY rowid").fetchall()]
    checks = [
        c for col in spec.columns for c in rules.checks(col, refs[col.name], decimal_comma, order)
    ]
    checks += [
        rules.date_order_check(spec.column(a), spec.column(b), refs, orders)
        for a, b in spec.date_order
    ]
    blank = " AND ".join(f"{rules.value_sql(r)} IS NULL" for r in refs.values())
    any_rule = " OR ".join(f"coalesce({c.condition}, false)" for c in checks)
    query = f"SELECT NOT ({blank}) AND ({any_rule}) FROM raw ORDER BY rowid"
    detailed = [bool(b) for (b,) in con.execute(query, bind(query, params)).fetchall()]
    return fast, detailed


@settings(max_examples=15, deadline=None)
@given(rows=rows_for("contacts"), decimal_comma=st.booleans())
def test_contacts_flags_agree_with_rules(rows: list[list[str]], decimal_comma: bool) -> None:
    fast, detailed = flagged_and_explained("contacts", rows, decimal_comma)
    assert fast == detailed


@settings(max_examples=30, deadline=None)
@given(rows=rows_for("supporters"), decimal_comma=st.booleans())
def test_supporters_flags_agree_with_rules(rows: list[list[str]], decimal_comma: bool) -> None:
    fast, detailed = flagged_and_explained("supporters", rows, decimal_comma)
    assert fast == detailed


@settings(max_examples=20, deadline=None)
@given(rows=rows_for("matches"))
def test_matches_flags_agree_with_rules(rows: list[list[str]]) -> None:
    fast, detailed = flagged_and_explained("matches", rows, False)
    assert fast == detailed


def test_valid_rows_are_valid_and_one_bad_cell_is_seen() -> None:
    """Guards the test itself: the base rows pass, and a single bad cell flags its row."""
    for export, row in VALID.items():
        assert flagged_and_explained(export, [row], False) == ([False], [False])
    broken = ["a b", *VALID["contacts"][1:]]
    assert flagged_and_explained("contacts", [broken], False) == ([True], [True])


def test_every_tricky_cell_in_every_column_agrees() -> None:
    """Exhaustive over the hand-picked near misses: one row per (column, cell)."""
    for export in VALID:
        columns = EXPORTS[export].columns
        rows = []
        for i, column in enumerate(columns):
            pool = TRICKY.get(column.kind) or [*column.values, "PHONE", "fax", "a|fax", "a,,b"]
            for cell in pool:
                row = list(VALID[export])
                row[i] = cell
                rows.append(row)
        for decimal_comma, order in ((False, "dmy"), (True, "dmy"), (False, "mdy")):
            fast, detailed = flagged_and_explained(export, rows, decimal_comma, order)
            mismatches = [r for r, f, d in zip(rows, fast, detailed, strict=True) if f != d]
            assert mismatches == []
            assert 0 < sum(fast) < len(rows)

"""CSV injection guard and small-cell suppression, checked cell by cell."""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest

from dashboard.privacy import (
    SUPPRESSION_THRESHOLD,
    looks_like_identifier,
    neutralize_csv_cell,
    suppress_small,
    to_safe_csv,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("S-0001", "S-0001"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-3, "-3"),
        (1.5, "1.5"),
        (True, "true"),
        (date(2026, 1, 2), "2026-01-02"),
        (["fa", "de"], "fa|de"),
    ],
)
def test_neutralize_csv_cell(value: object, expected: str) -> None:
    assert neutralize_csv_cell(value) == expected


def test_to_safe_csv_round_trips_as_text_and_neutralises_every_formula() -> None:
    rows = [
        {"file": "=cmd|' /C calc'!A0", "line": 2, "value": 'a "quoted", value'},
        {"file": "ok.csv", "line": 3},
    ]
    text = to_safe_csv(rows, ["file", "line", "value"])
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed == [
        ["file", "line", "value"],
        ["'=cmd|' /C calc'!A0", "2", 'a "quoted", value'],
        ["ok.csv", "3", ""],
    ]


def test_to_safe_csv_accepts_a_dataframe_and_writes_nan_as_empty() -> None:
    frame = pd.DataFrame({"a": ["@x", "y"], "n": [1.0, float("nan")]})
    assert to_safe_csv(frame, ["a", "n"]) == "a,n\n'@x,1.0\ny,\n"


def test_suppress_small_hides_1_to_7_and_keeps_0_and_8() -> None:
    assert SUPPRESSION_THRESHOLD == 8
    rows = [{"group": g, "n": n} for g, n in [("a", 0), ("b", 1), ("c", 7), ("d", 8), ("e", 30)]]
    out = suppress_small(rows, ["n"])
    assert [r["n"] for r in out] == [0, "<8", "<8", 8, 30]
    assert [r["n"] for r in rows] == [0, 1, 7, 8, 30], "input must not be changed"


def test_suppress_small_on_a_dataframe_with_another_threshold() -> None:
    frame = pd.DataFrame({"group": ["a", "b"], "n": [4, 5], "share": [0.1, 0.2]})
    out = suppress_small(frame, ["n"], threshold=5)
    assert out["n"].tolist() == ["<5", 5]
    assert out["share"].tolist() == [0.1, 0.2]
    assert frame["n"].tolist() == [4, 5]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("kim@example.org", True), ("Kim Meyer", True), ("01761234567", True), ("S-0001", False)],
)
def test_looks_like_identifier(value: str, expected: bool) -> None:
    assert looks_like_identifier(value) is expected

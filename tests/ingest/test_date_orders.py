"""Day/month order: for any dates, once the order is known, every stored date is the source's.

The order is known either from the file (a day above 12) or from a mapping; a column that
cannot tell is refused, never imported with a guessed order.
"""

from __future__ import annotations

from datetime import date

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import db
from dashboard.access import Scope
from dashboard.i18n import say
from dashboard.ingest import Mapping, Upload, import_uploads, validate_uploads

LOCAL = Scope.local_operator()
HEADER = "supporter_id,joined_on,capacity_hours_month\n"
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


def written(day: date, order: str, padded: bool, short_year: bool) -> str:
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if padded else (str(day.day), str(day.month))
    y = f"{day.year % 100:02d}" if short_year else str(day.year)
    return f"{m}/{d}/{y}" if order == "mdy" else f"{d}/{m}/{y}"


def csv_of(days: list[date], order: str, padded: bool, short_year: bool) -> bytes:
    rows = [f"S{i:03d},{written(d, order, padded, short_year)},5" for i, d in enumerate(days)]
    return (HEADER + "\n".join(rows) + "\n").encode()


def stored(con: duckdb.DuckDBPyConnection) -> list[date]:
    rows = con.execute("SELECT joined_on FROM supporters ORDER BY supporter_id").fetchall()
    return [r[0] for r in rows]


@settings(max_examples=25, deadline=None)
@given(
    days=st.lists(DAYS, min_size=1, max_size=8),
    order=st.sampled_from(["dmy", "mdy"]),
    padded=st.booleans(),
    short_year=st.booleans(),
)
def test_with_the_order_given_every_stored_date_is_the_source_date(
    days: list[date], order: str, padded: bool, short_year: bool
) -> None:
    con = db.connect(":memory:")
    upload = Upload("supporters.csv", csv_of(days, order, padded, short_year))
    given_order = Mapping(date_order=order)  # type: ignore[arg-type]
    report = import_uploads(con, "p", [upload], scope=LOCAL, mappings=[given_order])
    assert report.exit_code == 0, report.errors
    assert stored(con) == days
    con.close()


@settings(max_examples=25, deadline=None)
@given(days=st.lists(DAYS, min_size=1, max_size=8), order=st.sampled_from(["dmy", "mdy"]))
def test_without_the_order_a_date_is_never_stored_different_from_the_source(
    days: list[date], order: str
) -> None:
    """Inferred when some day is above 12; otherwise refused (exit 2), nothing stored."""
    con = db.connect(":memory:")
    upload = Upload("supporters.csv", csv_of(days, order, True, False))
    report = import_uploads(con, "p", [upload], scope=LOCAL)
    decidable = any(d.day > 12 for d in days) or all(d.day == d.month for d in days)
    if decidable:
        assert report.exit_code == 0 and stored(con) == days
    else:
        assert report.exit_code == 2 and stored(con) == []
        assert [e.code for e in report.errors] == ["date_order_unknown"]
    con.close()


def test_us_file_with_every_day_twelve_or_less_is_never_imported() -> None:
    con = db.connect(":memory:")
    data = HEADER + "S01,2/12/2024,5\nS02,3/4/2024,5\nS03,12/1/2024,5\n"
    report = validate_uploads(con, "p", [Upload("supporters.csv", data.encode())], scope=LOCAL)
    assert report.exit_code == 2
    assert [(e.line, e.column, e.code) for e in report.errors] == [
        (1, "joined_on", "date_order_unknown")
    ]
    assert "mdy" in report.errors[0].text("en") and "mdy" in report.errors[0].text("de")


def test_two_digit_years_are_20yy_with_a_notice_and_timestamps_cut_to_the_date() -> None:
    con = db.connect(":memory:")
    data = HEADER + "S01,21.11.25,5\nS02,2025-03-02T23:30:00.000+01:00,5\n"
    report = import_uploads(con, "p", [Upload("supporters.csv", data.encode())], scope=LOCAL)
    assert report.exit_code == 0
    assert stored(con) == [date(2025, 11, 21), date(2025, 3, 2)]
    assert any(
        "two-digit years read as 20YY" in n for n in [say(m, "en") for m in report.files[0].notices]
    )


def test_a_column_mixing_day_first_and_month_first_dates_is_refused() -> None:
    con = db.connect(":memory:")
    data = HEADER + "S01,13/02/2024,5\nS02,02/13/2024,5\n"
    report = validate_uploads(con, "p", [Upload("supporters.csv", data.encode())], scope=LOCAL)
    assert [e.code for e in report.errors] == ["date_order_unknown"]
    assert "mixed" in report.errors[0].text("en")


def notices_en(report) -> list[str]:
    return [say(m, "en") for m in report.files[0].notices]

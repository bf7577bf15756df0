"""The HTML tables the pages draw: what a screen reader gets (caption, headers with scope, row
headers), cells written the language's way, and untrusted data escaped, never markup.
The figures tables under charts are read from the chart itself."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
from app_helpers import _TableParser
from test_charts import FRAMES

from dashboard import charts
from dashboard.ui import chart_figures, html_table

HOSTILE = '<img src=x onerror="alert(1)">'


def _cells(markup: str) -> tuple[str, list[list[str]]]:
    parser = _TableParser()
    parser.feed(markup)
    [(caption, rows)] = parser.tables
    return caption, rows


def test_headers_caption_and_row_headers_are_marked_for_screen_readers() -> None:
    frame = pd.DataFrame({"Who": ["P03", "P05"], "Evidence": ["long sentence", "another"]})
    markup = html_table.build(
        frame, caption="New since 23 Oct", lang="en", row_header="Who", wide=["Evidence"]
    )
    assert "<caption>New since 23 Oct</caption>" in markup
    assert '<th scope="col">Who</th><th scope="col">Evidence</th>' in markup
    assert '<th scope="row" data-label="Who">P03</th>' in markup
    assert '<td class="dash-wide" data-label="Evidence">long sentence</td>' in markup
    assert _cells(markup) == (
        "New since 23 Oct",
        [["Who", "Evidence"], ["P03", "long sentence"], ["P05", "another"]],
    )


def test_data_is_escaped_in_cells_headers_and_caption() -> None:
    frame = pd.DataFrame({HOSTILE: [HOSTILE, "a & b"]})
    markup = html_table.build(frame, caption=HOSTILE, lang="en", row_header=HOSTILE)
    assert "<img" not in markup
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in markup
    caption, rows = _cells(markup)
    assert caption == HOSTILE  # a reader gets the text back, as text
    assert rows == [[HOSTILE], [HOSTILE], ["a & b"]]


def test_cells_read_as_the_language_writes_them() -> None:
    frame = pd.DataFrame(
        {
            "since": [date(2026, 11, 20), None],
            "at": [datetime(2026, 11, 20, 14, 5), pd.NaT],
            "hours": [15.17, float("nan")],
            "count": [1234, 7],
            "ok": [True, False],
            "codes": [["C01", "C02"], []],
        }
    )
    _, de = _cells(html_table.build(frame, caption="c", lang="de"))
    assert de[1:] == [
        ["20.11.2026", "20.11.2026 14:05", "15,17", "1.234", "ja", "C01, C02"],
        ["—", "—", "—", "7", "nein", ""],
    ]
    _, fa = _cells(html_table.build(frame.iloc[:1], caption="c", lang="fa"))
    assert fa[1][:4] == ["۲۰ نوامبر ۲۰۲۶", "۲۰ نوامبر ۲۰۲۶ ۱۴:۰۵", "۱۵٫۱۷", "۱٬۲۳۴"]


def test_persian_tables_read_right_to_left() -> None:
    frame = pd.DataFrame({"a": [1]})
    assert 'dir="rtl"' in html_table.build(frame, caption="c", lang="fa")
    assert 'dir="ltr"' in html_table.build(frame, caption="c", lang="de")


def test_a_charts_figures_are_its_plotted_points_under_its_own_titles() -> None:
    week = FRAMES["load_vs_capacity"]  # four weeks: 2.0, 0.0, 5.5, 3.0 hours
    plotted = chart_figures.figures(charts.load_vs_capacity(week, "en"))
    assert list(plotted.columns) == ["Week", "Hours per week"]  # the date first, then the amount
    assert plotted["Week"].tolist() == [date(2026, 10, 5), date(2026, 10, 12),
                                        date(2026, 10, 19), date(2026, 10, 26)]  # fmt: skip
    assert plotted["Hours per week"].tolist() == [2.0, 0.0, 5.5, 3.0]


def test_a_share_axis_is_shown_as_percentages() -> None:
    shares = FRAMES["coverage_trends"]  # 0.5 and 0.6
    plotted = chart_figures.figures(charts.coverage_trends(shares, "de"))
    _, rows = _cells(html_table.build(plotted, caption="c", lang="de"))
    assert [row[-1] for row in rows[1:]] == [
        "50\xa0%",
        "60\xa0%",
    ]  # a no-break space, as German writes it

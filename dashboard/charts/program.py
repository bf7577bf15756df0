"""The program page's charts: the load distribution and the monthly coverage trends."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.style import (
    BOTTOM_LEGEND,
    COLOURS,
    FIT_X,
    MONTH_FORMATS,
    WIDTH,
    inked,
    month_x,
    share_domain,
)
from dashboard.i18n import Pct, t, vocab


@inked
def load_distribution(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """Returns a histogram of contact hours per active supporter in the last 28 days.

    Expects a column hours (one row per supporter).
    """
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("hours:Q", bin=alt.Bin(maxbins=20), title=t("chart.hours_28d", lang)),
            y=alt.Y("count():Q", title=t("chart.supporters", lang)),
        )
        .properties(
            title=t("chart.load_distribution_title", lang), width=WIDTH, autosize=FIT_X, height=220
        )
    )


@inked
def coverage_trends(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """Returns one line per health figure (share 0–1) by calendar month, on a y range that
    starts near the lowest share when all are high (its start named in the axis title).

    Expects long columns as_of, figure, share.
    """
    data = frame.assign(label=[vocab("figure", f, lang) for f in frame["figure"]])
    legend = t("chart.figure", lang)
    domain = share_domain(data["share"])
    title = t("chart.share", lang)
    if domain[0] > 0:
        title = t("chart.share_from", lang, start=Pct(domain[0]))
    return (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=50, filled=True))
        .encode(
            x=month_x("as_of", lang),
            y=alt.Y(
                "share:Q",
                title=title,
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=domain),
            ),
            color=alt.Color("label:N", title=legend, scale=COLOURS, legend=BOTTOM_LEGEND),
            shape=alt.Shape("label:N", title=legend, legend=BOTTOM_LEGEND),
            strokeDash=alt.StrokeDash("label:N", title=legend, legend=BOTTOM_LEGEND),
            tooltip=[
                alt.Tooltip("label:N", title=legend),
                alt.Tooltip("share:Q", format=".0%"),
                alt.Tooltip(
                    "yearmonth(as_of):T",
                    title=t("chart.month", lang),
                    format=MONTH_FORMATS.get(lang, "%Y-%m"),
                ),
            ],
        )
        .properties(title=t("chart.coverage_title", lang), width=WIDTH, autosize=FIT_X, height=260)
    )

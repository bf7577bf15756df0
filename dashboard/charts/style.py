"""What every chart shares: width, legend, palette, text colour, date and month axes.

Colours have at least 4.5:1 contrast on the white page (WCAG AA); series differ by shape,
dash or fill too. Axis numbers keep Latin digits in every language. No Streamlit here.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import TypeVar

import altair as alt
import pandas as pd

from dashboard.i18n import d3_date_format, t

WIDTH = "container"
# Fit the width to the page but keep the height for the plot itself: Streamlit's default
# ("fit") squeezes axes and legends into the height and flattens the plot.
FIT_X = alt.AutoSizeParams(type="fit-x", contains="padding")
# Long series names (health figures) need the width below the chart, not a clipped side legend;
# one column, so a phone's 390 px hold each name whole.
BOTTOM_LEGEND = alt.Legend(orient="bottom", direction="vertical", columns=1, labelLimit=340)
# Dark enough for 4.5:1 on white (blue 6.9, brown 5.5, green 5.3, purple 6.9, crimson 6.9,
# grey 8.5); Vega's default palette has orange and teal at 2.3-2.6:1.
PALETTE: tuple[str, ...] = ("#1c5aa6", "#b04a00", "#1e7b3a", "#7b3f9e", "#b0124f", "#4d4d4d")
COLOURS = alt.Scale(range=list(PALETTE))
INK = "#31333f"  # Streamlit's text colour, 12.6:1 on white
Chart = TypeVar("Chart", alt.Chart, alt.LayerChart)
# Month labels with Latin digits; Vega's month names are English, so German and Persian use
# numbers (11.2026, 2026-11) rather than "Nov" in a German or Persian page.
MONTH_FORMATS = {"de": "%m.%Y", "en": "%b %Y", "fa": "%Y-%m"}


def inked(build: Callable[[pd.DataFrame, str], Chart]) -> Callable[[pd.DataFrame, str], Chart]:
    """Gives a builder's chart dark axis, legend and title text: Streamlit's chart theme greys
    them to about 3.5:1 on white, below the 4.5:1 text needs (WCAG AA)."""

    @functools.wraps(build)
    def wrapper(frame: pd.DataFrame, lang: str) -> Chart:
        chart = build(frame, lang)
        return (
            chart.configure_axis(labelColor=INK, titleColor=INK)
            .configure_legend(labelColor=INK, titleColor=INK)
            .configure_title(color=INK, subtitleColor=INK)
        )

    return wrapper


def date_axis(title: str, lang: str) -> alt.Axis:
    """A date axis with a tick at each month's start (check-ins and ProQOL are monthly)."""
    return alt.Axis(
        title=title,
        format=d3_date_format(lang),
        tickCount={"interval": "month", "step": 1},
        labelAngle=-30,
    )


def month_x(field: str, lang: str) -> alt.X:
    """An x encoding by calendar month: one tick a month, labelled as a month."""
    axis = alt.Axis(
        title=t("chart.month", lang),
        format=MONTH_FORMATS.get(lang, "%Y-%m"),
        tickCount={"interval": "month", "step": 1},
        labelAngle=-30,
    )
    return alt.X(f"yearmonth({field}):T", axis=axis)


def share_domain(shares: pd.Series) -> list[float]:
    """Returns the y range for shares: from 0, or from 5 points below the lowest share rounded
    down to a tenth when all shares are high (0.95..1 reads on [0.9, 1], not as one line)."""
    values = shares.dropna()
    top = max(1.0, float(values.max())) if len(values) else 1.0
    if not len(values):
        return [0.0, top]
    low = math.floor(round((float(values.min()) - 0.05) * 10, 6)) / 10
    return [low if low >= 0.3 else 0.0, top]

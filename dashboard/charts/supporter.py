"""The supporter page's charts: weekly load against capacity, check-ins, ProQOL bands.

Check-ins come as two charts, strain (higher is worse) and resources (higher is better), so
"up" means one thing in each.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.style import (
    BOTTOM_LEGEND,
    COLOURS,
    FIT_X,
    PALETTE,
    WIDTH,
    date_axis,
    inked,
)
from dashboard.i18n import d3_date_format, t, vocab

PROQOL_BANDS = (("low", 10, 22.5), ("moderate", 22.5, 41.5), ("high", 41.5, 50))
STRAIN: tuple[str, ...] = ("stress", "felt_triggered")  # higher is worse
RESOURCES: tuple[str, ...] = ("can_say_no", "role_clarity", "benefit")  # higher is better


@inked
def load_vs_capacity(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Returns weekly contact hours as bars with the weekly share of capacity as a dashed rule.

    Expects columns week, hours, contacts, capacity_week (views.supporter.weekly_load).
    """
    hours, capacity = t("chart.hours", lang), t("chart.capacity_week", lang)
    # Each bar spans its week (Monday + 6 days), so bars have a readable width at any size.
    data = frame.assign(week_end=frame["week"] + pd.Timedelta(days=6))
    bars = (
        alt.Chart(data)
        .mark_bar(opacity=0.85)
        .encode(
            x=alt.X("week:T", axis=date_axis(t("chart.week", lang), lang)),
            x2="week_end:T",
            y=alt.Y("hours:Q", title=t("chart.hours_axis", lang)),
            y2=alt.datum(0),  # with x2 set, a bar needs both ends in y too
            tooltip=[
                alt.Tooltip("week:T", title=t("chart.week", lang), format=d3_date_format(lang)),
                alt.Tooltip("hours:Q", title=hours, format=".1f"),
                alt.Tooltip("contacts:Q", title=t("chart.contacts", lang)),
            ],
        )
    )
    rule = (
        alt.Chart(data)
        .mark_rule(strokeDash=[6, 3], color="black", strokeWidth=2)
        .encode(
            y="mean(capacity_week):Q",
            tooltip=[alt.Tooltip("mean(capacity_week):Q", title=capacity, format=".1f")],
        )
    )
    return (bars + rule).properties(
        title=t("chart.load_title", lang),
        width=WIDTH,
        autosize=FIT_X,
        height=260,
        padding={"top": 12},
    )


@inked
def checkin_strain(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """Returns stress and feeling triggered (1–5, higher is worse) over time, a line each.

    Expects long columns checkin_date, measure, value (views.supporter.checkins).
    """
    return _checkins(frame, STRAIN, t("chart.checkins_strain", lang), lang)


@inked
def checkin_resources(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """Returns can say no, role clarity and what I get back (1–5, higher is better) over time.

    Expects long columns checkin_date, measure, value (views.supporter.checkins).
    """
    return _checkins(frame, RESOURCES, t("chart.checkins_resources", lang), lang)


def _checkins(frame: pd.DataFrame, measures: tuple[str, ...], title: str, lang: str) -> alt.Chart:
    chosen = frame[frame["measure"].isin(measures)]
    data = chosen.assign(label=[vocab("measure", m, lang) for m in chosen["measure"]])
    legend = t("chart.measure", lang)
    labels = [vocab("measure", m, lang) for m in measures]  # fixed order: same look per chart
    scale = alt.Scale(domain=labels, range=list(PALETTE[: len(labels)]))
    return (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=60, filled=True))
        .encode(
            x=alt.X("checkin_date:T", axis=date_axis(t("chart.date", lang), lang)),
            y=alt.Y(
                "value:Q",
                title=t("chart.score_1_5", lang),
                scale=alt.Scale(domain=[1, 5]),
                axis=alt.Axis(tickCount=5),
            ),
            color=alt.Color("label:N", title=legend, scale=scale, legend=BOTTOM_LEGEND),
            shape=alt.Shape("label:N", title=legend, legend=BOTTOM_LEGEND),
            strokeDash=alt.StrokeDash("label:N", title=legend, legend=BOTTOM_LEGEND),
            tooltip=[
                alt.Tooltip(
                    "checkin_date:T", title=t("chart.date", lang), format=d3_date_format(lang)
                ),
                alt.Tooltip("label:N", title=legend),
                alt.Tooltip("value:Q"),
            ],
        )
        .properties(
            title=title,
            description=t("chart.checkins_title", lang),
            width=WIDTH,
            autosize=FIT_X,
            height=220,
        )
    )


@inked
def proqol_bands(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Returns ProQOL subscale scores over time on shaded low / moderate / high bands.

    Expects long columns response_date, subscale, score (10–50; unscored rows left out).
    """
    bands = pd.DataFrame(
        [{"band": vocab("band", b, lang), "y0": lo, "y1": hi} for b, lo, hi in PROQOL_BANDS]
    )
    # Neutral greys with fixed values (no colour scale, so the lines keep theirs): "high" is
    # bad for burnout but good for compassion satisfaction; the bands carry names, not verdicts.
    shade = alt.layer(
        *[
            alt.Chart(bands[bands["band"] == name])
            .mark_rect(color=grey)
            .encode(y=alt.Y("y0:Q", scale=alt.Scale(domain=[10, 50])), y2="y1:Q")
            for name, grey in zip(bands["band"], ("#f4f4f4", "#e8e8e8", "#dadada"), strict=True)
        ]
    )
    label = (
        alt.Chart(bands)
        .mark_text(align="left", dx=4, baseline="middle")
        .encode(x=alt.value(0), y=alt.Y("mid:Q"), text="band:N")
        .transform_calculate(mid="(datum.y0 + datum.y1) / 2")
    )
    data = frame.assign(label=[vocab("subscale", s, lang) for s in frame["subscale"]])
    legend = t("chart.subscale", lang)
    lines = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=70, filled=True))
        .encode(
            x=alt.X("response_date:T", axis=date_axis(t("chart.date", lang), lang)),
            y=alt.Y(
                "score:Q", title=t("chart.proqol_score", lang), scale=alt.Scale(domain=[10, 50])
            ),
            color=alt.Color("label:N", title=legend, scale=COLOURS, legend=BOTTOM_LEGEND),
            shape=alt.Shape("label:N", title=legend, legend=BOTTOM_LEGEND),
            strokeDash=alt.StrokeDash("label:N", title=legend, legend=BOTTOM_LEGEND),
            tooltip=[
                alt.Tooltip("label:N", title=legend),
                alt.Tooltip("score:Q"),
                alt.Tooltip("response_date:T", format=d3_date_format(lang)),
            ],
        )
    )
    return (shade + label + lines).properties(
        title=t("chart.proqol_title", lang), width=WIDTH, autosize=FIT_X, height=240
    )

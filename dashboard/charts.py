"""Altair chart builders: a DataFrame and a language in, an `alt.Chart` out. No Streamlit here.

Every chart has a title and labelled axes in the user's language; series are told apart by
shape or dash as well as colour, so nothing depends on seeing colour.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.i18n import d3_date_format, t, vocab

WIDTH = "container"
# Fit the width to the page but keep the height for the plot itself: Streamlit's default
# ("fit") squeezes axes and legends into the height and flattens the plot.
FIT_X = alt.AutoSizeParams(type="fit-x", contains="padding")
# Long series names (health figures) need the width below the chart, not a clipped side legend.
_BOTTOM_LEGEND = alt.Legend(orient="bottom", columns=2, labelLimit=400)
_SIDE_LEGEND = alt.Legend(labelLimit=300)
PROQOL_BANDS = (("low", 10, 22.5), ("moderate", 22.5, 41.5), ("high", 41.5, 50))


def _date_axis(title: str, lang: str) -> alt.Axis:
    return alt.Axis(title=title, format=d3_date_format(lang), labelAngle=-30)


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
            x=alt.X("week:T", axis=_date_axis(t("chart.week", lang), lang)),
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


def checkin_trends(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """Returns one line per check-in measure (1–5) over time, each with its own point shape.

    Expects long columns checkin_date, measure, value (views.supporter.checkins).
    """
    data = frame.assign(label=[vocab("measure", m, lang) for m in frame["measure"]])
    legend = t("chart.measure", lang)
    return (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=60, filled=True))
        .encode(
            x=alt.X("checkin_date:T", axis=_date_axis(t("chart.date", lang), lang)),
            y=alt.Y(
                "value:Q",
                title=t("chart.score_1_5", lang),
                scale=alt.Scale(domain=[1, 5]),
                axis=alt.Axis(tickCount=5),
            ),
            color=alt.Color("label:N", title=legend),
            shape=alt.Shape("label:N", title=legend),
            strokeDash=alt.StrokeDash("label:N", title=legend),
            tooltip=[
                alt.Tooltip(
                    "checkin_date:T", title=t("chart.date", lang), format=d3_date_format(lang)
                ),
                alt.Tooltip("label:N", title=legend),
                alt.Tooltip("value:Q"),
            ],
        )
        .properties(title=t("chart.checkins_title", lang), width=WIDTH, autosize=FIT_X, height=240)
    )


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
            x=alt.X("response_date:T", axis=_date_axis(t("chart.date", lang), lang)),
            y=alt.Y(
                "score:Q", title=t("chart.proqol_score", lang), scale=alt.Scale(domain=[10, 50])
            ),
            color=alt.Color("label:N", title=legend, legend=_SIDE_LEGEND),
            shape=alt.Shape("label:N", title=legend, legend=_SIDE_LEGEND),
            strokeDash=alt.StrokeDash("label:N", title=legend, legend=_SIDE_LEGEND),
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


def coverage_trends(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """Returns one line per health figure (share 0–1) by month.

    Expects long columns as_of, figure, share.
    """
    data = frame.assign(label=[vocab("figure", f, lang) for f in frame["figure"]])
    legend = t("chart.figure", lang)
    return (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=50, filled=True))
        .encode(
            x=alt.X("as_of:T", axis=_date_axis(t("chart.month", lang), lang)),
            y=alt.Y(
                "share:Q",
                title=t("chart.share", lang),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color("label:N", title=legend, legend=_BOTTOM_LEGEND),
            shape=alt.Shape("label:N", title=legend, legend=_BOTTOM_LEGEND),
            strokeDash=alt.StrokeDash("label:N", title=legend, legend=_BOTTOM_LEGEND),
            tooltip=[
                alt.Tooltip("label:N", title=legend),
                alt.Tooltip("share:Q", format=".0%"),
                alt.Tooltip("as_of:T", format=d3_date_format(lang)),
            ],
        )
        .properties(title=t("chart.coverage_title", lang), width=WIDTH, autosize=FIT_X, height=260)
    )


def referrals(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """Returns needed vs. referred contacts per service type as paired horizontal bars.

    Expects columns service_type, needed, referred (views.network.referrals_by_type).
    """
    kinds = {"needed": t("chart.needed", lang), "referred": t("chart.referred", lang)}
    long = frame.melt(
        id_vars="service_type", value_vars=list(kinds), var_name="kind", value_name="contacts"
    )
    long["kind"] = long["kind"].map(kinds)
    long["service"] = [vocab("service", s, lang) for s in long["service_type"]]
    legend = t("chart.kind", lang)
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("service:N", title=t("chart.service_type", lang), sort="-x"),
            yOffset=alt.YOffset("kind:N"),
            x=alt.X(
                "contacts:Q",
                title=t("chart.contacts_90d", lang),
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color("kind:N", title=legend),
            opacity=alt.Opacity("kind:N", title=legend, scale=alt.Scale(range=[1.0, 0.55])),
            tooltip=["service:N", "kind:N", "contacts:Q"],
        )
        .properties(title=t("chart.referrals_title", lang), width=WIDTH, autosize=FIT_X)
    )


def need_matrix(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Returns the service type × language grid: cell shade = needs, text = affirming services,
    a gap (needs but no service) marked with ✖ and a thick outline, not colour alone.

    Expects columns service_type, language, needs, services, gap (views.network.need_matrix).
    """
    gap = "✖ " + t("network.gap", lang)
    data = frame.assign(
        service=[vocab("service", s, lang) for s in frame["service_type"]],
        mark=[gap if g else str(n) for g, n in zip(frame["gap"], frame["services"], strict=True)],
    )
    x = alt.X("language:N", title=t("chart.language", lang), axis=alt.Axis(labelAngle=0))
    y = alt.Y("service:N", title=t("chart.service_type", lang))
    cells = (
        alt.Chart(data)
        .mark_rect()
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "needs:Q", title=t("chart.needs", lang), scale=alt.Scale(scheme="blues")
            ),
            stroke=alt.condition("datum.gap", alt.value("#b00020"), alt.value("white")),
            strokeWidth=alt.condition("datum.gap", alt.value(3), alt.value(1)),
            tooltip=[
                alt.Tooltip("service:N", title=t("chart.service_type", lang)),
                alt.Tooltip("language:N", title=t("chart.language", lang)),
                alt.Tooltip("needs:Q", title=t("chart.needs", lang)),
                alt.Tooltip("services:Q", title=t("chart.services", lang)),
            ],
        )
    )
    # Dark cells get white text so the number stays readable.
    dark = f"datum.needs > {max(int(frame['needs'].max()) if len(frame) else 0, 1) / 2}"
    text = (
        alt.Chart(data)
        .mark_text(fontWeight="bold")
        .encode(
            x=x,
            y=y,
            text="mark:N",
            color=alt.condition(dark, alt.value("white"), alt.value("black")),
        )
    )
    height = 34 * max(data["service"].nunique(), 1)
    return (cells + text).properties(
        title=t("chart.matrix_title", lang), width=WIDTH, autosize=FIT_X, height=height
    )

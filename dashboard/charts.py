"""Altair chart builders: a DataFrame and a language in, an `alt.Chart` out. No Streamlit here.

Every chart has a title and labelled axes in the user's language and says one thing: shares
on a range where their differences show, months on a month axis, "higher is worse" apart from
"higher is better". Series are told apart by shape, dash or fill as well as by colour, and
every colour has at least 4.5:1 contrast on the white page (WCAG AA). Axis numbers keep Latin
digits in every language. Legends sit below the plot, one entry a line, so a phone (390 px)
shows them whole.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import TypeVar

import altair as alt
import pandas as pd

from dashboard.i18n import Pct, d3_date_format, t, vocab

WIDTH = "container"
# Fit the width to the page but keep the height for the plot itself: Streamlit's default
# ("fit") squeezes axes and legends into the height and flattens the plot.
FIT_X = alt.AutoSizeParams(type="fit-x", contains="padding")
# Long series names (health figures) need the width below the chart, not a clipped side legend;
# one column, so a phone's 390 px hold each name whole.
_BOTTOM_LEGEND = alt.Legend(orient="bottom", direction="vertical", columns=1, labelLimit=340)
# Dark enough for 4.5:1 on white (blue 6.9, brown 5.5, green 5.3, purple 6.9, crimson 6.9,
# grey 8.5); Vega's default palette has orange and teal at 2.3-2.6:1.
PALETTE: tuple[str, ...] = ("#1c5aa6", "#b04a00", "#1e7b3a", "#7b3f9e", "#b0124f", "#4d4d4d")
_COLOURS = alt.Scale(range=list(PALETTE))
INK = "#31333f"  # Streamlit's text colour, 12.6:1 on white
_Chart = TypeVar("_Chart", alt.Chart, alt.LayerChart)
PROQOL_BANDS = (("low", 10, 22.5), ("moderate", 22.5, 41.5), ("high", 41.5, 50))
# Check-in measures by direction: one chart each, so "up" means one thing per chart.
STRAIN: tuple[str, ...] = ("stress", "felt_triggered")  # higher is worse
RESOURCES: tuple[str, ...] = ("can_say_no", "role_clarity", "benefit")  # higher is better
# Month labels with Latin digits; Vega's month names are English, so German and Persian use
# numbers (11.2026, 2026-11) rather than "Nov" in a German or Persian page.
_MONTH_FORMATS = {"de": "%m.%Y", "en": "%b %Y", "fa": "%Y-%m"}


def _inked(build: Callable[[pd.DataFrame, str], _Chart]) -> Callable[[pd.DataFrame, str], _Chart]:
    """Gives a builder's chart dark axis, legend and title text: Streamlit's chart theme greys
    them to about 3.5:1 on white, below the 4.5:1 text needs (WCAG AA)."""

    @functools.wraps(build)
    def wrapper(frame: pd.DataFrame, lang: str) -> _Chart:
        chart = build(frame, lang)
        return (
            chart.configure_axis(labelColor=INK, titleColor=INK)
            .configure_legend(labelColor=INK, titleColor=INK)
            .configure_title(color=INK)
        )

    return wrapper


def _date_axis(title: str, lang: str) -> alt.Axis:
    """A date axis with a tick at each month's start (check-ins and ProQOL are monthly)."""
    return alt.Axis(
        title=title,
        format=d3_date_format(lang),
        tickCount={"interval": "month", "step": 1},
        labelAngle=-30,
    )


def _month_x(field: str, lang: str) -> alt.X:
    """An x encoding by calendar month: one tick a month, labelled as a month."""
    axis = alt.Axis(
        title=t("chart.month", lang),
        format=_MONTH_FORMATS.get(lang, "%Y-%m"),
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


@_inked
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


@_inked
def checkin_strain(frame: pd.DataFrame, lang: str) -> alt.Chart:
    """Returns stress and feeling triggered (1–5, higher is worse) over time, a line each.

    Expects long columns checkin_date, measure, value (views.supporter.checkins).
    """
    return _checkins(frame, STRAIN, t("chart.checkins_strain", lang), lang)


@_inked
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
            x=alt.X("checkin_date:T", axis=_date_axis(t("chart.date", lang), lang)),
            y=alt.Y(
                "value:Q",
                title=t("chart.score_1_5", lang),
                scale=alt.Scale(domain=[1, 5]),
                axis=alt.Axis(tickCount=5),
            ),
            color=alt.Color("label:N", title=legend, scale=scale, legend=_BOTTOM_LEGEND),
            shape=alt.Shape("label:N", title=legend, legend=_BOTTOM_LEGEND),
            strokeDash=alt.StrokeDash("label:N", title=legend, legend=_BOTTOM_LEGEND),
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


@_inked
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
            color=alt.Color("label:N", title=legend, scale=_COLOURS, legend=_BOTTOM_LEGEND),
            shape=alt.Shape("label:N", title=legend, legend=_BOTTOM_LEGEND),
            strokeDash=alt.StrokeDash("label:N", title=legend, legend=_BOTTOM_LEGEND),
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


@_inked
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


@_inked
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
            x=_month_x("as_of", lang),
            y=alt.Y(
                "share:Q",
                title=title,
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=domain),
            ),
            color=alt.Color("label:N", title=legend, scale=_COLOURS, legend=_BOTTOM_LEGEND),
            shape=alt.Shape("label:N", title=legend, legend=_BOTTOM_LEGEND),
            strokeDash=alt.StrokeDash("label:N", title=legend, legend=_BOTTOM_LEGEND),
            tooltip=[
                alt.Tooltip("label:N", title=legend),
                alt.Tooltip("share:Q", format=".0%"),
                alt.Tooltip(
                    "yearmonth(as_of):T",
                    title=t("chart.month", lang),
                    format=_MONTH_FORMATS.get(lang, "%Y-%m"),
                ),
            ],
        )
        .properties(title=t("chart.coverage_title", lang), width=WIDTH, autosize=FIT_X, height=260)
    )


@_inked
def referrals(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
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
    # needed: a solid bar; referred: an outlined, lightly filled one, in one colour; each bar
    # is labelled with its kind and count, so nothing rests on fill or hue alone.
    long["text"] = [f"{k}: {n}" for k, n in zip(long["kind"], long["contacts"], strict=True)]
    top = max(float(long["contacts"].max()) if len(long) else 0.0, 1.0)
    y = alt.Y("service:N", title=t("chart.service_type", lang), sort="-x")
    x = alt.X(
        "contacts:Q",
        title=t("chart.contacts_90d", lang),
        axis=alt.Axis(tickMinStep=1, format="d"),
        scale=alt.Scale(domain=[0, top * 1.6], nice=False),  # room for the labels
    )
    base = alt.Chart(long).encode(y=y, yOffset=alt.YOffset("kind:N"), x=x)
    bars = base.mark_bar(color=PALETTE[0], stroke=PALETTE[0], strokeWidth=2).encode(
        fillOpacity=alt.FillOpacity(
            "kind:N", scale=alt.Scale(domain=list(kinds.values()), range=[1.0, 0.15]), legend=None
        ),
        tooltip=[
            alt.Tooltip("service:N", title=t("chart.service_type", lang)),
            alt.Tooltip("kind:N", title=legend),
            alt.Tooltip("contacts:Q", title=t("chart.contacts_90d", lang)),
        ],
    )
    labels = base.mark_text(align="left", dx=4, color=INK, fontSize=11).encode(text="text:N")
    return (bars + labels).properties(
        title=t("chart.referrals_title", lang), width=WIDTH, autosize=FIT_X
    )


@_inked
def need_matrix(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Returns the service type × language grid: cell shade = needs, text = affirming services,
    a gap (needs but no service) marked with ✖ and a thick outline, not colour alone.

    Expects columns service_type, language, needs, services, gap (views.network.need_matrix).
    """
    data = frame.assign(
        service=[vocab("service", s, lang) for s in frame["service_type"]],
        mark=[
            f"✖ {t('network.gap', lang)}" if g else str(n)
            for g, n in zip(frame["gap"], frame["services"], strict=True)
        ],
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

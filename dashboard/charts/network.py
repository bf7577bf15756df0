"""The network page's charts: referral needs against referrals made, needs by language."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.style import FIT_X, INK, PALETTE, WIDTH, inked
from dashboard.i18n import t, vocab


@inked
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
    # is labelled with its kind, so nothing rests on fill or hue alone. (The label is the kind
    # field itself, so the figures table beside the chart keeps three columns.)
    top = max(float(long["contacts"].max()) if len(long) else 0.0, 1.0)
    y = alt.Y("service:N", title=t("chart.service_type", lang), sort="-x")
    x = alt.X(
        "contacts:Q",
        title=t("chart.contacts_90d", lang),
        axis=alt.Axis(tickMinStep=1, format="d"),
        scale=alt.Scale(domain=[0, top * 1.5], nice=False),  # room for the labels
    )
    base = alt.Chart(long).encode(y=y, yOffset=alt.YOffset("kind:N", title=legend), x=x)
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
    labels = base.mark_text(align="left", dx=4, color=INK, fontSize=11).encode(text="kind:N")
    return (bars + labels).properties(
        title=t("chart.referrals_title", lang), width=WIDTH, autosize=FIT_X
    )


@inked
def need_matrix(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Returns the service type × language grid: cell shade = needs, text = affirming services,
    a gap (needs but no service) marked with ✖ and a thick outline, not colour alone; the
    subtitle says what ✖ means (the word itself no longer fits a cell on a phone).

    Expects columns service_type, language, needs, services, gap (views.network.need_matrix).
    """
    data = frame.assign(
        service=[vocab("service", s, lang) for s in frame["service_type"]],
        mark=["✖" if g else str(n) for g, n in zip(frame["gap"], frame["services"], strict=True)],
        gap_label=[t("common.yes", lang) if g else t("common.no", lang) for g in frame["gap"]],
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
                "needs:Q",
                title=t("chart.needs", lang),
                scale=alt.Scale(scheme="blues"),
                legend=alt.Legend(orient="bottom", direction="horizontal", gradientLength=180),
            ),
            stroke=alt.condition("datum.gap", alt.value("#b00020"), alt.value("white")),
            strokeWidth=alt.condition("datum.gap", alt.value(3), alt.value(1)),
            tooltip=[
                alt.Tooltip("service:N", title=t("chart.service_type", lang)),
                alt.Tooltip("language:N", title=t("chart.language", lang)),
                alt.Tooltip("needs:Q", title=t("chart.needs", lang)),
                alt.Tooltip("services:Q", title=t("chart.services", lang)),
                alt.Tooltip("gap_label:N", title=t("network.gap", lang)),
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
    title = alt.TitleParams(
        t("chart.matrix_title", lang), subtitle=t("chart.matrix_gap_note", lang).split("\n")
    )
    return (cells + text).properties(title=title, width=WIDTH, autosize=FIT_X, height=height)

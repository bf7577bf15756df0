"""Program: health figures from the RULEBOOK, with their trend over the last twelve months."""

import pandas as pd
import streamlit as st

from dashboard import charts, health
from dashboard.csv_dialect import write_csv
from dashboard.i18n import N_, fmt_date, fmt_number, fmt_percent, vocab
from dashboard.ui import chart_cache, context, filters, next_step, widgets
from dashboard.ui.cache import cached
from dashboard.views import program as view

ctx = context.get()
st.title(ctx.t("program.title"))
program = filters.program_picker()
if program is None:
    next_step.no_program(ctx)
    st.stop()
if not program.has_data:
    next_step.no_data(ctx, N_("empty.program_empty"))
    st.stop()
as_of = filters.as_of_picker(program)
pid = program.program_id
st.caption(ctx.t("program.caption", program=widgets.md(pid), as_of=fmt_date(as_of, ctx.lang)))
overview = cached(health.overview, program_id=pid, as_of=as_of)
trend = cached(health.monthly_trend, program_id=pid, as_of=as_of)


def _delta(key: str) -> str | None:
    before, now = view.previous(trend, key), trend[-1].get(key) if trend else None
    return _delta_of(now, before)


def _delta_of(now: float | None, before: float | None) -> str | None:
    if before is None or now is None or round((now - before) * 100) == 0:
        return None  # an unchanged figure gets no arrow
    return ctx.t("program.delta", pp=fmt_number((now - before) * 100, ctx.lang, digits=0))


rows = view.figure_rows(overview)
cols = st.columns(3)
for i, row in enumerate(rows):
    cols[i % 3].metric(
        vocab("figure", row["figure"], ctx.lang),
        fmt_percent(row["share"], ctx.lang) or "–",
        delta=_delta(row["figure"]) if row["figure"] in view.TREND_FIGURES else None,
        help=ctx.t("program.of", part=row["count"], whole=row["of"]),
        border=True,
    )
load = overview["load"]
extra = st.columns(3)
extra[0].metric(ctx.t("program.active"), fmt_number(overview["active"], ctx.lang, 0), border=True)
extra[1].metric(
    ctx.t("program.median_hours", days=load["window_days"]),
    fmt_number(load["median_hours"], ctx.lang) or "–",
    border=True,
)
extra[2].metric(
    ctx.t("program.open_incidents"),
    fmt_number(overview["incidents"]["total"], ctx.lang, 0),
    border=True,
)

st.subheader(ctx.t("program.followups"))
follow = cached(health.followup_trend, program_id=pid, as_of=as_of, months=2)
now, before = follow[-1], follow[0]
cells = st.columns(3)
cells[0].metric(
    ctx.t("program.median_days"),
    fmt_number(now["median_days_to_first"], ctx.lang) or "–",
    delta=view.change(now, before, "median_days_to_first", ctx.t, N_("program.delta_days")),
    delta_color="inverse",
    help=ctx.t("program.median_days_help"),
    border=True,
)
cells[1].metric(
    ctx.t("program.high_within"),
    fmt_percent(now["high_within_14"], ctx.lang) or "–",
    delta=_delta_of(now["high_within_14"], before["high_within_14"]),
    help=ctx.t(
        "program.high_within_help", followed=now["high_followed"], judged=now["high_judged"]
    ),
    border=True,
)
cells[2].metric(
    ctx.t("program.reopened"),
    fmt_number(now["reopened"], ctx.lang, 0),
    delta=view.change(now, before, "reopened", ctx.t, N_("program.delta_count")),
    delta_color="inverse",
    help=ctx.t("program.reopened_help"),
    border=True,
)

st.subheader(ctx.t("program.trends"))
long = view.trend_long(trend)
if long.empty:
    st.info(ctx.t("program.no_trend"))
else:
    chart_cache.altair_chart(charts.coverage_trends, long, ctx.lang)

left, right = st.columns(2)
with left:
    st.subheader(ctx.t("program.load"))
    hours = pd.DataFrame(load["supporters"], columns=["supporter_id", "hours", "capacity", "ratio"])
    if hours.empty:
        st.info(ctx.t("program.no_load"))
    else:
        chart_cache.altair_chart(charts.load_distribution, hours, ctx.lang)
with right:
    st.subheader(ctx.t("program.incidents"))
    by_type = overview["incidents"]["by_type"]
    if not by_type:
        st.success(ctx.t("program.no_incidents"), icon=":material/check_circle:")
    else:
        widgets.table(
            pd.DataFrame(
                {
                    ctx.t("program.incident_type"): [
                        vocab("incident", r["type"], ctx.lang) for r in by_type
                    ],
                    ctx.t("col.severity"): [
                        vocab("severity", r["severity"], ctx.lang) for r in by_type
                    ],
                    ctx.t("program.count"): [r["count"] for r in by_type],
                }
            ),
            caption=ctx.t("program.incidents"),
        )

st.subheader(ctx.t("program.referrals"))
refs = overview["referrals"]
if not refs:
    st.info(ctx.t("network.no_needs"))
else:
    widgets.table(
        pd.DataFrame(
            {
                ctx.t("chart.service_type"): [
                    vocab("service", r["service_type"], ctx.lang) for r in refs
                ],
                ctx.t("chart.needed"): [r["needed"] for r in refs],
                ctx.t("chart.referred"): [r["referred"] for r in refs],
                ctx.t("program.share"): [fmt_percent(r["share"], ctx.lang) for r in refs],
            }
        ),
        caption=ctx.t("program.referrals"),
        row_header=ctx.t("chart.service_type"),
    )

out = view.downloadable(rows)
widgets.download(
    ctx.t("program.download"),
    write_csv(
        [{**r, "figure": vocab("figure", r["figure"], ctx.lang)} for r in out],
        {
            "figure": ctx.t("csv.figure"),
            "count": ctx.t("csv.count"),
            "of": ctx.t("csv.of"),
            "share": ctx.t("csv.share"),
        },
        ctx.lang,
    ),
    file_name=f"program_health_{pid}_{as_of.isoformat()}.csv",
    mime="text/csv",
    what="program_health",
    program_id=pid,
    rows=len(out),
    key="dl_health",
)

"""Supporter: one pseudonymous supporter over time, and the records behind each signal."""

import streamlit as st

from dashboard import charts
from dashboard.i18n import N_, fmt_date, fmt_number, vocab
from dashboard.ui import chart_cache, context, filters, next_step, session_settings, tables, widgets
from dashboard.ui.cache import cached
from dashboard.views import attention, common, labels
from dashboard.views import supporter as view

ctx = context.get()
st.title(ctx.t("supporter.title"))
program = filters.program_picker()
if program is None:
    next_step.no_program(ctx)
    st.stop()
if not program.has_data:
    next_step.no_data(ctx, N_("empty.program_empty"))
    st.stop()
as_of = filters.as_of_picker(program)
ids = cached(common.supporter_ids, program.program_id)
if not ids:
    st.info(ctx.t("supporter.none"), icon=":material/info:")
    st.stop()
signals = cached(
    attention.signals_for,
    program.program_id,
    as_of,
    **session_settings.signal_kwargs(program.program_id),
)
flagged = attention.subjects(attention.to_rows(signals, ctx.lang))
chosen = st.session_state.get("sel_supporter")
if chosen not in ids:
    chosen = flagged[0] if flagged else ids[0]
st.session_state["w_supporter"] = chosen
st.selectbox(
    ctx.t("supporter.pick"),
    ids,
    key="w_supporter",
    help=ctx.t("supporter.pick_help"),
    on_change=lambda: st.session_state.update(sel_supporter=st.session_state.w_supporter),
)
sid = st.session_state["w_supporter"]
st.caption(ctx.t("supporter.privacy"))

info = cached(view.profile, program.program_id, sid)
cols = st.columns(4)
cols[0].metric(ctx.t("supporter.capacity"), fmt_number(info["capacity_hours_month"], ctx.lang))
cols[1].metric(ctx.t("supporter.joined"), fmt_date(info["joined_on"], ctx.lang))
cols[2].metric(ctx.t("supporter.stage"), vocab("stage", info["own_process_stage"], ctx.lang) or "–")
cols[3].metric(ctx.t("supporter.languages"), labels.languages(info["languages"], ctx.lang))
if info["left_on"] is not None:
    st.warning(ctx.t("supporter.left", date=fmt_date(info["left_on"], ctx.lang)))

st.subheader(ctx.t("supporter.signals"))
mine = [
    r
    for r in attention.to_rows(signals, ctx.lang)
    if r["subject_type"] == "supporter" and r["subject_id"] == sid
]
if not mine:
    st.success(ctx.t("supporter.no_signals"), icon=":material/check_circle:")
for row in mine:
    severity = widgets.severity_label(row["severity"], ctx.lang)
    label = f"{severity} · {row['title']} ({row['signal_id']})"
    with st.expander(label, expanded=row["severity"] == "high"):
        st.text(row["sentence"])
        tables.evidence(ctx, program.program_id, row)

load_tab, checkin_tab, proqol_tab = st.tabs(
    [ctx.t("supporter.tab_load"), ctx.t("supporter.tab_checkins"), ctx.t("supporter.tab_proqol")]
)
with load_tab:
    chart_cache.altair_chart(
        charts.load_vs_capacity, cached(view.weekly_load, program.program_id, sid, as_of), ctx.lang
    )
    st.caption(ctx.t("supporter.load_hint"))
with checkin_tab:
    checkins = cached(view.checkins, program.program_id, sid, as_of)
    if checkins.empty:
        st.info(ctx.t("supporter.no_checkins"))
    else:
        chart_cache.altair_chart(charts.checkin_strain, checkins, ctx.lang)
        chart_cache.altair_chart(charts.checkin_resources, checkins, ctx.lang)
with proqol_tab:
    scores = cached(view.proqol, program.program_id, sid, as_of)
    if scores.empty:
        st.info(ctx.t("supporter.no_proqol"))
    else:
        chart_cache.altair_chart(charts.proqol_bands, scores, ctx.lang)
    st.caption(ctx.t("proqol.credit"))

st.subheader(ctx.t("supporter.matches"))
tables.matches(ctx, cached(view.matches, program.program_id, sid, as_of))
left, right = st.columns(2)
with left:
    st.subheader(ctx.t("supporter.trainings"))
    tables.trainings(ctx, cached(view.trainings, program.program_id, sid, as_of))
with right:
    st.subheader(ctx.t("supporter.supervision"))
    tables.supervision(ctx, cached(view.supervision, program.program_id, sid, as_of))

"""Attention (home): the supervision agenda — who needs what, why, since when."""

import pandas as pd
import streamlit as st

from dashboard import agenda
from dashboard.i18n import N_, fmt_date, fmt_number, vocab
from dashboard.ui import context, filters, next_step, session_settings, widgets
from dashboard.ui import followups as followup_forms
from dashboard.ui.cache import cached, per_user
from dashboard.views import attention as view
from dashboard.views import labels
from dashboard.views.agenda_export import agenda_csv

ctx = context.get()
st.title(ctx.t("attention.title"))
program = filters.program_picker()
if program is None:
    next_step.no_program(ctx)
    st.stop()
if not program.has_data:
    next_step.no_data(ctx, N_("empty.program_empty"))
    st.stop()
as_of = filters.as_of_picker(program)

left, middle, right = st.columns(3)
since = middle.date_input(
    ctx.t("attention.since"),
    value=per_user(view.default_since, program.program_id, as_of),
    max_value=as_of,
    help=ctx.t("attention.since_help"),
    format=filters.date_format(ctx.lang),
    key=f"att_since_{program.program_id}_{as_of.isoformat()}",
)
rows = view.to_rows(
    cached(
        view.agenda_for,
        program.program_id,
        as_of,
        since,
        **session_settings.signal_kwargs(program.program_id),
    ),
    ctx.lang,
)
actions = left.multiselect(
    ctx.t("filter.action"),
    view.ACTIONS,
    default=list(view.ACTIONS),
    format_func=lambda a: vocab("action", a, ctx.lang),
    key="att_actions",
)
severities = right.multiselect(
    ctx.t("filter.severity"),
    view.SEVERITIES,
    default=list(view.SEVERITIES),
    format_func=lambda s: widgets.severity_label(s, ctx.lang),
    key="att_severities",
)
shown = view.select(rows, actions, severities)
st.caption(
    ctx.t(
        "attention.caption", program=widgets.md(program.program_id), as_of=fmt_date(as_of, ctx.lang)
    )
)

by_severity = view.count_by(shown, "severity")
cols = st.columns(4)
cols[0].metric(ctx.t("attention.supporters"), fmt_number(len(view.subjects(shown)), ctx.lang, 0))
for col, severity in zip(cols[1:], view.SEVERITIES, strict=True):
    label = ctx.t("attention.tile_severity", severity=widgets.severity_label(severity, ctx.lang))
    col.metric(label, fmt_number(by_severity.get(severity, 0), ctx.lang, 0))

followup_forms.flash()
if not shown:
    st.success(ctx.t("attention.none"), icon=":material/check_circle:")


def _table(group: list[dict], title: str) -> None:
    frame = pd.DataFrame(
        {
            ctx.t("col.severity"): [widgets.severity_label(r["severity"], ctx.lang) for r in group],
            ctx.t("col.action"): [vocab("action", r["action"], ctx.lang) for r in group],
            ctx.t("col.subject"): [labels.subject(r, ctx.lang) for r in group],
            # the rule's title in words; its code as the detail people cite in supervision
            ctx.t("col.signal"): [f"{r['title']} ({r['signal_id']})" for r in group],
            ctx.t("col.evidence"): [r["sentence"] for r in group],
            ctx.t("col.value"): [agenda.value_vs_threshold(r, ctx.lang) for r in group],
            ctx.t("col.since"): [fmt_date(r["since"], ctx.lang) for r in group],
            ctx.t("col.followup"): [view.followup_label(r, ctx.lang) for r in group],
        }
    )
    widgets.table(
        frame, caption=title, row_header=ctx.t("col.subject"), wide=[ctx.t("col.evidence")]
    )


_GROUP_TITLES = {
    "new": N_("attention.group.new"),
    "worse": N_("attention.group.worse"),
    "open": N_("attention.group.open"),
    "planned": N_("attention.group.planned"),
    "handled": N_("attention.group.handled"),
}
for name, group in view.by_group(shown).items():
    if not group:
        continue
    title = ctx.t(_GROUP_TITLES[name], since=fmt_date(since, ctx.lang))
    title = f"{title} ({fmt_number(len(group), ctx.lang, 0)})"
    if name == "handled":
        with st.expander(title, expanded=False):
            _table(group, title)
    else:
        st.subheader(title)
        _table(group, title)

agenda_rows = [r for r in shown if r["group"] != "handled"]
followup_forms.record_form(program.program_id, agenda_rows, as_of)
if ctx.scope.can_write and agenda_rows and st.toggle(ctx.t("followup.meeting"), key="att_meeting"):
    followup_forms.meeting_form(program.program_id, agenda_rows, as_of)

supporters = view.subjects(shown)
if supporters:
    pick, go = st.columns([3, 1], vertical_alignment="bottom")
    chosen = pick.selectbox(ctx.t("attention.open_supporter"), supporters, key="att_open")
    if go.button(ctx.t("attention.open"), icon=":material/person_search:", key="att_open_btn"):
        st.session_state["sel_supporter"] = chosen
        st.switch_page("app_pages/supporter.py")

st.divider()
stem = f"agenda_{program.program_id}_{as_of.isoformat()}"
down_csv, down_html = st.columns(2)
with down_csv:
    widgets.download(
        ctx.t("attention.download_csv"),
        agenda_csv(shown, ctx.lang),
        file_name=f"{stem}.csv",
        mime="text/csv",
        what="agenda_csv",
        program_id=program.program_id,
        rows=len(shown),
        key="dl_agenda_csv",
    )
with down_html:
    widgets.download(
        ctx.t("attention.download_agenda"),
        agenda.render(
            agenda_rows,  # handled signals are off the agenda; the CSV keeps every row
            program_id=program.program_id,
            as_of=as_of,
            lang=ctx.lang,
            is_demo=program.is_demo,
        ),
        file_name=f"{stem}.html",
        mime="text/html",
        what="agenda_html",
        program_id=program.program_id,
        rows=len(agenda_rows),
        key="dl_agenda_html",
    )
st.caption(ctx.t("attention.agenda_hint"))

"""Network: where the program lacks professional partners — needs, language gaps, staleness."""

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.csv_dialect import write_csv
from dashboard.i18n import fmt_date, vocab
from dashboard.privacy import suppress_small
from dashboard.ui import chart_cache, context, filters, next_step, session_settings, tables, widgets
from dashboard.ui.cache import cached
from dashboard.views import attention, labels
from dashboard.views import network as view

ctx = context.get()
st.title(ctx.t("network.title"))
program = filters.program_picker()
if program is None:
    next_step.no_program(ctx)
    st.stop()
if not program.has_data:
    next_step.no_data(ctx, "empty.program_empty")
    st.stop()
as_of = filters.as_of_picker(program)
pid = program.program_id
st.caption(ctx.t("network.caption", as_of=fmt_date(as_of, ctx.lang)))

st.subheader(ctx.t("network.signals"))
rows = [
    r
    for r in attention.to_rows(
        cached(attention.signals_for, pid, as_of, **session_settings.signal_kwargs(pid)), ctx.lang
    )
    if r["action"] == "networking"
]
if rows:
    widgets.table(
        pd.DataFrame(
            {
                ctx.t("col.severity"): [
                    widgets.severity_label(r["severity"], ctx.lang) for r in rows
                ],
                ctx.t("col.subject"): [labels.subject(r, ctx.lang) for r in rows],
                ctx.t("col.signal"): [f"{r['title']} ({r['signal_id']})" for r in rows],
                ctx.t("col.evidence"): [r["sentence"] for r in rows],
            }
        ),
        caption=ctx.t("network.signals"),
        row_header=ctx.t("col.subject"),
        wide=[ctx.t("col.evidence")],
    )
else:
    st.success(ctx.t("network.no_signals"), icon=":material/check_circle:")

referrals = cached(view.referrals_by_type, pid, as_of)
st.subheader(ctx.t("network.referrals"))
if referrals.empty:
    st.info(ctx.t("network.no_needs"))
else:
    chart_cache.altair_chart(charts.referrals, referrals, ctx.lang)
    out = suppress_small(referrals, ["needed", "referred"])
    out["service_type"] = [vocab("service", s, ctx.lang) for s in out["service_type"]]
    widgets.download(
        ctx.t("network.download_referrals"),
        write_csv(
            out,
            {
                "service_type": ctx.t("chart.service_type"),
                "needed": ctx.t("chart.needed"),
                "referred": ctx.t("chart.referred"),
            },
            ctx.lang,
        ),
        file_name=f"referrals_{pid}_{as_of.isoformat()}.csv",
        mime="text/csv",
        what="network_referrals",
        program_id=pid,
        rows=len(out),
        key="dl_referrals",
    )

matrix = cached(view.need_matrix, pid, as_of)
st.subheader(ctx.t("network.matrix"))
st.caption(ctx.t("network.matrix_hint"))
if not matrix.empty:
    chart_cache.altair_chart(charts.need_matrix, matrix, ctx.lang)
    gaps = matrix[matrix["gap"]]
    if not gaps.empty:
        widgets.table(
            pd.DataFrame(
                {
                    ctx.t("chart.service_type"): [
                        vocab("service", s, ctx.lang) for s in gaps["service_type"]
                    ],
                    ctx.t("chart.language"): gaps["language"].tolist(),
                    ctx.t("chart.needs"): gaps["needs"].tolist(),
                }
            ),
            caption=ctx.t("network.matrix"),
        )
    out = suppress_small(matrix, ["needs", "services"])
    out["service_type"] = [vocab("service", s, ctx.lang) for s in out["service_type"]]
    headers = {
        "service_type": ctx.t("chart.service_type"),
        "language": ctx.t("chart.language"),
        "needs": ctx.t("chart.needs"),
        "services": ctx.t("chart.services"),
        "gap": ctx.t("network.gap"),
    }
    widgets.download(
        ctx.t("network.download_matrix"),
        write_csv(out, headers, ctx.lang),
        file_name=f"needs_matrix_{pid}_{as_of.isoformat()}.csv",
        mime="text/csv",
        what="network_matrix",
        program_id=pid,
        rows=len(out),
        key="dl_matrix",
    )

st.subheader(ctx.t("network.partnerships"))
services = cached(view.partnerships, pid, as_of)
if services.empty:
    st.info(ctx.t("network.no_services"))
else:
    yes, no = ctx.t("common.yes"), ctx.t("common.no")
    widgets.table(
        pd.DataFrame(
            {
                ctx.t("col.service"): services["service_id"],
                ctx.t("chart.service_type"): [
                    vocab("service", s, ctx.lang) for s in services["service_type"]
                ],
                ctx.t("col.languages"): [
                    labels.languages(tables.as_list(v), ctx.lang) for v in services["languages"]
                ],
                ctx.t("col.affirming"): [yes if v else no for v in services["lgbtiq_affirming"]],
                ctx.t("col.accepts_referrals"): [
                    yes if v else no for v in services["accepts_referrals"]
                ],
                ctx.t("col.last_contact"): [
                    fmt_date(d, ctx.lang) for d in services["last_network_contact"]
                ],
                ctx.t("col.stale"): ["⚠ " + yes if v else no for v in services["stale"]],
                ctx.t("col.needed"): [yes if v else no for v in services["needed"]],
            }
        ),
        caption=ctx.t("network.partnerships"),
        row_header=ctx.t("col.service"),
    )

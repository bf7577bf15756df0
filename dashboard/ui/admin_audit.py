"""Admin page, audit tab: filter the log, read it, download it as CSV (the download is audited)."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

import streamlit as st

from dashboard.audit import ACTIONS
from dashboard.audit_export import audit_csv, read_audit
from dashboard.i18n import t
from dashboard.ui import widgets
from dashboard.ui.context import PageContext

SHOWN = 1000  # rows drawn on the page; the CSV holds every matching row


def draw(ctx: PageContext) -> None:
    """Draws filters, the newest entries and the CSV download."""
    lang = ctx.lang
    every = t("auth.audit.all", lang)
    left, middle, right = st.columns(3)
    action = left.selectbox(t("auth.audit.action", lang), [every, *ACTIONS], key="audit_action")
    programs = [
        r[0] for r in ctx.cur.execute("SELECT program_id FROM programs ORDER BY 1").fetchall()
    ]
    program = middle.selectbox(
        t("auth.audit.program", lang), [every, *programs], key="audit_program"
    )
    since_day = right.date_input(t("auth.audit.since", lang), value=None, key="audit_since")
    chosen_program = None if program == every else str(program)
    filters: dict[str, Any] = {
        "action": None if action == every else str(action),
        "program_id": chosen_program,
        "since": datetime.combine(since_day, time()) if since_day else None,  # type: ignore[arg-type]
    }
    rows = read_audit(ctx.cur, scope=ctx.scope, limit=SHOWN, **filters)
    st.caption(t("auth.audit.count", lang, n=len(rows)))
    st.dataframe([_entry(ctx, r) for r in rows], hide_index=True, width="stretch")
    text, count = audit_csv(ctx.cur, scope=ctx.scope, record=False, **filters)
    widgets.download(
        t("auth.audit.download", lang),
        text,
        file_name="audit_log.csv",
        mime="text/csv",
        what="audit_log",
        program_id=chosen_program,
        rows=count,
        key="audit_download",
    )


def _entry(ctx: PageContext, row: dict[str, Any]) -> dict[str, Any]:
    """Returns one log entry with headers in the reader's language and no 'None' shown."""
    return {
        ctx.t("col.audit_id"): row["audit_id"],
        ctx.t("col.logged_at"): row["logged_at"],
        ctx.t("col.actor"): row["actor"],
        ctx.t("col.event"): row["action"],
        ctx.t("col.program"): row["program_id"] or "",
        ctx.t("col.detail"): row["detail"] or "",
    }

"""*Remove this import*: a click asks first, naming the import (id, files, date), and the
confirmation removes exactly the import it named, whatever the picker shows by then."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard.access import AccessDenied
from dashboard.i18n import fmt_date
from dashboard.ingest import remove_import
from dashboard.ui import widgets
from dashboard.ui.cache import clear
from dashboard.ui.context import PageContext

_PENDING = "imp_remove_pending"  # the import id a click asked to remove, until confirmed


def button(ctx: PageContext, column: Any, import_id: int, *, allowed: bool) -> None:
    """Draws *Remove this import* in `column`; a click only asks (see `confirm`)."""
    if column.button(
        ctx.t("import.remove"), key="btn_remove", icon=":material/delete:", disabled=not allowed
    ):
        st.session_state[_PENDING] = import_id


def confirm(ctx: PageContext, history: pd.DataFrame) -> None:
    """Draws the pending removal's question with *Remove import N* and *Cancel*."""
    pending = st.session_state.get(_PENDING)
    match = history[history["import_id"] == pending] if pending is not None else history[:0]
    if match.empty or match.iloc[0]["status"] == "removed":
        st.session_state.pop(_PENDING, None)
        return
    row = match.iloc[0]
    box = st.container(border=True)
    box.warning(
        ctx.t(
            "import.remove_confirm",
            id=str(pending),
            files=widgets.md(row.get("files", "")),
            date=fmt_date(row.get("started_at"), ctx.lang),
        ),
        icon=":material/warning:",
    )
    yes, no = box.columns(2)
    if yes.button(
        ctx.t("import.remove_yes", id=str(pending)), type="primary", key="btn_remove_yes"
    ):
        _remove(ctx, int(pending))
    if no.button(ctx.t("import.remove_cancel"), key="btn_remove_no"):
        st.session_state.pop(_PENDING, None)
        st.rerun()


def _remove(ctx: PageContext, import_id: int) -> None:
    st.session_state.pop(_PENDING, None)
    try:
        remove_import(ctx.cur, import_id, scope=ctx.scope, actor=ctx.scope.user)
    except (AccessDenied, ValueError, KeyError) as exc:
        st.error(widgets.md(str(exc)))
        return
    st.session_state["import_result"] = ("ok", ctx.t("import.removed", id=str(import_id)))
    clear()
    st.rerun()

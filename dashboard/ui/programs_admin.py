"""The Programs page's parts: the list everyone sees (their programs), the forms admins use.

The changes themselves (and their audit entries) live in dashboard.programs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import programs
from dashboard.access import AccessDenied
from dashboard.i18n import LANG_NAMES, LANGS, N_
from dashboard.ui import widgets
from dashboard.ui.cache import clear
from dashboard.ui.context import PageContext

LANGUAGES = LANGS
_ERRORS = {  # ProgramError.code -> message
    "bad_id": N_("programs.error_bad_id"),
    "bad_name": N_("programs.error_bad_name"),
    "confirm": N_("programs.error_confirm"),
    "exists": N_("programs.error_exists"),
    "unknown": N_("programs.error_unknown"),
}


def listing(ctx: PageContext) -> list[programs.ProgramRow]:
    """Draws the programs the user reaches (id, name, state, supporters); returns them."""
    rows = programs.list_programs(ctx.cur, scope=ctx.scope)
    if not rows:
        return rows
    frame = pd.DataFrame(
        [
            {
                ctx.t("programs.col_id"): r.program_id,
                ctx.t("programs.col_name"): r.display_name,
                ctx.t("programs.col_state"): ctx.t(_state_key(r)),
                ctx.t("programs.col_supporters"): r.supporters,
            }
            for r in rows
        ]
    )
    widgets.table(frame, caption=ctx.t("nav.programs"), row_header=ctx.t("programs.col_id"))
    return rows


def _state_key(row: programs.ProgramRow) -> str:
    if row.is_demo:
        return N_("programs.state_demo")
    return N_("programs.state_archived") if row.archived else N_("programs.state_active")


def create_form(ctx: PageContext, form_key: str = "program_create") -> None:
    """Draws the form that creates a program (id, display name, default language)."""
    with st.form(form_key, clear_on_submit=False):
        pid = st.text_input(
            ctx.t("programs.id"), key=f"{form_key}_id", help=ctx.t("import.new_program_help")
        )
        name = st.text_input(ctx.t("programs.name"), key=f"{form_key}_name")
        lang = st.selectbox(
            ctx.t("programs.language"),
            LANGUAGES,
            index=LANGUAGES.index(ctx.lang) if ctx.lang in LANGUAGES else 1,
            format_func=LANG_NAMES.__getitem__,
            key=f"{form_key}_lang",
        )
        if st.form_submit_button(ctx.t("programs.create"), type="primary"):
            _run(
                ctx, programs.create_program, ctx.cur, pid, name, lang, scope=ctx.scope,
                done=lambda row: ctx.t("programs.created", id=row.program_id),
                select=pid.strip(),
            )  # fmt: skip


def manage(ctx: PageContext, rows: list[programs.ProgramRow]) -> None:
    """Draws rename, archive/reactivate and delete for one chosen program (admins only)."""
    ids = [r.program_id for r in rows]
    pid = st.selectbox(ctx.t("programs.pick"), ids, key="prog_pick")
    row = next(r for r in rows if r.program_id == pid)
    with st.form("program_rename"):
        name = st.text_input(ctx.t("programs.name"), value=row.display_name, key="prog_name")
        if st.form_submit_button(ctx.t("programs.rename")):
            _run(
                ctx, programs.rename_program, ctx.cur, pid, name, scope=ctx.scope,
                done=lambda _: ctx.t("programs.renamed"),
            )  # fmt: skip
    archive_label = N_("programs.reactivate") if row.archived else N_("programs.archive")
    st.caption(ctx.t("programs.archive_help"))
    if st.button(ctx.t(archive_label), key="prog_archive", icon=":material/inventory_2:"):
        _run(
            ctx, programs.set_archived, ctx.cur, pid, not row.archived, scope=ctx.scope,
            done=lambda _: ctx.t("programs.saved"),
        )  # fmt: skip
    _delete(ctx, pid)


def _delete(ctx: PageContext, pid: str) -> None:
    st.caption(ctx.t("programs.delete_help", id=widgets.md(pid)))
    typed = st.text_input(ctx.t("programs.delete_confirm"), key=f"prog_delete_{pid}")
    if st.button(
        ctx.t("programs.delete"),
        key="prog_delete",
        icon=":material/delete_forever:",
        disabled=typed.strip() != pid,
    ):
        _run(
            ctx, programs.delete_program, ctx.cur, pid, typed, scope=ctx.scope,
            done=lambda counts: ctx.t("programs.deleted", n=sum(counts.values())),
        )  # fmt: skip


def _run(
    ctx: PageContext,
    action: Callable[..., Any],
    *args: Any,
    done: Callable[[Any], str],
    select: str | None = None,
    **kwargs: Any,
) -> None:
    """Calls the change; shows a refusal in the user's language, or reruns with a toast."""
    try:
        result = action(*args, **kwargs)
    except programs.ProgramError as exc:
        st.error(ctx.t(_ERRORS[exc.code], id=widgets.md(exc.program_id)))
        return
    except AccessDenied:
        st.error(ctx.t("programs.admins_only"))
        return
    if select:
        st.session_state["sel_program"] = select
    clear()
    st.toast(done(result))
    st.rerun()

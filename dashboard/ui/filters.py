"""Sidebar pickers shared by the pages (program, as-of date); choices survive page changes.

Streamlit forgets a widget's value when a page without it runs, so each choice is mirrored
in a plain session key (`sel_program`, `sel_as_of`) that the widget starts from.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.ui import context
from dashboard.ui.cache import cached
from dashboard.views import common

PROGRAM_KEY = "sel_program"
AS_OF_KEY = "sel_as_of"


def program_picker() -> common.ProgramInfo | None:
    """Returns the chosen program (None when the user reaches none), drawn in the sidebar."""
    ctx = context.get()
    available = cached(common.programs)
    if not available:
        return None
    ids = [p.program_id for p in available]
    chosen = st.session_state.get(PROGRAM_KEY)
    if chosen not in ids:
        chosen = ids[0]
        st.session_state[PROGRAM_KEY] = chosen
    labels = {p.program_id: _label(p, ctx) for p in available}
    st.session_state["w_program"] = chosen  # the widget starts from the mirrored choice
    st.sidebar.selectbox(
        ctx.t("filter.program"),
        ids,
        format_func=labels.__getitem__,
        key="w_program",
        on_change=_mirror,
        args=("w_program", PROGRAM_KEY),
    )
    return next(p for p in available if p.program_id == st.session_state[PROGRAM_KEY])


def as_of_picker(program: common.ProgramInfo) -> date:
    """Returns the as-of date: the user's choice, else the program's default (Settings)."""
    ctx = context.get()
    chosen = st.session_state.get(AS_OF_KEY)
    if not isinstance(chosen, date) or st.session_state.get("_as_of_program") != program.program_id:
        chosen = default_as_of(program)
        st.session_state[AS_OF_KEY] = chosen
        st.session_state["_as_of_program"] = program.program_id
    st.session_state["w_as_of"] = chosen
    st.sidebar.date_input(
        ctx.t("filter.as_of"),
        key="w_as_of",
        help=ctx.t("filter.as_of_help"),
        on_change=_mirror,
        args=("w_as_of", AS_OF_KEY),
        format=date_format(ctx.lang),
    )
    return st.session_state[AS_OF_KEY]


def default_as_of(program: common.ProgramInfo) -> date:
    """Returns the program's as-of default: the stored setting, the demo's date, or today."""
    fallback = date.today()
    if program.is_demo:
        from dashboard.sample import DEMO_AS_OF

        fallback = DEMO_AS_OF
    return cached(common.as_of_default, program.program_id) or fallback


def _mirror(widget_key: str, store_key: str) -> None:
    value = st.session_state.get(widget_key)
    if value is not None:
        st.session_state[store_key] = value


def _label(program: common.ProgramInfo, ctx: context.PageContext) -> str:
    name = program.program_id
    if program.display_name and program.display_name != program.program_id:
        name = f"{program.display_name} ({program.program_id})"
    if program.is_demo:
        short = ctx.t("demo.short")
        return f"{name} ({short})"
    return f"{name} ({ctx.t('programs.state_archived')})" if program.archived else name


def date_format(lang: str) -> str:
    """Returns the st.date_input format of the language (German: 20.11.2026)."""
    return "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"

"""Small drawing helpers the pages share: severity label, audited downloads, demo banner."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import streamlit as st

from dashboard import audit
from dashboard.i18n import vocab
from dashboard.ui import context, html_table, nav
from dashboard.ui.cache import cached, clear
from dashboard.views import common, demo
from dashboard.views.attention import SEVERITY_ICONS


def severity_label(severity: str, lang: str) -> str:
    """Returns shape + word ('▲ High'): the word carries the meaning, never colour alone."""
    return f"{SEVERITY_ICONS.get(severity, '')} {vocab('severity', severity, lang)}".strip()


def download(
    label: str,
    data: str | bytes,
    *,
    file_name: str,
    mime: str,
    what: str,
    program_id: str | None,
    rows: int,
    key: str,
) -> None:
    """Draws a download button whose click is written to the audit log as an `export`."""
    st.download_button(
        label,
        data=data,
        file_name=file_name,
        mime=mime,
        key=key,
        on_click=_record_export,
        args=(what, program_id, rows, file_name),
        icon=":material/download:",
    )


def _record_export(what: str, program_id: str | None, rows: int, file_name: str) -> None:
    ctx = context.get()
    if ctx.scope.anonymous:  # demo visitors store nothing, not even a log line; demo data only
        return
    audit.record(
        ctx.cur,
        ctx.scope.user,
        "export",
        program_id,
        {"what": what, "rows": rows, "file": file_name},
    )


def demo_banner() -> None:
    """Labels demo data: a banner while a demo program is shown, else a note in the sidebar;
    with a one-click removal for users who may change the demo, and the way to the Setup
    page for anonymous visitors (who may change nothing)."""
    ctx = context.get()
    demos = cached(demo.demo_programs)
    if not demos:
        return
    ids = [p.program_id for p in cached(common.programs)]
    selected = st.session_state.get("sel_program")
    shown = selected if selected in ids else (ids[0] if ids else None)
    if shown in demos or shown is None:
        box = st.container(border=True)
        badge, explain = ctx.t("demo.badge"), ctx.t("demo.explain")
        box.markdown(f"**{badge}** — {explain}")
    else:
        box = st.sidebar.container(border=True)
        badge, still = ctx.t("demo.badge"), ctx.t("demo.still_loaded")
        box.markdown(f"**{badge}**: {still}")
    with box:
        if ctx.scope.anonymous:
            nav.link("setup", ctx.t("empty.go_setup"), ":material/rocket_launch:")
        else:
            remove_demo_button(ctx, key="remove_demo")


def remove_demo_button(ctx: context.PageContext, *, key: str) -> None:
    """Draws *Remove demo data* for users who may change the demo; after the click, admins
    land on the Setup page's first steps, everyone else on a page without the demo."""
    if not ctx.scope.can_write or not st.button(
        ctx.t("demo.remove"), key=key, icon=":material/delete:"
    ):
        return
    removed = demo.remove_demo(ctx.cur, scope=ctx.scope)
    clear()
    st.session_state.pop("sel_program", None)
    st.toast(ctx.t("demo.removed", n=removed))
    setup_page = nav.page("setup")
    if setup_page is not None:
        st.switch_page(setup_page)
    st.rerun()


def table(
    frame: Any,
    *,
    caption: str,
    row_header: str | None = None,
    wide: Iterable[str] = (),
) -> None:
    """Draws `frame` as a real HTML table across the page width (see ui/html_table.py):
    screen readers get caption and headers, long text wraps, phones get one card per row.

    `caption` names the table for screen readers; `row_header` is the column that names
    each row (a pseudonym, a file); `wide` columns hold sentences and get room for them.
    """
    lang = context.get().lang
    body = html_table.build(frame, caption=caption, lang=lang, row_header=row_header, wide=wide)
    st.html(html_table.page([body]))


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(value: object) -> str:
    """Returns a data value safe to place in Streamlit markdown (captions, labels, alerts):
    every markdown character is escaped, so a code like `a_b_c` never turns into formatting."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(value))

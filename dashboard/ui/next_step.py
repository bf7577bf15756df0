"""Empty states: what is missing, and a link to the one next step the current role can take.

Never a button that does nothing: a role that cannot act gets a sentence saying who can.
"""

from __future__ import annotations

import streamlit as st

from dashboard.ui import nav
from dashboard.ui.context import PageContext


def no_program(ctx: PageContext) -> None:
    """Explains that the user reaches no program yet, and where that changes."""
    st.info(ctx.t("empty.no_program"), icon=":material/info:")
    follow(ctx)


def no_data(ctx: PageContext, message_key: str) -> None:
    """Explains that the chosen program holds no data of this kind yet, and what to do."""
    st.info(ctx.t(message_key), icon=":material/info:")
    follow(ctx)


def follow(ctx: PageContext) -> None:
    """Draws the role's next step: a page link, or who can help."""
    scope = ctx.scope
    if scope.anonymous:
        nav.link("setup", ctx.t("empty.go_setup"), ":material/rocket_launch:")
    elif scope.role == "admin" and not _has_real_program(ctx):
        nav.link("programs", ctx.t("empty.go_create_program"), ":material/create_new_folder:")
    elif scope.can_write and (scope.programs is None or scope.programs):
        nav.link("import", ctx.t("empty.go_import"), ":material/upload_file:")
    elif scope.role == "coordinator":
        st.caption(ctx.t("empty.ask_admin"))
    else:
        st.caption(ctx.t("empty.ask_coordinator"))


def _has_real_program(ctx: PageContext) -> bool:
    row = ctx.cur.execute("SELECT count(*) FROM programs WHERE NOT is_demo").fetchone()
    return bool(row and row[0])

"""First run in the browser: claim the installation with the setup code, then the first steps.

The claim form is drawn by the Setup page (demo mode) and by the sign-in gate (a store with
data but no account). dashboard.auth.setup checks the code, rate-limits wrong ones and
creates the first admin; this module only draws and signs the new admin in.
"""

from __future__ import annotations

import duckdb
import streamlit as st

from dashboard.auth import WeakPassword
from dashboard.auth.setup import SetupRefused, UserError, redeem
from dashboard.i18n import N_, t
from dashboard.ui import auth_gate, nav
from dashboard.ui.context import PageContext

_REFUSED = {  # SetupRefused.reason -> message
    "done": N_("setup.refused_done"),
    "locked": N_("setup.refused_locked"),
    "no_code": N_("setup.refused_no_code"),
    "wrong_code": N_("setup.refused_wrong_code"),
}


def claim_form(con: duckdb.DuckDBPyConnection, lang: str, oidc_user: str | None = None) -> None:
    """Draws the setup-code form; on success signs the new admin in and reruns.

    With `oidc_user` (signed in at the identity provider) only the code is asked: the
    account is created for that identity, without a password.
    """
    st.title(t("setup.title", lang))
    st.markdown(t("setup.claim_intro", lang))
    st.code("python -m dashboard setup-code", language="bash")
    with st.form("setup_claim"):
        code = st.text_input(t("setup.code", lang), key="setup_code")
        if oidc_user:
            st.text(t("setup.oidc_identity", lang, user=oidc_user))
            name, first, second = oidc_user, None, None
        else:
            name = st.text_input(t("setup.username", lang), key="setup_user")
            first = st.text_input(t("setup.password", lang), type="password", key="setup_pw1")
            second = st.text_input(t("setup.repeat", lang), type="password", key="setup_pw2")
        submitted = st.form_submit_button(t("setup.create_admin", lang), type="primary")
    if submitted:
        _claim(con, lang, code, name, first, second, oidc=oidc_user is not None)


def _claim(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    code: str,
    name: str,
    first: str | None,
    second: str | None,
    *,
    oidc: bool,
) -> None:
    if not oidc and first != second:
        st.error(t("setup.mismatch", lang))
        return
    try:
        done = redeem(con, code, name, password=first)
    except SetupRefused as exc:
        st.error(t(_REFUSED[exc.reason], lang, minutes=exc.minutes))
        return
    except (UserError, WeakPassword) as exc:  # the code stays valid
        st.error(str(exc))
        return
    auth_gate.start(done.username, "oidc" if oidc else "password")
    st.session_state["setup_just_done"] = True
    st.rerun()


def steps(ctx: PageContext) -> list[tuple[str, bool]]:
    """Returns the first-run steps (catalog key, done) for an admin, in order."""
    row = ctx.cur.execute(
        "SELECT (SELECT count(*) FROM programs WHERE NOT is_demo),"
        " (SELECT count(*) FROM users WHERE role <> 'admin'),"
        " (SELECT count(*) FROM imports WHERE NOT is_demo AND status <> 'removed'),"
        " (SELECT count(*) FROM imports WHERE is_demo AND status <> 'removed')"
    ).fetchone() or (0, 0, 0, 0)
    programs, others, imports, demo_left = (int(v) for v in row)
    return [
        (N_("setup.step_admin"), True),
        (N_("setup.step_program"), programs > 0),
        (N_("setup.step_people"), others > 0),
        (N_("setup.step_import"), imports > 0),
        (N_("setup.step_demo"), demo_left == 0),
    ]


def guide(ctx: PageContext) -> None:
    """Draws the checklist of first steps, each with the link or form that does it."""
    if st.session_state.pop("setup_just_done", False):
        st.success(t("setup.done", ctx.lang), icon=":material/check_circle:")
    st.markdown(t("setup.guide_intro", ctx.lang))
    for key, done in steps(ctx):
        mark = "✔" if done else "○"
        st.markdown(f"**{mark} {t(key, ctx.lang)}**")
        if not done:
            _step_action(ctx, key)


def _step_action(ctx: PageContext, key: str) -> None:
    from dashboard.ui import programs_admin, widgets

    if key == "setup.step_program":
        programs_admin.create_form(ctx, form_key="setup_program")
    elif key == "setup.step_people":
        st.caption(t("setup.people_hint", ctx.lang))
        nav.link("admin", t("setup.go_admin", ctx.lang), ":material/person_add:")
    elif key == "setup.step_import":
        nav.link("import", t("empty.go_import", ctx.lang), ":material/upload_file:")
    elif key == "setup.step_demo":
        widgets.remove_demo_button(ctx, key="setup_remove_demo")

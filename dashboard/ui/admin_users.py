"""Admin page, accounts tab: list, add, change, reset password, remove (dashboard.auth.users)."""

from __future__ import annotations

import streamlit as st

from dashboard.access import ROLES, AccessDenied
from dashboard.auth import UserError, WeakPassword, users
from dashboard.i18n import N_, t
from dashboard.ui.context import PageContext

_REFUSED = (UserError, WeakPassword, AccessDenied, ValueError)
ROLE_LABELS = {  # access.Role -> label
    "admin": N_("role.admin"),
    "coordinator": N_("role.coordinator"),
    "viewer": N_("role.viewer"),
}


def draw(ctx: PageContext) -> None:
    """Draws the accounts table and the forms that change accounts."""
    lang = ctx.lang
    accounts = users.list_users(ctx.cur, scope=ctx.scope)
    st.caption(t("auth.users.roles_help", lang))
    st.dataframe([_account_row(ctx, u) for u in accounts], hide_index=True, width="stretch")
    programs = _programs(ctx)
    names = [u.username for u in accounts]
    with st.expander(t("auth.users.add", lang), icon=":material/person_add:"):
        _add_form(ctx, programs)
    if names:
        with st.expander(t("auth.users.edit", lang), icon=":material/edit:"):
            _edit_form(ctx, names, programs)
        with st.expander(t("auth.users.new_password", lang), icon=":material/password:"):
            _password_form(ctx, names)
        with st.expander(t("auth.users.remove", lang), icon=":material/person_remove:"):
            _remove_form(ctx, names)


def _account_row(ctx: PageContext, user: users.UserRecord) -> dict[str, str]:
    """Returns one account as the table shows it: headers and values in the reader's words."""
    every = ctx.t("col.all_programs")
    return {
        ctx.t("col.username"): user.username,
        ctx.t("col.role"): ctx.t(ROLE_LABELS[user.role]),
        ctx.t("col.programs"): every if user.role == "admin" else ", ".join(user.programs),
        ctx.t("col.sign_in"): ctx.t("col.password") if user.has_password else "OIDC",
        ctx.t("col.disabled"): ctx.t("common.yes") if user.disabled else ctx.t("common.no"),
    }


def _add_form(ctx: PageContext, programs: list[str]) -> None:
    lang = ctx.lang
    with st.form("user_add", clear_on_submit=True):
        name = st.text_input(t("auth.username", lang), key="ua_name")
        role = st.selectbox(t("auth.users.role", lang), ROLES, index=2, key="ua_role")
        chosen = st.multiselect(t("auth.users.programs", lang), programs, key="ua_programs")
        oidc = st.checkbox(t("auth.users.oidc_only", lang), key="ua_oidc")
        first = st.text_input(t("auth.password", lang), type="password", key="ua_pw1")
        second = st.text_input(t("auth.users.repeat", lang), type="password", key="ua_pw2")
        if st.form_submit_button(t("auth.users.save", lang), type="primary"):
            if not oidc and first != second:
                st.error(t("auth.users.mismatch", lang))
                return
            password = None if oidc else first
            _run(
                ctx,
                users.add_user,
                ctx.cur,
                name,
                role,
                scope=ctx.scope,
                password=password,
                programs=chosen,
            )


def _edit_form(ctx: PageContext, names: list[str], programs: list[str]) -> None:
    lang = ctx.lang
    name = st.selectbox(t("auth.users.account", lang), names, key="ue_name")
    user = users.get_user(ctx.cur, name)
    if user is None:
        return
    with st.form("user_edit"):
        role = st.selectbox(t("auth.users.role", lang), ROLES, index=ROLES.index(user.role))  # type: ignore[arg-type]
        options = sorted(set(programs) | set(user.programs))
        chosen = st.multiselect(
            t("auth.users.programs", lang), options, default=list(user.programs)
        )
        disabled = st.checkbox(t("auth.users.disabled", lang), value=user.disabled)
        if st.form_submit_button(t("auth.users.save", lang), type="primary"):
            _run(
                ctx,
                users.update_user,
                ctx.cur,
                name,
                scope=ctx.scope,
                role=role,
                programs=chosen,
                disabled=disabled,
            )


def _password_form(ctx: PageContext, names: list[str]) -> None:
    lang = ctx.lang
    with st.form("user_password", clear_on_submit=True):
        name = st.selectbox(t("auth.users.account", lang), names, key="up_name")
        first = st.text_input(t("auth.password", lang), type="password", key="up_pw1")
        second = st.text_input(t("auth.users.repeat", lang), type="password", key="up_pw2")
        if st.form_submit_button(t("auth.users.save", lang), type="primary"):
            if first != second:
                st.error(t("auth.users.mismatch", lang))
                return
            _run(ctx, users.set_password, ctx.cur, name, first, scope=ctx.scope)


def _remove_form(ctx: PageContext, names: list[str]) -> None:
    lang = ctx.lang
    name = st.selectbox(t("auth.users.account", lang), names, key="ur_name")
    confirm = st.checkbox(t("auth.users.remove_confirm", lang, user=name), key="ur_confirm")
    if st.button(t("auth.users.remove", lang), disabled=not confirm, key="ur_go"):
        _run(ctx, users.remove_user, ctx.cur, name, scope=ctx.scope)


def _run(ctx: PageContext, action, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """Calls the change; shows the refusal, or reruns so the table shows the new state."""
    try:
        action(*args, **kwargs)
    except _REFUSED as exc:
        st.error(str(exc))
        return
    st.toast(t("auth.users.done", ctx.lang))
    st.rerun()


def _programs(ctx: PageContext) -> list[str]:
    rows = ctx.cur.execute("SELECT program_id FROM programs ORDER BY program_id").fetchall()
    return [r[0] for r in rows]

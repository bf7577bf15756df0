"""The sign-in gate the entry file calls before routing: nothing but the sign-in until signed in.

Order: OIDC when `.streamlit/secrets.toml` has an `[auth]` section (Streamlit's st.login);
otherwise a local account's session; otherwise the demo exception (only while the database
holds nothing but demo data, with a banner); otherwise the sign-in form. A session's first
run also triggers the daily retention check (dashboard.retention.run_daily_retention).
The scope is read from the `users` table on every run, so disabling an account or changing
its programs takes effect on the user's next click. Sessions end after inactivity (setting).
"""

from __future__ import annotations

import importlib.util
import sys
import time
from typing import Any

import duckdb
import streamlit as st

from dashboard.access import Scope
from dashboard.auth import (
    authenticate,
    demo_scope,
    oidc_configured,
    providers,
    record_oidc_sign_in,
    record_sign_out,
    scope_for,
    timeout_minutes,
    username_from_claims,
)
from dashboard.auth.session import is_expired
from dashboard.auth.setup import needs_setup
from dashboard.i18n import say, t
from dashboard.retention import run_daily_retention
from dashboard.ui import connection
from dashboard.ui import lang as lang_ui
from dashboard.ui.cache import by_version

SESSION_KEY = "_auth"  # {"user", "method", "last"}: who signed in and when they last acted
NOTICE_KEY = "_auth_notice"
DENIED_KEY = "_auth_denied"
RETENTION_KEY = "_retention_checked"


def require_scope(con: duckdb.DuckDBPyConnection) -> Scope | None:
    """Returns the session's scope, or None after drawing the sign-in (the caller stops)."""
    lang = lang_ui.current_lang(con)
    _daily_retention(con)
    if oidc_configured(_secrets()):
        return _oidc(con, lang)
    scope = _current(con, lang)
    if scope is not None:
        _account_box(con, scope, lang)
        return scope
    demo = by_version(demo_scope, con)
    if demo is not None:
        st.warning(t("auth.demo_mode", lang), icon=":material/visibility:")
        return demo
    _sign_in_form(con, lang)
    return None


def _daily_retention(con: duckdb.DuckDBPyConnection) -> None:
    """Runs the once-a-day retention check when a session starts (cheap when already done)."""
    if st.session_state.get(RETENTION_KEY):
        return
    st.session_state[RETENTION_KEY] = True
    try:
        report = run_daily_retention(con)
    except duckdb.Error as exc:  # never keep anyone from signing in; the CLI can catch up
        print(f"daily retention check failed: {type(exc).__name__}", file=sys.stderr)
        return
    if report is not None and report.total:
        problem = connection.rewrite_after_deletion()  # closes `con`: start the run again
        if problem:
            print(f"daily retention: {problem}", file=sys.stderr)
        st.rerun()


def sign_out(con: duckdb.DuckDBPyConnection, reason: str = "user") -> None:
    """Ends the session (audited); OIDC sessions also drop the identity cookie."""
    state = st.session_state.pop(SESSION_KEY, None)
    if state:
        record_sign_out(con, state["user"], reason)
        if state["method"] == "oidc":
            st.logout()


def _current(con: duckdb.DuckDBPyConnection, lang: str) -> Scope | None:
    """Returns the live session's scope; ends it when idle too long or the account is gone."""
    state = st.session_state.get(SESSION_KEY)
    if not state:
        return None
    minutes = by_version(timeout_minutes, con)
    if is_expired(state["last"], time.time(), minutes):
        sign_out(con, "timeout")
        st.session_state[NOTICE_KEY] = t("auth.timed_out", lang, minutes=minutes)
        return None
    scope = by_version(scope_for, con, state["user"])
    if scope is None:  # removed or disabled since sign-in
        sign_out(con, "account_disabled")
        return None
    state["last"] = time.time()
    return scope


def _sign_in_form(con: duckdb.DuckDBPyConnection, lang: str) -> None:
    if needs_setup(con):  # real data but no account at all: claim it with the setup code
        from dashboard.ui import first_run

        first_run.claim_form(con, lang)
        return
    st.title(t("auth.title", lang))
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.info(notice, icon=":material/schedule:")
    if _no_accounts(con):  # every account disabled: only the shell can enable one
        st.warning(t("auth.no_accounts", lang), icon=":material/key:")
        st.code("python -m dashboard users update NAME --enable", language="bash")
        return
    st.write(t("auth.intro", lang))
    with st.form("sign_in", clear_on_submit=True):
        username = st.text_input(t("auth.username", lang), key="sign_in_user")
        password = st.text_input(t("auth.password", lang), type="password", key="sign_in_password")
        submitted = st.form_submit_button(t("auth.submit", lang), type="primary")
    if submitted:
        result = authenticate(con, username, password)
        if result.scope is None:
            st.error(say(result.message, lang))
            return
        start(result.scope.user, "password")
        st.rerun()


def _oidc(con: duckdb.DuckDBPyConnection, lang: str) -> Scope | None:
    """Identity from the provider, access from our users table; audited once per session."""
    if not st.user.is_logged_in:
        st.session_state.pop(SESSION_KEY, None)
        st.title(t("auth.title", lang))
        st.write(t("auth.intro", lang))
        if importlib.util.find_spec("authlib") is None:  # st.login needs it; say so plainly
            st.error(t("auth.oidc_no_authlib", lang), icon=":material/error:")
            return None
        for name in providers(_secrets()):
            label = t("auth.oidc_button", lang, provider=_provider_label(name))
            st.button(label, key=f"login_{name}", on_click=st.login, args=(name,), type="primary")
        return None
    username = username_from_claims(st.user.to_dict())
    state = st.session_state.get(SESSION_KEY)
    if not state or state["user"] != username:
        if (scope_for(con, username) if username else None) is None:
            if username and needs_setup(con):  # the first admin binds this identity
                from dashboard.ui import first_run

                first_run.claim_form(con, lang, oidc_user=username)
                return None
            if st.session_state.get(DENIED_KEY) != username:  # audit a refusal once a session
                record_oidc_sign_in(con, username, "oidc")
                st.session_state[DENIED_KEY] = username
            st.error(t("auth.oidc_no_account", lang), icon=":material/block:")
            st.button(t("auth.sign_out", lang), on_click=st.logout)
            return None
        signed_in = record_oidc_sign_in(con, username, "oidc")
        if signed_in is None:  # disabled between the two reads
            return None
        start(signed_in.user, "oidc")
    scope = _current(con, lang)
    if scope is None:
        st.info(st.session_state.pop(NOTICE_KEY, "") or t("auth.title", lang))
        return None
    _account_box(con, scope, lang)
    return scope


def start(username: str, method: str) -> None:
    """Starts a signed-in session for `username` (after the form, OIDC or the first-run setup)."""
    st.session_state[SESSION_KEY] = {"user": username, "method": method, "last": time.time()}


def _account_box(con: duckdb.DuckDBPyConnection, scope: Scope, lang: str) -> None:
    with st.sidebar:
        st.text(t("auth.signed_in_as", lang, user=scope.user, role=scope.role))
        if st.button(t("auth.sign_out", lang), key="sign_out", icon=":material/logout:"):
            sign_out(con)
            st.rerun()


def _no_accounts(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT count(*) FROM users WHERE NOT disabled").fetchone()
    return not row or row[0] == 0


def _secrets() -> Any:
    """Returns st.secrets, or {} when the deployment has no secrets file at all."""
    try:
        return st.secrets if "auth" in st.secrets else {}
    except FileNotFoundError:
        return {}
    except Exception:  # noqa: BLE001 - a malformed secrets.toml must not open the app
        st.error("secrets.toml could not be read; local sign-in is used")
        return {}


def _provider_label(name: str) -> str:
    return "single sign-on" if name == "default" else name.capitalize()

"""Which language this session reads, and where the choice is kept.

Order: a choice made in this session (the sidebar switch, or `?lang=de|en|fa` in the URL); the
signed-in account's stored language; the language stored for the selected program
(Settings); the browser's locale. A choice is written back to the URL (so a reload or a
bookmark keeps it, also for anonymous visitors) and to the account (dashboard.views.preferences).
"""

from __future__ import annotations

import duckdb
import streamlit as st

from dashboard import i18n, store_version
from dashboard.access import Scope
from dashboard.ui.cache import by_version
from dashboard.views import preferences

_KEY = "lang"  # set only by an explicit choice: it wins over everything else
_STORED = "_lang_stored"  # the language last written to the account, to write only changes
URL_PARAM = "lang"


def current_lang(con: duckdb.DuckDBPyConnection, user: str | None = None) -> str:
    """Returns this session's language (one of i18n.LANGS), in the order above."""
    if _KEY in st.session_state:
        return str(st.session_state[_KEY])
    account = by_version(preferences.account_language, con, user) if user else None
    if account:
        return account
    stored = by_version(preferences.stored_language, con, st.session_state.get("sel_program"))
    return stored or i18n.lang_from_locale(st.context.locale)


def take_url_choice() -> None:
    """Makes `?lang=xx` (a supported language) this session's choice; keeps it in the URL."""
    asked = st.query_params.get(URL_PARAM)
    if asked and i18n.normalize(asked) == asked.lower():
        set_lang(asked)
    if _KEY in st.session_state and st.query_params.get(URL_PARAM) != st.session_state[_KEY]:
        st.query_params[URL_PARAM] = st.session_state[_KEY]


def remember_for_account(con: duckdb.DuckDBPyConnection, scope: Scope) -> None:
    """Stores this session's explicit choice with the signed-in account (not for visitors)."""
    chosen = st.session_state.get(_KEY)
    if scope.anonymous or not chosen or st.session_state.get(_STORED) == chosen:
        return
    preferences.set_account_language(con, scope.user, chosen)
    store_version.bump()  # the account's language is read once per store version
    st.session_state[_STORED] = chosen


def set_lang(lang: str) -> None:
    """Switches this session to `lang` from the next run on."""
    st.session_state[_KEY] = i18n.normalize(lang)


def language_switch(lang: str) -> None:
    """Draws the sidebar switch between the languages, each named in itself (فارسی)."""
    st.session_state["w_lang"] = lang
    st.sidebar.segmented_control(
        i18n.t("lang.switch", lang),
        options=list(i18n.LANGS),
        format_func=i18n.LANG_NAMES.__getitem__,
        key="w_lang",
        on_change=_switched,
        selection_mode="single",
    )


def _switched() -> None:
    chosen = st.session_state.get("w_lang")
    if chosen:  # clicking the active option deselects it; keep the language then
        set_lang(chosen)
        st.query_params[URL_PARAM] = st.session_state[_KEY]

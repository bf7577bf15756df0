"""Which language this session reads: the switch, else the program's setting, else the browser."""

from __future__ import annotations

import duckdb
import streamlit as st

from dashboard import i18n
from dashboard.ui.cache import by_version
from dashboard.views import preferences

_KEY = "lang"  # set only by the switch: an explicit choice wins over everything else
_LABELS = {"de": "Deutsch", "en": "English"}


def current_lang(con: duckdb.DuckDBPyConnection) -> str:
    """Returns this session's language ('de' or 'en').

    Order: the sidebar switch; the language stored for the selected program (Settings);
    the browser's locale (st.context.locale, i.e. navigator.language).
    """
    if _KEY in st.session_state:
        return str(st.session_state[_KEY])
    stored = by_version(preferences.stored_language, con, st.session_state.get("sel_program"))
    return stored or i18n.lang_from_locale(st.context.locale)


def set_lang(lang: str) -> None:
    """Switches this session to `lang` from the next run on."""
    st.session_state[_KEY] = i18n.normalize(lang)


def language_switch(lang: str) -> None:
    """Draws the sidebar switch between German and English."""
    st.session_state["w_lang"] = lang
    st.sidebar.segmented_control(
        i18n.t("lang.switch", lang),
        options=list(i18n.LANGS),
        format_func=_LABELS.__getitem__,
        key="w_lang",
        on_change=_switched,
        selection_mode="single",
    )


def _switched() -> None:
    chosen = st.session_state.get("w_lang")
    if chosen:  # clicking the active option deselects it; keep the language then
        set_lang(chosen)

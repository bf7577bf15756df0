"""The page shown instead of the app when the store cannot be opened (held, or a key that
does not fit): what is wrong and who can fix it, never Streamlit's redacted exception."""

from __future__ import annotations

import streamlit as st

from dashboard import i18n
from dashboard.db import StoreUnavailable


def draw(exc: StoreUnavailable) -> None:
    """Draws the explanation in the browser's language."""
    lang = i18n.lang_from_locale(st.context.locale)
    st.title(i18n.t("store.app_title", lang))
    st.error(
        exc.message(lang).removeprefix("error: ").removeprefix("Fehler: "), icon=":material/lock:"
    )
    st.caption(i18n.t("store.app_hint", lang))

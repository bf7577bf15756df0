"""Entry point: `streamlit run dashboard/streamlit_app.py`. Page setup, sign-in, routing — no more.

Each page is a thin script in dashboard/app_pages/; they read the session's cursor, scope and
language from dashboard.ui.context, which this file sets before routing.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run` puts this file's folder on sys.path, not the repository; without an
# installed package (pip install -e .) the `dashboard` imports below need the repo root.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402

from dashboard.db import StoreUnavailable  # noqa: E402
from dashboard.i18n import t  # noqa: E402
from dashboard.ui import (  # noqa: E402
    auth_gate,
    cache,
    connection,
    context,
    contrast,
    direction,
    nav,
    store_page,
    widgets,
)  # fmt: skip
from dashboard.ui import lang as lang_ui  # noqa: E402

# A local favicon: Streamlit fetches ":material/…:" page icons from a font host.
st.set_page_config(
    page_title="Peer supervision", page_icon=str(_ROOT / "dashboard" / "static" / "icon.png"),
    layout="wide",
)  # fmt: skip
contrast.apply()
try:
    cur = connection.cursor()
except StoreUnavailable as exc:  # held by another process, or DASHBOARD_DB_KEY does not fit
    store_page.draw(exc)
    st.stop()
lang_ui.take_url_choice()
scope = auth_gate.require_scope(cur)
if scope is None:  # the gate drew the sign-in (or the first-run setup) form
    direction.apply(lang_ui.current_lang(cur))
    st.stop()
lang_ui.remember_for_account(cur, scope)
lang = lang_ui.current_lang(cur, None if scope.anonymous else scope.user)
direction.apply(lang)
context.set_context(
    context.PageContext(cur, scope, lang, cache.version(cur), connection.database_path())
)
nav.reset()
main = nav.build(nav.MAIN, lang, home=True)
data = nav.build(nav.DATA, lang)
if scope.role == "admin" and not scope.anonymous:
    data += nav.build(nav.ADMIN, lang)
groups = {t("nav.group.supervision", lang): main, t("nav.group.data", lang): data}
if scope.anonymous or scope.role == "admin":  # claim the installation / the first steps
    groups[t("nav.group.start", lang)] = nav.build(nav.SETUP, lang)
navigation = st.navigation(groups)
lang_ui.language_switch(lang)
widgets.demo_banner()
navigation.run()

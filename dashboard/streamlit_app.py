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

from dashboard.i18n import t  # noqa: E402
from dashboard.ui import auth_gate, cache, connection, context, widgets  # noqa: E402
from dashboard.ui import lang as lang_ui  # noqa: E402

_PAGES = Path(__file__).parent / "app_pages"
# (file, catalog key of the title, icon, url path); the first one is the home page.
_MAIN = (
    ("attention.py", "nav.attention", ":material/priority_high:", "attention"),
    ("supporter.py", "nav.supporter", ":material/person:", "supporter"),
    ("program.py", "nav.program", ":material/monitoring:", "program"),
    ("network.py", "nav.network", ":material/hub:", "network"),
)
_DATA = (
    ("imports.py", "nav.import", ":material/upload_file:", "import"),
    ("data_dictionary.py", "nav.data_dictionary", ":material/menu_book:", "data-dictionary"),
    ("settings.py", "nav.settings", ":material/tune:", "settings"),
)
# Pages the security engineer owns; shown to admins when the files exist.
_ADMIN = (("admin.py", "nav.admin", ":material/admin_panel_settings:", "admin"),)


def _page(file: str, key: str, icon: str, url: str, lang: str, default: bool = False) -> st.Page:
    return st.Page(_PAGES / file, title=t(key, lang), icon=icon, url_path=url, default=default)


st.set_page_config(page_title="Peer supervision", page_icon=":material/diversity_3:", layout="wide")
cur = connection.cursor()
lang = lang_ui.current_lang(cur)
scope = auth_gate.require_scope(cur)
if scope is None:  # the gate drew the sign-in form
    st.stop()
context.set_context(
    context.PageContext(cur, scope, lang, cache.version(cur), connection.database_path())
)
main = [_page(*spec, lang, default=i == 0) for i, spec in enumerate(_MAIN)]
data = [_page(*spec, lang) for spec in _DATA]
if scope.role == "admin":
    data += [_page(*spec, lang) for spec in _ADMIN if (_PAGES / spec[0]).exists()]
nav = st.navigation({t("nav.group.supervision", lang): main, t("nav.group.data", lang): data})
lang_ui.language_switch(lang)
widgets.demo_banner()
nav.run()

"""The app's pages as objects, built once per run by the entry file and reused for links.

`st.page_link(page_object)` survives renamed files and URL paths, unlike a path string, and
links only to pages the current role has in its navigation (a missing page gives no link).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.i18n import N_, t

PAGES_DIR = Path(__file__).resolve().parent.parent / "app_pages"
_KEY = "_nav_pages"

# url path -> (file, catalog key of the title, icon); the first one is the home page.
MAIN = {
    "attention": ("attention.py", N_("nav.attention"), ":material/priority_high:"),
    "supporter": ("supporter.py", N_("nav.supporter"), ":material/person:"),
    "program": ("program.py", N_("nav.program"), ":material/monitoring:"),
    "network": ("network.py", N_("nav.network"), ":material/hub:"),
}
DATA = {
    "import": ("imports.py", N_("nav.import"), ":material/upload_file:"),
    "programs": ("programs.py", N_("nav.programs"), ":material/folder_shared:"),
    "data-dictionary": ("data_dictionary.py", N_("nav.data_dictionary"), ":material/menu_book:"),
    "settings": ("settings.py", N_("nav.settings"), ":material/tune:"),
}
ADMIN = {"admin": ("admin.py", N_("nav.admin"), ":material/admin_panel_settings:")}
SETUP = {"setup": ("setup.py", N_("nav.setup"), ":material/rocket_launch:")}


def build(specs: dict[str, tuple[str, str, str]], lang: str, *, home: bool = False) -> list:
    """Returns st.Page objects for `specs` (the first is the default page when `home`) and
    remembers them for links."""
    pages = [
        st.Page(
            PAGES_DIR / file, title=t(key, lang), icon=icon, url_path=url, default=home and i == 0
        )
        for i, (url, (file, key, icon)) in enumerate(specs.items())
    ]
    known = st.session_state.setdefault(_KEY, {})
    known.update({p.url_path: p for p in pages})
    return pages


def reset() -> None:
    """Forgets the previous run's pages (the role may have changed since)."""
    st.session_state[_KEY] = {}


def page(url: str) -> st.Page | None:
    """Returns this run's page object at `url`, None when the role's navigation lacks it."""
    return st.session_state.get(_KEY, {}).get(url)


def link(url: str, label: str, icon: str | None = None) -> bool:
    """Draws a link to the page at `url` if this run's navigation has it; returns whether."""
    target = page(url)
    if target is None:
        return False
    st.page_link(target, label=label, icon=icon)
    return True

"""Right-to-left layout for Persian, as far as Streamlit lets a page restyle itself.

Streamlit sets no `dir` on its page, and scripts cannot reach the <html> element, so the
direction comes from one style block: the main area and the sidebar read right to left
(text, headings, lists, alerts, metrics, HTML tables), while charts, data grids, code and date
fields keep left to right so that axes, pseudonyms and 2026-11-20 stay readable. Left-to-right
languages get nothing.
"""

from __future__ import annotations

import streamlit as st

from dashboard import i18n

# kept as one constant so tests (and reviewers) can see exactly what a Persian page gets
RTL_CSS = """<style id="dashboard-rtl">
[data-testid="stMain"], [data-testid="stSidebar"], [data-testid="stDialog"] { direction: rtl; }
[data-testid="stMain"] :is(h1, h2, h3, h4, p, li, label, th, td, caption, summary),
[data-testid="stSidebar"] :is(p, li, label, span) { text-align: right; }
[data-testid="stVegaLiteChart"], [data-testid="stDataFrame"],
[data-testid="stDataFrameResizable"], code, pre { direction: ltr; }
[data-testid="stDateInput"] :is(input, [data-testid="stDateInputField"]) { direction: ltr; }
</style>"""


def apply(lang: str) -> None:
    """Draws the right-to-left style when `lang` is written right to left (Persian)."""
    if i18n.direction(lang) == "rtl":
        st.markdown(RTL_CSS, unsafe_allow_html=True)

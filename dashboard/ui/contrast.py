"""Colours Streamlit's theme cannot set, darkened to a contrast of at least 4.5:1 on white
(WCAG 2.1 AA), found by the axe run in tests/browser/test_accessibility.py:

- captions (st.caption) are body text at 60 % opacity, #828180 on white: 3.9:1;
- syntax colours in code blocks (the Setup page's commands), e.g. #00a4d4: 2.8:1.

Colour never carries meaning alone in this app, so plain dark text loses nothing.
"""

from __future__ import annotations

import streamlit as st

CAPTION = "#55544f"  # 7.4:1 on white
CODE = "#24242e"  # 15:1 on the code block's #fcfcfb

CSS = f"""
[data-testid="stCaptionContainer"] {{opacity:1}}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * {{color:{CAPTION}}}
pre code .token {{color:{CODE} !important}}  /* over the highlighter's own rules */
"""


def apply() -> None:
    """Adds the style sheet to this run's page (style only: it takes no room on the page)."""
    st.html(f"<style>{CSS}</style>")

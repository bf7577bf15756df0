"""Program: health figures from the RULEBOOK, with their trend over the last months."""

import streamlit as st

from dashboard.ui import context

ctx = context.get()
st.title(ctx.t("program.title"))

"""Setup: claim a new installation with the setup code, then the first steps (admins)."""

import streamlit as st

from dashboard.ui import context, first_run

ctx = context.get()
if ctx.scope.anonymous:
    first_run.claim_form(ctx.cur, ctx.lang)
    st.stop()
st.title(ctx.t("setup.first_steps"))
if ctx.scope.role != "admin" or ctx.scope.programs is not None:
    st.info(ctx.t("setup.admins_only"), icon=":material/lock:")
    st.stop()
first_run.guide(ctx)

"""Programs: everyone sees their programs; admins create, rename, archive and delete them."""

import streamlit as st

from dashboard.ui import context, next_step, programs_admin

ctx = context.get()
st.title(ctx.t("programs.title"))
is_admin = ctx.scope.role == "admin" and ctx.scope.programs is None and not ctx.scope.anonymous
intro = ctx.t("programs.intro_admin") if is_admin else ctx.t("programs.intro")
st.caption(intro)
rows = programs_admin.listing(ctx)
if not rows and not is_admin:
    next_step.no_program(ctx)
if is_admin:
    st.subheader(ctx.t("programs.new"))
    programs_admin.create_form(ctx)
    if rows:
        st.subheader(ctx.t("programs.change"))
        programs_admin.manage(ctx, rows)

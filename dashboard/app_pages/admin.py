"""Administration (admins only): accounts, audit log, retention, data-subject requests."""

import streamlit as st

from dashboard.i18n import N_, t
from dashboard.ui import admin_audit, admin_data, admin_users, context

ctx = context.get()
st.title(t("auth.admin.title", ctx.lang))
# The entry file lists this page for admins only; the check here also guards a direct URL.
if ctx.scope.role != "admin" or ctx.scope.programs is not None:
    st.error(t("auth.admin.only", ctx.lang), icon=":material/lock:")
    st.stop()
users_tab, audit_tab, retention_tab, subject_tab = st.tabs(
    [
        t(k, ctx.lang)
        for k in (
            N_("auth.admin.tab_users"),
            N_("auth.admin.tab_audit"),
            N_("auth.admin.tab_retention"),
            N_("auth.admin.tab_subject"),
        )
    ]
)
with users_tab:
    admin_users.draw(ctx)
with audit_tab:
    admin_audit.draw(ctx)
with retention_tab:
    admin_data.draw_retention(ctx)
with subject_tab:
    admin_data.draw_subject(ctx)

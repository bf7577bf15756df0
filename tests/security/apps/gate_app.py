"""A one-page app around the sign-in gate: prints the scope it returns (AppTest harness)."""

import os

import streamlit as st

from dashboard import db
from dashboard.ui.auth_gate import require_scope

con = db.connect(os.environ["GATE_TEST_DB"])
try:
    scope = require_scope(con)
    if scope is None:
        st.stop()
    programs = "all" if scope.programs is None else ",".join(sorted(scope.programs))
    st.text(f"SCOPE {scope.user} {scope.role} {programs}")
finally:
    con.close()

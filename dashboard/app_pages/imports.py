"""Import: upload this month's exports, check every row, import all or only the valid rows."""

import streamlit as st

from dashboard.ui import context, importing, mapping_step
from dashboard.views import imports as view

ctx = context.get()
st.title(ctx.t("import.title"))
st.markdown(ctx.t("import.intro"))
if "import_result" in st.session_state:
    kind, message = st.session_state.pop("import_result")
    (st.success if kind == "ok" else st.warning)(message)

program_id, is_demo = importing.target_program(ctx)
files = st.file_uploader(
    ctx.t("import.files"),
    type=["csv", "tsv", "txt", "xlsx", "ods"],
    accept_multiple_files=True,
    key=f"imp_files_{st.session_state.get('imp_round', 0)}",  # a new key empties it
    help=ctx.t("import.files_help"),
    disabled=not ctx.scope.can_write,
)
if files and program_id and ctx.scope.can_write:
    uploads, report = importing.check(ctx, program_id, files)
    importing.show_report(ctx, report, program_id)
    mapping_step.show(ctx, program_id, uploads, report)
    accept_valid = importing.import_buttons(ctx, report)
    if accept_valid is not None:
        importing.run_import(ctx, program_id, uploads, accept_valid=accept_valid, is_demo=is_demo)
if program_id and view.is_valid_program_id(program_id):
    mapping_step.saved_panel(ctx, program_id)
importing.history(ctx)

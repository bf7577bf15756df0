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
    disabled=not importing.may_check(ctx),
)
if files and program_id and importing.may_check(ctx) and importing.within_batch_limit(ctx, files):
    uploads, report = importing.check(ctx, program_id, files)
    importing.show_report(ctx, report, program_id)
    if ctx.scope.anonymous:  # demo mode: the check only, nothing is stored (mappings neither)
        importing.demo_no_commit(ctx)
    else:
        mapping_step.show(ctx, program_id, uploads, report)
        accept_valid = importing.import_buttons(ctx, report)
        if accept_valid is not None:
            importing.run_import(
                ctx, program_id, uploads, accept_valid=accept_valid, is_demo=is_demo
            )
if program_id and view.is_valid_program_id(program_id) and not ctx.scope.anonymous:
    mapping_step.saved_panel(ctx, program_id)
importing.history(ctx)

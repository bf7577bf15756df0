"""Import: upload this month's exports, check every row, import all or only the valid rows."""

import pandas as pd
import streamlit as st

from dashboard.ingest import (
    Upload,
    errors_csv,
    import_uploads,
    quarantine_csv,
    remove_import,
    validate_uploads,
)
from dashboard.ui import context, widgets
from dashboard.ui.cache import cached, clear
from dashboard.views import common
from dashboard.views import imports as view

ctx = context.get()
st.title(ctx.t("import.title"))
st.markdown(ctx.t("import.intro"))
if "import_result" in st.session_state:
    kind, message = st.session_state.pop("import_result")
    (st.success if kind == "ok" else st.warning)(message)

# ---------------------------------------------------------------- where the upload goes
reachable = [p for p in cached(common.programs) if ctx.scope.allows(p.program_id)]
demo_ids = {p.program_id for p in reachable if p.is_demo}
new_label = ctx.t("import.new_program")
# Real programs first, then a new one (only for users not bound to programs), demo last.
options = [p.program_id for p in reachable if not p.is_demo]
options += [new_label] if ctx.scope.programs is None else []
options += [p.program_id for p in reachable if p.is_demo]
choice = st.selectbox(ctx.t("import.program"), options, key="imp_program") if options else None
program_id = (
    st.text_input(
        ctx.t("import.new_program_id"), key="imp_new_program", help=ctx.t("import.new_program_help")
    )
    if choice == new_label
    else choice
)
if not ctx.scope.can_write:
    st.info(ctx.t("import.read_only"), icon=":material/lock:")
elif program_id and not view.is_valid_program_id(program_id):
    st.error(ctx.t("import.bad_program_id"))

# ---------------------------------------------------------------- check the files
round_ = st.session_state.setdefault("imp_round", 0)  # a new key empties the uploader
files = st.file_uploader(
    ctx.t("import.files"),
    type=["csv", "tsv", "txt"],
    accept_multiple_files=True,
    key=f"imp_files_{round_}",
    help=ctx.t("import.files_help"),
    disabled=not ctx.scope.can_write,
)
ready = bool(files) and ctx.scope.can_write and view.is_valid_program_id(program_id or "")
if ready:
    uploads = [Upload(f.name, f.getvalue()) for f in files]
    signature = (program_id, tuple((f.file_id, f.name, f.size) for f in files))
    if st.session_state.get("imp_checked", (None,))[0] != signature:  # check once per upload
        report = validate_uploads(ctx.cur, program_id, uploads, scope=ctx.scope)
        st.session_state["imp_checked"] = (signature, report)
    report = st.session_state["imp_checked"][1]
    st.subheader(ctx.t("import.check"))
    widgets.table(
        pd.DataFrame(view.file_rows(report, ctx.lang)).rename(
            columns={
                "file": ctx.t("col.file"),
                "export": ctx.t("col.export"),
                "rows_read": ctx.t("col.rows_read"),
                "rows_valid": ctx.t("col.rows_valid"),
                "rows_rejected": ctx.t("col.rows_rejected"),
                "notices": ctx.t("col.notices"),
            }
        )
    )
    errors = view.error_rows(report, ctx.lang)
    if errors:
        st.error(ctx.t("import.errors_found", n=len(errors)), icon=":material/error:")
        widgets.table(
            pd.DataFrame(errors).rename(
                columns={
                    "file": ctx.t("col.file"),
                    "line": ctx.t("col.line"),
                    "column": ctx.t("col.column"),
                    "value": ctx.t("col.cell_value"),
                    "code": ctx.t("col.code"),
                    "reason": ctx.t("col.reason"),
                }
            )
        )
        widgets.download(
            ctx.t("import.download_errors"),
            errors_csv(report, ctx.lang),
            file_name="import_errors.csv",
            mime="text/csv",
            what="import_errors",
            program_id=program_id,
            rows=len(errors),
            key="dl_errors",
        )
    elif not report.unusable:
        st.success(ctx.t("import.all_valid"), icon=":material/check_circle:")
    go_all, go_valid = st.columns(2)
    accept = None
    if go_all.button(
        ctx.t("import.import_all"),
        type="primary",
        key="btn_import",
        disabled=not view.can_import_all(report),
        icon=":material/publish:",
    ):
        accept = False
    if go_valid.button(
        ctx.t("import.import_valid"),
        key="btn_import_valid",
        disabled=not view.can_import_valid(report),
        help=ctx.t("import.valid_help"),
    ):
        accept = True
    if accept is not None:
        done = import_uploads(
            ctx.cur,
            program_id,
            uploads,
            accept_valid=accept,
            imported_by=ctx.scope.user,
            is_demo=program_id in demo_ids,  # re-importing the demo keeps it demo data
            scope=ctx.scope,
        )
        valid = sum(f.rows_valid for f in done.files)
        rejected = sum(f.rows_rejected for f in done.files)
        st.session_state["import_result"] = (
            ("ok", ctx.t("import.done", id=done.import_id, valid=valid, rejected=rejected))
            if done.committed
            else ("warn", ctx.t("import.not_committed", n=len(done.errors)))
        )
        st.session_state["imp_round"] = round_ + 1
        st.session_state["sel_program"] = program_id
        clear()
        st.rerun()

# ---------------------------------------------------------------- history
st.subheader(ctx.t("import.history"))
history = cached(view.history)
if history.empty:
    st.caption(ctx.t("import.no_history"))
    st.stop()
shown = history[[c for c in view.HISTORY_COLUMNS if c in history]]
widgets.table(
    shown.rename(columns={c: ctx.t(f"history.{c}") for c in shown.columns}),
    column_config={
        ctx.t("history.started_at"): st.column_config.DatetimeColumn(format="localized")
    },
)
ids = (
    history.loc[history["status"] != "removed", "import_id"].tolist()
    or history["import_id"].tolist()
)
pick, quarantine, remove = st.columns([2, 2, 2], vertical_alignment="bottom")
chosen = pick.selectbox(ctx.t("import.pick"), ids, key="imp_pick")
row = history[history["import_id"] == chosen].iloc[0]
with quarantine:
    if int(row.get("rows_rejected", 0) or 0) > 0:
        text = quarantine_csv(ctx.cur, int(chosen), scope=ctx.scope)
        widgets.download(
            ctx.t("import.download_quarantine"),
            text,
            file_name=f"quarantine_{chosen}.csv",
            mime="text/csv",
            what="quarantine",
            program_id=str(row["program_id"]),
            rows=int(row["rows_rejected"]),
            key="dl_quarantine",
        )
if remove.button(
    ctx.t("import.remove"),
    key="btn_remove",
    icon=":material/delete:",
    disabled=row["status"] == "removed"
    or not (ctx.scope.can_write and ctx.scope.allows(str(row["program_id"]))),
):
    remove_import(ctx.cur, int(chosen), scope=ctx.scope, actor=ctx.scope.user)
    st.session_state["import_result"] = ("ok", ctx.t("import.removed", id=chosen))
    clear()
    st.rerun()

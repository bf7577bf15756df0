"""The import page's parts: where the upload goes, the check result, the import, the history.

Validation and writing happen in dashboard.ingest; this module only draws and keeps the
dry-run result for the session, so one upload is checked once, not on every click.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard.access import AccessDenied
from dashboard.csv_dialect import write_csv
from dashboard.i18n import N_, say
from dashboard.ingest import (
    ImportReport,
    Upload,
    import_uploads,
    validate_uploads,
)
from dashboard.ingest.limits import upload_limits
from dashboard.ingest.manage import ERROR_COLUMNS, error_rows, quarantine_rows
from dashboard.ui import import_removal, nav, widgets
from dashboard.ui.cache import cached, clear
from dashboard.ui.context import PageContext
from dashboard.views import common
from dashboard.views import imports as view

_FILE_COLUMNS = {
    "file": N_("col.file"),
    "export": N_("col.export"),
    "rows_read": N_("col.rows_read"),
    "rows_valid": N_("col.rows_valid"),
    "rows_rejected": N_("col.rows_rejected"),
    "notices": N_("col.notices"),
}
_HISTORY_COLUMNS = {
    "import_id": N_("history.import_id"),
    "program_id": N_("history.program_id"),
    "started_at": N_("history.started_at"),
    "imported_by": N_("history.imported_by"),
    "status": N_("history.status"),
    "is_demo": N_("history.is_demo"),
    "files": N_("history.files"),
    "rows_valid": N_("history.rows_valid"),
    "rows_rejected": N_("history.rows_rejected"),
}
_STATUSES = {  # imports.status -> label
    "committed": N_("import.status_committed"),
    "partial": N_("import.status_partial"),
    "removed": N_("import.status_removed"),
}
_ERROR_COLUMNS = {
    "file": N_("col.file"),
    "line": N_("col.line"),
    "column": N_("col.column"),
    "value": N_("col.cell_value"),
    "code": N_("col.code"),
    "reason": N_("col.reason"),
}


def _renamed(ctx: PageContext, rows: list[dict[str, Any]], columns: dict[str, str]) -> Any:
    return pd.DataFrame(rows).rename(columns={c: ctx.t(k) for c, k in columns.items()})


def target_program(ctx: PageContext) -> tuple[str | None, bool]:
    """Draws the program choice; returns (program id or None, whether it is a demo program).

    Real programs first, then a new one (only for users not bound to programs), demo last.
    """
    reachable = [
        p for p in cached(common.programs) if ctx.scope.allows(p.program_id) and not p.archived
    ]
    demo_ids = {p.program_id for p in reachable if p.is_demo}
    new_label = ctx.t("import.new_program")
    options = [p.program_id for p in reachable if not p.is_demo]
    options += [new_label] if ctx.scope.programs is None else []
    options += sorted(demo_ids)
    choice = st.selectbox(ctx.t("import.program"), options, key="imp_program") if options else None
    if choice == new_label:
        choice = (
            st.text_input(
                ctx.t("import.new_program_id"),
                key="imp_new_program",
                help=ctx.t("import.new_program_help"),
            )
            or None
        )
    if ctx.scope.anonymous:
        st.info(ctx.t("import.demo_try"), icon=":material/science:")
    elif not ctx.scope.can_write:
        st.info(ctx.t("import.read_only"), icon=":material/lock:")
    elif choice and not view.is_valid_program_id(choice):
        st.error(ctx.t("import.bad_program_id"))
        return None, False
    return choice, choice in demo_ids


def may_check(ctx: PageContext) -> bool:
    """Returns whether the user may upload files to check: writers, and demo visitors (who
    see the full check but cannot import)."""
    return ctx.scope.can_write or ctx.scope.anonymous


def within_batch_limit(ctx: PageContext, files: list[Any]) -> bool:
    """Returns True when the upload holds no more files than allowed; else says the limit."""
    limit = upload_limits(ctx.cur).upload_max_files
    if len(files) <= limit:
        return True
    st.error(ctx.t("import.too_many_files", n=len(files), limit=limit), icon=":material/error:")
    return False


def demo_no_commit(ctx: PageContext) -> None:
    """Says why a demo visitor's checked upload is not imported, and how to set up."""
    st.warning(ctx.t("import.demo_no_commit"), icon=":material/lock:")
    nav.link("setup", ctx.t("empty.go_setup"), ":material/rocket_launch:")


def check(ctx: PageContext, program_id: str, files: list[Any]) -> tuple[list[Upload], Any]:
    """Returns the uploads and their dry-run report, computed once per set of files."""
    uploads = [Upload(f.name, f.getvalue()) for f in files]
    signature = (program_id, tuple((f.file_id, f.name, f.size) for f in files))
    if st.session_state.get("imp_checked", (None,))[0] != signature:
        report = validate_uploads(ctx.cur, program_id, uploads, scope=ctx.scope)
        st.session_state["imp_checked"] = (signature, report)
    return uploads, st.session_state["imp_checked"][1]


def show_report(ctx: PageContext, report: ImportReport, program_id: str) -> None:
    """Draws what each file was recognised as, its counts and notices, and every error."""
    st.subheader(ctx.t("import.check"))
    widgets.table(
        _renamed(ctx, view.file_rows(report, ctx.lang), _FILE_COLUMNS),
        caption=ctx.t("import.check"),
        row_header=ctx.t(_FILE_COLUMNS["file"]),
    )
    for f in report.files:  # identifying columns dropped unread: say so, loudly
        for warning in f.warnings:
            text = say(warning, ctx.lang)
            st.warning(
                f"{widgets.md(f.file)}: {widgets.md(text)}", icon=":material/visibility_off:"
            )
    errors = view.error_rows(report, ctx.lang)
    if not errors:
        if not report.unusable:
            st.success(ctx.t("import.all_valid"), icon=":material/check_circle:")
        return
    valid = view.can_import_valid(report)
    found = N_("import.errors_found") if valid else N_("import.errors_none_valid")
    st.error(ctx.t(found, n=len(errors)), icon=":material/error:")
    widgets.table(
        _renamed(ctx, errors, _ERROR_COLUMNS),
        caption=ctx.t(found, n=len(errors)),
        wide=[ctx.t("col.reason")],
    )
    widgets.download(
        ctx.t("import.download_errors"),
        write_csv(error_rows(report, ctx.lang), _error_headers(ctx), ctx.lang),
        file_name="import_errors.csv",
        mime="text/csv",
        what="import_errors",
        program_id=program_id,
        rows=len(errors),
        key="dl_errors",
    )


def import_buttons(ctx: PageContext, report: ImportReport) -> bool | None:
    """Draws Import / Import valid rows; returns accept_valid for the clicked one, else None."""
    go_all, go_valid = st.columns(2)
    if go_all.button(
        ctx.t("import.import_all"),
        type="primary",
        key="btn_import",
        disabled=not view.can_import_all(report),
        icon=":material/publish:",
    ):
        return False
    if go_valid.button(
        ctx.t("import.import_valid"),
        key="btn_import_valid",
        disabled=not view.can_import_valid(report),
        help=ctx.t("import.valid_help"),
    ):
        return True
    return None


def run_import(
    ctx: PageContext, program_id: str, uploads: list[Upload], *, accept_valid: bool, is_demo: bool
) -> None:
    """Imports, remembers the outcome for the next run, empties the uploader and reruns."""
    try:
        done = import_uploads(
            ctx.cur,
            program_id,
            uploads,
            accept_valid=accept_valid,
            imported_by=ctx.scope.user,
            is_demo=is_demo,
            scope=ctx.scope,
        )
    except (AccessDenied, ValueError) as exc:
        st.error(widgets.md(str(exc)))
        return
    valid = sum(f.rows_valid for f in done.files)
    rejected = sum(f.rows_rejected for f in done.files)
    st.session_state["import_result"] = (
        ("ok", ctx.t("import.done", id=done.import_id, valid=valid, rejected=rejected))
        if done.committed
        else ("warn", ctx.t("import.not_committed", n=len(done.errors)))
    )
    st.session_state["imp_round"] = st.session_state.get("imp_round", 0) + 1
    st.session_state["sel_program"] = program_id
    clear()
    st.rerun()


def history(ctx: PageContext) -> None:
    """Draws the imports with their counts, the quarantine download and the removal."""
    st.subheader(ctx.t("import.history"))
    frame = cached(view.history)
    if frame.empty:
        st.caption(ctx.t("import.no_history"))
        return
    shown = frame[[c for c in view.HISTORY_COLUMNS if c in frame]].assign(
        status=[ctx.t(_STATUSES.get(s, "import.status_committed")) for s in frame["status"]],
        is_demo=[ctx.t("common.yes") if d else ctx.t("common.no") for d in frame["is_demo"]],
    )
    widgets.table(
        shown.rename(columns={c: ctx.t(_HISTORY_COLUMNS[c]) for c in shown.columns}),
        caption=ctx.t("import.history"),
        row_header=ctx.t("history.import_id") if "import_id" in shown else None,
    )
    live = frame.loc[frame["status"] != "removed", "import_id"].tolist()
    pick, quarantine, remove = st.columns(3, vertical_alignment="bottom")
    chosen = pick.selectbox(
        ctx.t("import.pick"), live or frame["import_id"].tolist(), key="imp_pick"
    )
    row = frame[frame["import_id"] == chosen].iloc[0]
    program_id = str(row["program_id"])
    with quarantine:
        if int(row.get("rows_rejected", 0) or 0) > 0:
            widgets.download(
                ctx.t("import.download_quarantine"),
                _quarantine_csv(ctx, int(chosen)),
                file_name=f"quarantine_{chosen}.csv",
                mime="text/csv",
                what="quarantine",
                program_id=program_id,
                rows=int(row["rows_rejected"]),
                key="dl_quarantine",
            )
    allowed = ctx.scope.can_write and ctx.scope.allows(program_id) and row["status"] != "removed"
    import_removal.button(ctx, remove, int(chosen), allowed=allowed)
    import_removal.confirm(ctx, frame)


def _error_headers(ctx: PageContext) -> dict[str, str]:
    ids = ("col.file", "col.line", "col.column", "col.cell_value", "col.code", "col.reason")
    return {key: ctx.t(message_id) for key, message_id in zip(ERROR_COLUMNS, ids, strict=True)}


def _quarantine_csv(ctx: PageContext, import_id: int) -> bytes:
    """The rejected rows in the reader's dialect; the contract columns keep their names, so
    the corrected file imports again."""
    records, columns = quarantine_rows(ctx.cur, import_id, scope=ctx.scope, lang=ctx.lang)
    named = {
        "file": ctx.t("col.file"),
        "line": ctx.t("col.line"),
        "export": ctx.t("col.export"),
        "problems": ctx.t("csv.problems"),
    }
    headers = {c: named.get(c, c) for c in columns}
    return write_csv(records, headers, ctx.lang)

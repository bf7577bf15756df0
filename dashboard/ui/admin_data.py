"""Admin page, retention and data-subject tabs: periods, preview, export or erase a pseudonym."""

from __future__ import annotations

import json

import streamlit as st

from dashboard.access import AccessDenied
from dashboard.auth.session import MAX_TIMEOUT, MIN_TIMEOUT, set_timeout_minutes, timeout_minutes
from dashboard.erasure import erase_subject, export_subject
from dashboard.i18n import t
from dashboard.ingest.limits import UploadLimits, set_limit, upload_limits
from dashboard.retention import MAX_MONTHS, MIN_MONTHS, apply_retention, set_retention_months
from dashboard.ui import connection
from dashboard.ui.context import PageContext

_EXPORT_KEY = "_subject_export"
_DELETED_KEY = "_rows_deleted_{}"  # per tab: (message, rewrite problem) shown after the rerun


def _after_deletion(tab: str, message: str, deleted: int) -> None:
    """Shows `message`; when rows went, rewrites the store first and reruns the page (every
    cursor, this one too, is closed by the rewrite)."""
    if not deleted:
        st.success(message)
        return
    st.session_state[_DELETED_KEY.format(tab)] = (message, connection.rewrite_after_deletion())
    st.rerun()


def _deletion_notice(tab: str, lang: str) -> None:
    """Shows the outcome of the deletion made in `tab` before the last rerun, once."""
    done = st.session_state.pop(_DELETED_KEY.format(tab), None)
    if done:
        message, problem = done
        st.success(message)
        if problem:
            st.error(t("auth.erasure.rewrite_failed", lang, problem=problem))
        else:
            st.info(t("auth.erasure.rewritten", lang))


def draw_retention(ctx: PageContext) -> None:
    """Draws each program's period, a dry-run preview and the apply button."""
    lang = ctx.lang
    _deletion_notice("retention", lang)
    st.caption(t("auth.retention.explain", lang))
    rows = ctx.cur.execute(
        "SELECT program_id, retention_months FROM programs WHERE NOT is_demo ORDER BY 1"
    ).fetchall()
    for program_id, months in rows:
        with st.form(f"retention_{program_id}"):
            st.text(program_id)
            value = st.number_input(
                t("auth.retention.months", lang), MIN_MONTHS, MAX_MONTHS, int(months), step=1
            )
            if st.form_submit_button(t("auth.users.save", lang)) and value != months:
                set_retention_months(ctx.cur, program_id, int(value), scope=ctx.scope)
                st.toast(t("auth.users.done", lang))
    _limits(ctx)
    if st.button(t("auth.retention.preview", lang), key="retention_preview"):
        report = apply_retention(ctx.cur, scope=ctx.scope, apply=False)
        _show_counts(report.counts, lang)
    if st.button(t("auth.retention.apply", lang), key="retention_apply", type="primary"):
        report = apply_retention(ctx.cur, scope=ctx.scope, trigger="admin_page")
        _after_deletion(
            "retention", t("auth.retention.deleted", lang, n=report.total), report.total
        )


def draw_subject(ctx: PageContext) -> None:
    """Draws the export (JSON download) and the confirmed erasure of one pseudonym."""
    lang = ctx.lang
    _deletion_notice("subject", lang)
    st.caption(t("auth.subject.explain", lang))
    programs = [
        r[0] for r in ctx.cur.execute("SELECT program_id FROM programs ORDER BY 1").fetchall()
    ]
    if not programs:
        return
    program = st.selectbox(t("auth.audit.program", lang), programs, key="subject_program")
    pseudonym = st.text_input(t("auth.subject.pseudonym", lang), key="subject_id").strip()
    if not pseudonym:
        return
    if st.button(t("auth.subject.prepare", lang), key="subject_prepare"):
        document = export_subject(ctx.cur, program, pseudonym, scope=ctx.scope)
        st.session_state[_EXPORT_KEY] = (program, pseudonym, document)
    prepared = st.session_state.get(_EXPORT_KEY)
    if prepared and prepared[:2] == (program, pseudonym):
        if prepared[2]["tables"]:
            st.download_button(
                t("auth.subject.download", lang),
                json.dumps(prepared[2], indent=2, default=str, ensure_ascii=False),
                file_name=f"subject_{program}.json",
                mime="application/json",
                key="subject_download",
            )
        else:
            st.info(t("auth.subject.nothing", lang))
    _erase(ctx, program, pseudonym)


def _erase(ctx: PageContext, program: str, pseudonym: str) -> None:
    lang = ctx.lang
    if st.button(t("auth.subject.preview", lang), key="subject_preview"):
        counts = erase_subject(ctx.cur, program, pseudonym, scope=ctx.scope, apply=False)
        _show_counts({program: counts}, lang)
    confirm = st.text_input(t("auth.subject.confirm", lang), key="subject_confirm").strip()
    if st.button(
        t("auth.subject.erase", lang),
        key="subject_erase",
        type="primary",
        disabled=confirm != pseudonym,
    ):
        try:
            counts = erase_subject(ctx.cur, program, pseudonym, scope=ctx.scope)
        except AccessDenied as exc:
            st.error(str(exc))
            return
        st.session_state.pop(_EXPORT_KEY, None)
        deleted = sum(counts.values())
        _after_deletion("subject", t("auth.subject.erased", lang, n=deleted), deleted)


def _limits(ctx: PageContext) -> None:
    """Session timeout and upload limits: global settings, admins only, audited."""
    lang = ctx.lang
    current = upload_limits(ctx.cur)
    with st.expander(t("auth.limits.title", lang), icon=":material/shield:"):
        with st.form("security_limits"):
            minutes = st.number_input(
                t("auth.limits.timeout", lang), MIN_TIMEOUT, MAX_TIMEOUT, timeout_minutes(ctx.cur)
            )
            values = {
                key: st.number_input(
                    key,
                    int(field.metadata[0].ge),
                    int(field.metadata[1].le),
                    getattr(current, key),
                    help=field.description,
                )  # fmt: skip
                for key, field in UploadLimits.model_fields.items()
            }
            if st.form_submit_button(t("auth.users.save", lang)):
                if minutes != timeout_minutes(ctx.cur):
                    set_timeout_minutes(ctx.cur, int(minutes), scope=ctx.scope)
                for key, value in values.items():
                    if value != getattr(current, key):
                        set_limit(ctx.cur, key, int(value), scope=ctx.scope)
                st.toast(t("auth.users.done", lang))


def _show_counts(counts: dict[str, dict[str, int]], lang: str) -> None:
    table = [
        {"program": p, "table": t, "rows": n}
        for p, tables in counts.items()
        for t, n in tables.items()
        if n
    ]
    if table:
        st.dataframe(table, hide_index=True)
    else:
        st.info(t("auth.retention.none", lang))

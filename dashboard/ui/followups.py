"""Recording follow-ups on the Attention page: one signal at a time, or a whole meeting at once.

Both call dashboard.followups.record with the signal row the page already shows (its severity,
value and threshold become the snapshot). Only accounts that may write see either form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import streamlit as st

from dashboard.access import AccessDenied
from dashboard.followups import ACTIONS, NOTE_MAX, STATUSES, FollowupError
from dashboard.followups.model import DEFAULT_ACTION
from dashboard.followups.record import record
from dashboard.i18n import vocab
from dashboard.ui import context
from dashboard.ui.cache import cached
from dashboard.ui.filters import date_format
from dashboard.views import common

_FLASH = "_followup_flash"


def flash() -> None:
    """Shows the confirmation of the last save (kept across the rerun that follows it)."""
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(message, icon=":material/task_alt:")


def record_form(program_id: str, rows: Sequence[dict[str, Any]], as_of: date) -> None:
    """Draws a form recording one follow-up on one of `rows` (the agenda's signals)."""
    ctx = context.get()
    if not ctx.scope.can_write or not rows:
        return
    with st.expander(ctx.t("followup.record"), icon=":material/edit_note:"):
        with st.form("followup_form", clear_on_submit=True):
            index = st.selectbox(
                ctx.t("followup.signal"),
                range(len(rows)),
                format_func=lambda i: _row_label(rows[i]),
                key="fu_signal",
            )
            left, right = st.columns(2)
            action = left.selectbox(
                ctx.t("followup.action"),
                ACTIONS,
                key="fu_action",
                format_func=_labels("followup_action", ctx.lang),
            )
            status = right.selectbox(
                ctx.t("followup.status"), STATUSES, key="fu_status", index=1,
                format_func=_labels("followup_status", ctx.lang),
            )  # fmt: skip
            on = left.date_input(
                ctx.t("followup.on"), value=as_of, key="fu_on", format=date_format(ctx.lang)
            )
            review = right.date_input(
                ctx.t("followup.review"), value=None, key="fu_review", format=date_format(ctx.lang)
            )
            note = st.text_input(
                ctx.t("followup.note"), max_chars=NOTE_MAX, help=ctx.t("followup.note_help"),
                key="fu_note",
            )  # fmt: skip
            if st.form_submit_button(ctx.t("followup.save"), key="fu_save"):
                row = rows[index]
                fields = {"action": action, "status": status, "on": on, "review": review}
                if _save(program_id, row, as_of, fields, note):
                    _done(ctx.t("followup.saved"))


def meeting_form(program_id: str, rows: Sequence[dict[str, Any]], as_of: date) -> None:
    """Draws meeting mode: one row per agenda item with its outcome prefilled; ticked rows are
    saved together with one button."""
    ctx = context.get()
    if not ctx.scope.can_write or not rows:
        return
    st.caption(ctx.t("followup.meeting_help"))
    with st.form("meeting_form"):
        picked = [_meeting_row(ctx, r, as_of) for r in rows]
        if not st.form_submit_button(ctx.t("followup.save_all"), key="mt_save"):
            return
    chosen = [(rows[i], fields, note) for i, (ticked, fields, note) in enumerate(picked) if ticked]
    if not chosen:
        st.warning(ctx.t("followup.none_ticked"))
        return
    saved = sum(_save(program_id, row, as_of, fields, note) for row, fields, note in chosen)
    if saved == len(chosen):
        _done(ctx.t("followup.saved_n", n=saved))


def _meeting_row(
    ctx: context.PageContext, row: dict[str, Any], as_of: date
) -> tuple[bool, dict[str, Any], str]:
    # keyed by signal and subject, not position: a saved row leaves the list on the rerun and
    # its tick must not pass to the row that moves up
    i = f"{row['signal_id']}_{row['subject_id']}"
    planned = row.get("followup") if row.get("state") == "planned" else None
    action = planned["action"] if planned else DEFAULT_ACTION.get(row["action"], "other")
    cols = st.columns([3, 1, 2, 2, 2, 2, 3], vertical_alignment="center")
    cols[0].markdown(f"**{_row_label(row)}**")
    ticked = cols[1].checkbox(ctx.t("followup.discussed"), key=f"mt_{i}_discussed")
    fields = {
        "action": cols[2].selectbox(
            ctx.t("followup.action"),
            ACTIONS,
            index=ACTIONS.index(action),
            format_func=_labels("followup_action", ctx.lang),
            key=f"mt_{i}_action",
            label_visibility="collapsed",
        ),
        "status": cols[3].selectbox(
            ctx.t("followup.status"),
            STATUSES,
            index=STATUSES.index("done"),
            format_func=_labels("followup_status", ctx.lang),
            key=f"mt_{i}_status",
            label_visibility="collapsed",
        ),
        "on": cols[4].date_input(
            ctx.t("followup.on"),
            value=as_of,
            key=f"mt_{i}_on",
            label_visibility="collapsed",
            format=date_format(ctx.lang),
        ),  # fmt: skip
        "review": cols[5].date_input(
            ctx.t("followup.review"),
            value=None,
            key=f"mt_{i}_review",
            label_visibility="collapsed",
            format=date_format(ctx.lang),
        ),
    }
    note = cols[6].text_input(
        ctx.t("followup.note"),
        max_chars=NOTE_MAX,
        key=f"mt_{i}_note",
        label_visibility="collapsed",
        placeholder=ctx.t("followup.note"),
    )
    return ticked, fields, note


def _save(
    program_id: str, row: dict[str, Any], as_of: date, fields: dict[str, Any], note: str
) -> bool:
    ctx = context.get()
    try:
        record(
            ctx.cur, scope=ctx.scope, program_id=program_id, signal_id=row["signal_id"],
            subject_id=row["subject_id"], note=note or None, as_of=as_of, signal=row, **fields,
        )  # fmt: skip
    except FollowupError as exc:
        reason = ctx.t(exc.key, **exc.params)
        st.error(ctx.t("followup.row_error", subject=row["subject_id"],
                       signal=row["signal_id"], reason=reason))  # fmt: skip
        return False
    except AccessDenied:
        st.error(ctx.t("followup.err.denied"))
        return False
    return True


def _done(message: str) -> None:
    st.session_state[_FLASH] = message
    st.rerun()


def _row_label(row: dict[str, Any]) -> str:
    return f"{row['subject_id']} · {row['signal_id']}"


def _labels(kind: str, lang: str) -> Callable[[str], str]:
    # bound to the language, not read from the session: format_func also runs outside a page
    return lambda code: vocab(kind, code, lang)


def settings_form(program_id: str, writable: bool, on_saved: Callable[[str], None]) -> None:
    """Draws the program's follow-up settings (reopen margin, pseudonyms in the digest); a
    change is stored (and audited) only when a value differs."""
    from dashboard import settings

    ctx = context.get()
    helps = {
        k: settings.program_setting_help(k, ctx.lang)
        for k in ("followup_reopen_margin", "digest_pseudonyms")
    }
    # read once per store version, shared: a rerun of the Settings page sends no SQL
    margin_now = cached(common.program_setting, program_id, "followup_reopen_margin")
    named_now = cached(common.program_setting, program_id, "digest_pseudonyms")
    st.subheader(ctx.t("settings.followups"))
    with st.form("followup_settings", border=True):
        margin = st.number_input(
            ctx.t("settings.reopen_margin"), min_value=0.0, max_value=2.0, step=0.05,
            value=float(margin_now), disabled=not writable, key="set_fu_margin",
            help=helps["followup_reopen_margin"],
        )  # fmt: skip
        named = st.checkbox(
            ctx.t("settings.digest_pseudonyms"), value=bool(named_now), disabled=not writable,
            key="set_fu_named", help=helps["digest_pseudonyms"],
        )  # fmt: skip
        if st.form_submit_button(ctx.t("settings.save"), disabled=not writable):
            for key, new, old in (("followup_reopen_margin", margin, margin_now),
                                  ("digest_pseudonyms", named, named_now)):  # fmt: skip
                if new != old:
                    settings.set_program_setting(ctx.cur, program_id, key, new, scope=ctx.scope)
            on_saved(ctx.t("settings.saved"))

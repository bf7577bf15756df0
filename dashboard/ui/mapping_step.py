"""The Import page's mapping step and the program's saved mappings.

When a file's header is not recognised (or its values or dates need a word from the
coordinator), every file column is shown with a suggested contract column, drop or unmapped;
vocabulary values that are not codes get a code; undecidable dates get an order. Confirming
saves the mapping for the program (audited) and checks the files again: the saved mapping now
applies to this header, today and on every later upload.
"""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from dashboard.i18n import N_
from dashboard.ingest import (
    ImportReport,
    Mapping,
    Upload,
    list_mappings,
    remove_mapping,
    save_mapping,
    validate_uploads,
)
from dashboard.ingest.mapping import header_key
from dashboard.ingest.sniff import UnusableFile, sniff
from dashboard.ingest.suggest import (
    DROP,
    UNMAPPED,
    Draft,
    draft,
    list_phrases,
    needs_step,
    refine,
    suggested,
)
from dashboard.ui import widgets
from dashboard.ui.context import PageContext
from schemas import EXPORTS

ORDERS = ("dmy", "mdy", "ymd")
_ORDERS = {
    "dmy": N_("mapping.order_dmy"),
    "mdy": N_("mapping.order_mdy"),
    "ymd": N_("mapping.order_ymd"),
}
# why a column is not offered for mapping ("empty" columns are not listed at all)
_FIXED = {
    "identifying": N_("mapping.fixed_identifying"),
    "metadata": N_("mapping.fixed_metadata"),
    "option": N_("mapping.fixed_option"),
}
HEADER_CODES = ("unknown_column", "missing_column", "unrecognised_file")


def show(ctx: PageContext, program_id: str, uploads: list[Upload], report: ImportReport) -> None:
    """Draws the mapping step for each file a mapping can mend or a saved mapping applied to."""
    saved = {m.header_key: m.mapping for m in list_mappings(ctx.cur, program_id, scope=ctx.scope)}
    for index, (upload, file_report) in enumerate(zip(uploads, report.files, strict=False)):
        header = _header(upload)
        errors = [e for e in report.errors if e.file == file_report.file]
        current = saved.get(header_key(header)) if header else None
        if header and (needs_step(errors) or current is not None):
            export = st.session_state.get(f"map_export_{index}")
            step = draft(header, upload.name, errors, current, export)
            if any(e.code in HEADER_CODES for e in errors):  # see what the mapped file needs
                errors = [*errors, *_probe(ctx, program_id, upload, suggested(step))]
                refine(step, errors)
            lists = {e.column for e in errors if e.code == "bad_list_element"}
            if lists:
                list_phrases(ctx.cur, upload, step, sorted(lists))
            _step(ctx, program_id, index, step, open_=needs_step(errors))


def _probe(ctx: PageContext, program_id: str, upload: Upload, mapping: Mapping) -> list[Any]:
    """Returns the errors of a dry run of `upload` with the suggested mapping (cached)."""
    digest = hashlib.sha256(mapping.to_json().encode()).hexdigest()[:16]
    key = f"imp_probe_{upload.sha256[:16]}_{digest}"
    if key not in st.session_state:
        probe = validate_uploads(ctx.cur, program_id, [upload], scope=ctx.scope, mappings=[mapping])
        st.session_state[key] = probe.errors
    return st.session_state[key]


def _header(upload: Upload) -> list[str]:
    try:
        return sniff(upload.data).header
    except UnusableFile:  # unreadable files have nothing to map
        return []


def _step(ctx: PageContext, program_id: str, index: int, step: Draft, *, open_: bool) -> None:
    with st.expander(ctx.t("mapping.title", file=step.file), expanded=open_):
        st.caption(ctx.t("mapping.intro"))
        exports = list(EXPORTS)
        st.selectbox(
            ctx.t("mapping.export"), exports, index=exports.index(step.export),
            key=f"map_export_{index}",
        )  # fmt: skip
        choices = _columns(ctx, index, step)
        values = _values(ctx, index, step)
        order = _date_order(ctx, index, step)
        unresolved = [h for h, c in choices.items() if c == UNMAPPED]
        if unresolved:
            st.warning(ctx.t("mapping.unresolved", columns=widgets.md(", ".join(unresolved))))
        missing_order = bool(step.date_columns) and order is None
        if st.button(
            ctx.t("mapping.confirm"),
            key=f"map_ok_{index}",
            type="primary",
            disabled=bool(unresolved) or missing_order,
        ):
            mapping = step.mapping(choices, values, order)
            save_mapping(ctx.cur, program_id, step.header, mapping, scope=ctx.scope)
            st.session_state.pop("imp_checked", None)  # check the files again, mapped
            st.session_state["import_result"] = ("ok", ctx.t("mapping.saved_now", file=step.file))
            st.rerun()


def _columns(ctx: PageContext, index: int, step: Draft) -> dict[str, str]:
    options = [UNMAPPED, DROP, *step.targets]
    labels = {UNMAPPED: ctx.t("mapping.unmapped"), DROP: ctx.t("mapping.drop")}
    choices: dict[str, str] = {}
    for n, column in enumerate(step.columns):
        if column.fixed == "empty":
            continue
        if column.fixed:
            why = ctx.t(_FIXED[column.fixed])
            st.markdown(f"`{widgets.md(column.header)}` — {why}")
            continue
        choices[column.header] = st.selectbox(
            column.header,
            options,
            index=options.index(column.choice) if column.choice in options else 0,
            format_func=lambda o: labels.get(o, o),
            key=f"map_{index}_{n}",
        )
    return choices


def _values(ctx: PageContext, index: int, step: Draft) -> dict[str, dict[str, str]]:
    chosen: dict[str, dict[str, str]] = {}
    for column, words in step.values.items():
        st.markdown(ctx.t("mapping.values", column=widgets.md(column)))
        options = ["", *step.codes(column)]
        given = step.chosen_values.get(column, {})
        chosen[column] = {}
        for n, word in enumerate(words):
            default = given.get(word, "")
            chosen[column][word] = st.selectbox(
                word,
                options,
                index=options.index(default) if default in options else 0,
                format_func=lambda o: o or ctx.t("mapping.no_value"),
                key=f"mapv_{index}_{column}_{n}",
            )
    return chosen


def _date_order(ctx: PageContext, index: int, step: Draft) -> Any:
    if not step.date_columns and step.date_order is None:
        return None
    options = [None, *ORDERS]
    columns = ", ".join(step.date_columns) or "–"
    return st.selectbox(
        ctx.t("mapping.date_order", columns=widgets.md(columns)),
        options,
        index=options.index(step.date_order),
        format_func=lambda o: ctx.t(_ORDERS[o] if o else "mapping.no_value"),
        key=f"map_order_{index}",
    )


def saved_panel(ctx: PageContext, program_id: str) -> None:
    """Draws the program's saved mappings: which header, who saved when, download, remove."""
    kept = list_mappings(ctx.cur, program_id, scope=ctx.scope)
    if not kept:
        return
    st.subheader(ctx.t("mapping.saved"))
    for n, item in enumerate(kept):
        text, get, drop = st.columns([5, 2, 2], vertical_alignment="center")
        cells = ", ".join(item.header[:6]) + (" …" if len(item.header) > 6 else "")
        text.markdown(
            ctx.t(
                "mapping.saved_line",
                header=widgets.md(cells),
                user=widgets.md(item.saved_by),
                at=f"{item.saved_at:%Y-%m-%d %H:%M}",
            )  # fmt: skip
        )
        with get:
            widgets.download(
                ctx.t("mapping.download"), _json(item.mapping),
                file_name=f"mapping_{item.header_key[:8]}.json", mime="application/json",
                what="mapping", program_id=program_id, rows=0, key=f"map_dl_{n}",
            )  # fmt: skip
        if drop.button(
            ctx.t("mapping.remove"), key=f"map_rm_{n}", disabled=not ctx.scope.can_write
        ):
            remove_mapping(ctx.cur, program_id, item.header_key, scope=ctx.scope)
            st.session_state.pop("imp_checked", None)
            st.rerun()


def _json(mapping: Mapping) -> str:
    return mapping.to_json()

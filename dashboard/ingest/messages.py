"""Every importer message as a catalog id (domain `ingest`), keyed by error or notice code.

A row error or notice is stored as its code and parameters ({column}, {value}, {detail} and
a few named extras such as {limit}); the text is rendered only where it is shown, in the
language asked (see `error_text`). The errors of a large upload stay in a DuckDB table as
code, column, value and detail, so a million errors never pass through Python: only the
listed ones are fetched and rendered.
"""

from __future__ import annotations

from typing import Any

from dashboard.i18n import N_, Msg, render

# stored in place of a value that looks like a name, e-mail or phone number; shown as REDACTED_ID
REDACTED = "REDACTED"
REDACTED_ID = N_("ingest.redacted")

ERRORS: dict[str, str] = {
    # whole-file problems (exit 2)
    "empty_file": N_("ingest.error.empty_file"),
    "out_of_memory": N_("ingest.error.out_of_memory"),
    "binary": N_("ingest.error.binary"),
    "encoding": N_("ingest.error.encoding"),
    "unknown_column": N_("ingest.error.unknown_column"),
    "missing_column": N_("ingest.error.missing_column"),
    "duplicate_column": N_("ingest.error.duplicate_column"),
    "unnamed_column": N_("ingest.error.unnamed_column"),
    "unrecognised_file": N_("ingest.error.unrecognised_file"),
    "no_header": N_("ingest.error.no_header"),
    "date_order_unknown": N_("ingest.error.date_order_unknown"),
    "ambiguous_file": N_("ingest.error.ambiguous_file"),
    "malformed_csv": N_("ingest.error.malformed_csv"),
    "concurrent_import": N_("ingest.error.concurrent_import"),
    # cell and row problems (exit 1)
    "extra_cells": N_("ingest.error.extra_cells"),
    "required": N_("ingest.error.required"),
    "not_a_date": N_("ingest.error.not_a_date"),
    "not_an_integer": N_("ingest.error.not_an_integer"),
    "not_a_number": N_("ingest.error.not_a_number"),
    "not_a_boolean": N_("ingest.error.not_a_boolean"),
    "out_of_range": N_("ingest.error.out_of_range"),
    "not_in_vocabulary": N_("ingest.error.not_in_vocabulary"),
    "bad_list_element": N_("ingest.error.bad_list_element"),
    "identifier": N_("ingest.error.identifier"),
    "bad_code": N_("ingest.error.bad_code"),
    "bad_key": N_("ingest.error.bad_key"),
    "bad_option": N_("ingest.error.bad_option"),
    "split_mismatch": N_("ingest.error.split_mismatch"),
    "date_order": N_("ingest.error.date_order"),
    "duplicate_key": N_("ingest.error.duplicate_key"),
    "missing_reference": N_("ingest.error.missing_reference"),
    "rejected_reference": N_("ingest.error.rejected_reference"),
}

NOTICES: dict[str, str] = {
    "encoding": N_("ingest.notice.encoding"),
    "delimiter": N_("ingest.notice.delimiter"),
    "tool_columns": N_("ingest.notice.tool_columns"),
    "group_prefixes": N_("ingest.notice.group_prefixes"),
    "hxl": N_("ingest.notice.hxl"),
    "aliases": N_("ingest.notice.aliases"),
    "empty_columns": N_("ingest.notice.empty_columns"),
    "identifying": N_("ingest.notice.identifying"),
    "mapped": N_("ingest.notice.mapped"),
    "saved_mapping": N_("ingest.notice.saved_mapping"),
    "two_digit_years": N_("ingest.notice.two_digit_years"),
    "date_order": N_("ingest.notice.date_order"),
    "split_columns": N_("ingest.notice.split_columns"),
    "no_rows": N_("ingest.notice.no_rows"),
    "errors_omitted": N_("ingest.notice.errors_omitted"),
}


def error_id(code: str) -> str:
    """Returns the message id of error `code` (size refusals and workbook errors included)."""
    from .limits import MESSAGES as LIMITS  # limits imports sniff; keep this module a leaf
    from .workbook_messages import ERRORS as WORKBOOK

    return ERRORS.get(code) or LIMITS.get(code) or WORKBOOK[code]


def notice_msg(code: str, detail: Any = "", column: str = "", **more: Any) -> Msg:
    """Returns notice `code` as a message (rendered where it is shown)."""
    from .workbook_messages import NOTICES as WORKBOOK

    message_id = NOTICES.get(code) or WORKBOOK[code]
    return Msg(message_id, {"detail": _shown(detail), "column": column, **more})


def shown_value(value: str) -> str | Msg:
    """Returns a stored cell value as a parameter: REDACTED reads in the reader's language."""
    return Msg(REDACTED_ID) if value == REDACTED else value


def _shown(detail: Any) -> Any:
    return shown_value(detail) if isinstance(detail, str) else detail


def value_text(value: str, lang: str) -> str:
    """Returns a stored cell value as shown in `lang` (the value itself, untouched)."""
    return render(REDACTED_ID, None, lang) if value == REDACTED else value


def where(detail: Any, at_line: int | None) -> Any:
    """Returns the detail of a duplicate key: 'line 12' or 'other.csv, line 12'."""
    if at_line is None:
        return detail
    if detail:
        return Msg("ingest.where.file_line", {"file": detail, "line": int(at_line)})
    return Msg("ingest.where.line", {"line": int(at_line)})


def error_text(
    code: str, lang: str, column: str = "", value: str = "", detail: Any = "", **more: Any
) -> str:
    """Returns the message of error `code` in `lang`, placeholders filled."""
    params = {"column": column, "value": shown_value(value), "detail": _shown(detail), **more}
    return render(error_id(code), params, lang)

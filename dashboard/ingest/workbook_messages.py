"""The importer's texts about .xlsx / .ods workbooks, as message ids (see messages.py)."""

from __future__ import annotations

from dashboard.i18n import N_

ERRORS: dict[str, str] = {
    "not_a_workbook": N_("workbook.error.not_a_workbook"),
    "damaged_workbook": N_("workbook.error.damaged_workbook"),
    "workbook_too_large": N_("workbook.error.workbook_too_large"),
    "workbook_sparse": N_("workbook.error.workbook_sparse"),
    "workbook_formula": N_("workbook.error.workbook_formula"),
    "workbook_merged": N_("workbook.error.workbook_merged"),
    "no_visible_sheet": N_("workbook.error.no_visible_sheet"),
}

NOTICES: dict[str, str] = {
    "sheet": N_("workbook.notice.sheet"),
}

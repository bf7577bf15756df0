"""The import page takes an Excel workbook like a CSV: checked, listed, then imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app_helpers import db_rows
from test_import_page import PROGRAM, _file_table, _signed_in_import_page, admin_db

from dashboard.xlsx import write_xlsx

__all__ = ["admin_db"]  # the fixture, shared with the CSV tests of the same page
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# joined_on as a date cell, capacity as a number cell: stored as typed.
BOOK = write_xlsx(
    {"supporters": [["supporter_id", "joined_on", "capacity_hours_month"],
                    ["S01", date(2026, 1, 5), 8], ["S02", date(2026, 2, 1), 10.5]]}
)  # fmt: skip


def test_an_xlsx_workbook_is_checked_then_imported(admin_db: Path) -> None:
    at = _signed_in_import_page()
    at.file_uploader[0].set_value([("Unterstützende.xlsx", BOOK, XLSX)]).run()
    assert not at.exception, [e.message for e in at.exception]
    assert _file_table(at) == {
        "File": "Unterstützende.xlsx", "Recognised as": "supporters",
        "Rows read": "2", "Valid": "2", "Rejected": "0",  # as the table shows them
    }  # fmt: skip

    at.button(key="btn_import").click().run()
    assert not at.exception
    stored = db_rows(
        admin_db,
        "SELECT program_id, supporter_id, joined_on, capacity_hours_month FROM supporters "
        "ORDER BY 2",
    )
    assert stored == [
        (PROGRAM, "S01", date(2026, 1, 5), 8.0),
        (PROGRAM, "S02", date(2026, 2, 1), 10.5),
    ]

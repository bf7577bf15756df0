"""An Excel workbook imported in real Chromium, on the same server fixture as test_e2e.py:
the file is recognised (sheet named like an export, not the first), its typed cells pass the
contract, and its rows are stored with the CSVs it references."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_FLAGS, ROOT, import_page
from test_e2e import PASSWORD, USER, server

from dashboard.xlsx import write_xlsx

__all__ = ["server"]  # the fixture
CANONICAL = ROOT / "tests" / "ingest" / "files" / "canonical"
HEADER = ["contact_id", "match_id", "contact_date", "duration_min", "channel", "crisis"]
# As Excel stores them: a date cell, a date-time cell, a whole number saved as 30.0, booleans.
ROWS = [
    ["C01", "M01", date(2025, 3, 2), 60, "phone", False],
    ["C02", "M02", datetime(2025, 3, 6, 18, 30), 30.0, "video", True],
]
pytestmark = pytest.mark.browser


def test_upload_an_xlsx_export_and_import_it(server: str, tmp_path: Path) -> None:
    assert CHROMIUM.exists(), "install Debian's chromium: apt-get install -y chromium"
    book = tmp_path / "Kontakte März.xlsx"
    book.write_bytes(write_xlsx({"Notizen": [["nothing to import"]], "Kontakte": [HEADER, *ROWS]}))
    files = [CANONICAL / "supporters.csv", CANONICAL / "matches.csv", book]
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = import_page(browser, server, USER, PASSWORD, "tabellen")
        page.locator("input[type=file]").set_input_files([str(f) for f in files])

        expect(page.get_by_text("Every row is valid.")).to_be_visible()
        row = page.locator("table.dash-table tr").filter(has_text=book.name)
        expect(row).to_contain_text(f"{book.name}contacts220")  # recognised, read/valid/rejected
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.get_by_text("Rows stored: 6; rejected: 0.")).to_be_visible()  # 2+2 CSV, 2 sheet
        browser.close()

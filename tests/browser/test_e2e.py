"""The whole app in a real browser: sign in, upload the German-Excel demo export, import it,
find a known supporter's signal on the attention page. Saves the README's screenshots
with DASHBOARD_SCREENSHOTS=1 (never on an ordinary run).

Runs `streamlit run` as a subprocess on a free port with a temporary DASHBOARD_DB and drives
Debian's chromium through Playwright. Without /usr/bin/chromium this test FAILS: CI must
install it (`apt-get install -y chromium`), a skip would hide a broken pipeline.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    ROOT,
    free_port,
    import_page,
    shot,
    wait_healthy,
)

from dashboard import db
from dashboard.access import Scope
from dashboard.auth import add_user

EXCEL_DE = ROOT / "sample_data" / "variants" / "excel_de"
USER, PASSWORD = "koordination", "Supervision-im-Team-2026"
PROGRAM = "verein"
# A supporter and signal the demo scenarios promise on 2026-11-20 (sample_data/demo/SCENARIOS.md).
KNOWN_SUPPORTER, KNOWN_SIGNAL = "P03", "S-OVERLOAD"  # high, 190 % of capacity
pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Starts the dashboard on a fresh database with one admin account; yields its URL."""
    path = tmp_path / "e2e.duckdb"
    con = db.connect(path)
    add_user(con, USER, "admin", scope=Scope.local_operator(), password=PASSWORD)
    con.close()
    port = free_port()
    env = {**os.environ, db.DB_ENV: str(path), "PYTHONPATH": str(ROOT)}
    env.pop(db.KEY_ENV, None)
    log = (tmp_path / "streamlit.log").open("w")  # a pipe nobody reads would block the server
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard/streamlit_app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _set_as_of(page, year: str, month: str, day: str) -> None:  # noqa: ANN001
    """Types a date into the sidebar's as-of field (one spin button per part)."""
    for part, value in (("year", year), ("month", month), ("day", day)):
        page.get_by_role("spinbutton", name=f"{part}, As of").click()
        page.keyboard.type(value)
    page.get_by_role("heading", level=1).first.click()  # leaving the field commits it


def _table_rows(page) -> list[str]:  # noqa: ANN001
    """Returns the text of every row of the page's tables (real HTML tables)."""
    return page.locator("table.dash-table tr").all_text_contents()


def test_upload_german_excel_export_and_find_the_signal(server: str) -> None:
    assert CHROMIUM.exists(), "install Debian's chromium: apt-get install -y chromium"
    files = sorted(EXCEL_DE.glob("*.csv"))
    assert len(files) == 9, f"German-Excel demo export missing in {EXCEL_DE}"
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # a rerun over the whole demo takes a few seconds
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        context = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 1800})
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(server)
        page.get_by_label("Username").fill(USER)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("link", name="Import").click()  # sign-in reruns on the home page

        expect(page.get_by_role("heading", name="Import exports")).to_be_visible()
        program_code = page.get_by_role("textbox", name="Code of the new program")
        program_code.fill(PROGRAM)
        program_code.press("Enter")
        page.locator("input[type=file]").set_input_files([str(f) for f in files])
        expect(page.get_by_text("Every row is valid.")).to_be_visible()
        supporters_row = page.locator("table.dash-table tr").filter(
            has_text="supporters.csvsupporters"
        )  # file, then what it was recognised as
        expect(supporters_row).to_contain_text("supporters.csvsupporters25250")  # read/valid/rej.
        shot(page, "import.png")
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.get_by_text("; rejected: 0.")).to_be_visible()

        page.get_by_role("link", name="Attention").click()
        expect(page.get_by_role("heading", name="Who needs attention")).to_be_visible()
        _set_as_of(page, "2026", "11", "20")
        expect(page.get_by_text(f"Program {PROGRAM}, as of 20 Nov 2026")).to_be_visible()
        # no follow-ups yet: new since 28 days before as-of, then worse and open
        expect(page.get_by_role("heading", name="New since 23 Oct 2026 (20)")).to_be_visible()
        known = (
            page.locator("table.dash-table tr")
            .filter(has_text=KNOWN_SUPPORTER)
            .filter(has_text=KNOWN_SIGNAL)
        )
        expect(known).to_have_count(1)
        expect(known).to_contain_text("High")  # retried until the rerun has drawn the table
        expect(known).to_contain_text("15.17 h of contacts in the last 28 days")
        expect(known).to_contain_text("190%")
        shot(page, "attention.png")

        for link, heading, name in (
            ("Supporter", "Supporter", "supporter.png"),
            ("Program", "Program health", "program.png"),
            ("Network", "Network of professional services", "network.png"),
        ):
            page.get_by_role("link", name=link, exact=True).click()
            expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
            page.wait_for_timeout(1500)  # let the charts draw before the screenshot
            shot(page, name)
        gap = page.locator("table.dash-table tr").filter(has_text="Asylum legal advice · ")
        expect(gap).to_contain_text("N-GAP")

        page.get_by_role("radio", name="Deutsch").click()
        page.get_by_role("link", name="Handlungsbedarf").click()
        expect(page.get_by_role("heading", name="Wer braucht Aufmerksamkeit")).to_be_visible()
        expect(page.get_by_text("Stichtag 20.11.2026")).to_be_visible()
        shot(page, "attention_de.png")
        browser.close()


KOBO = ROOT / "tests" / "ingest" / "files" / "kobotoolbox"


def test_upload_kobo_export_with_start_and_end_columns(server: str) -> None:
    """A KoboToolbox default export (start/end/today, username/deviceid, split select-many)
    imports as it is: metadata dropped, identifying columns named in a warning, never shown."""
    from playwright.sync_api import expect, sync_playwright

    files = [KOBO / name for name in ("supporters.csv", "matches.csv", "contacts.csv")]
    expect.set_options(timeout=30_000)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = import_page(browser, server, USER, PASSWORD, "kobo-program")
        page.locator("input[type=file]").set_input_files([str(f) for f in files])
        expect(page.get_by_text("Every row is valid.")).to_be_visible()
        matches_row = page.locator("table.dash-table tr").filter(has_text="matches.csvmatches")
        expect(matches_row).to_contain_text("start, end")  # dropped as metadata, not an alias
        expect(page.get_by_text("username, deviceid").first).to_be_visible()
        expect(page.get_by_text("kim.meier")).to_have_count(0)
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.get_by_text("Rows stored: 5; rejected: 0.")).to_be_visible()
        browser.close()

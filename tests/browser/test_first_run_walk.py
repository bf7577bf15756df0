"""The whole first run in a real browser, as a new user would do it: fresh start → demo →
setup with the code the server printed → new program → import the German-Excel exports →
the Attention page shows the program → remove the demo. A second walk records every
network request: none may leave localhost.

With DASHBOARD_SCREENSHOTS=1 the steps are saved to docs/screenshots/first_run_*.png for the
README ("Your first program in five minutes").
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_FLAGS, ROOT, dashboard_server, shot

EXCEL_DE = ROOT / "sample_data" / "variants" / "excel_de"
ADMIN, PASSWORD = "leitung", "Supervision-im-Team-2026"
PROGRAM, PROGRAM_NAME = "verein", "Verein Berlin"
KNOWN_SUPPORTER, KNOWN_SIGNAL = "P03", "S-OVERLOAD"  # SCENARIOS.md: 190 % of capacity
CODE = re.compile(r"first admin account: ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})")
pytestmark = pytest.mark.browser


def _printed_code(console: Path, timeout: float = 60) -> str:
    """Returns the setup code from the server's console, as its operator would read it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = CODE.findall(console.read_text(encoding="utf-8", errors="replace"))
        if found:
            return found[-1]
        time.sleep(0.3)
    raise AssertionError("the server printed no setup code")


def _browser(pw):  # noqa: ANN001, ANN202
    assert CHROMIUM.exists(), "install Debian's chromium: apt-get install -y chromium"
    return pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)


def _set_as_of(page, year: str, month: str, day: str) -> None:  # noqa: ANN001
    for part, value in (("year", year), ("month", month), ("day", day)):
        page.get_by_role("spinbutton", name=f"{part}, As of").click()
        page.keyboard.type(value)
    page.get_by_role("heading", level=1).first.click()  # leaving the field commits it


def test_first_run_from_demo_to_own_program(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    files = sorted(EXCEL_DE.glob("*.csv"))
    assert len(files) == 9
    expect.set_options(timeout=60_000)
    console = tmp_path / "console.log"
    with dashboard_server(tmp_path / "fresh.duckdb", console) as url, sync_playwright() as pw:
        browser = _browser(pw)
        page = browser.new_context(
            locale="en-GB", viewport={"width": 1400, "height": 1000}
        ).new_page()
        page.set_default_timeout(90_000)
        page.goto(url)
        expect(page.get_by_text("Demo mode, no sign-in")).to_be_visible()
        expect(page.get_by_text("Supporters with signals")).to_be_visible()
        page.wait_for_timeout(1500)  # let the agenda draw before the screenshot
        shot(page, "first_run_1_demo.png")

        page.get_by_role("link", name="Set up the dashboard for your own program").first.click()
        expect(page.get_by_role("heading", name="Set up the dashboard")).to_be_visible()
        page.get_by_role("textbox", name="Setup code").fill(_printed_code(console))
        page.get_by_label("Administrator username").fill(ADMIN)
        page.get_by_label("Password (12 characters or more)").fill(PASSWORD)
        page.get_by_label("Repeat the password").fill(PASSWORD)
        shot(page, "first_run_2_setup.png")
        page.get_by_role("button", name="Create administrator account").click()
        expect(page.get_by_text("Your administrator account is ready")).to_be_visible()

        page.get_by_role("textbox", name="Program id (letters, digits, - and _)").fill(PROGRAM)
        page.get_by_role("textbox", name="Display name").fill(PROGRAM_NAME)
        shot(page, "first_run_3_program.png")
        page.get_by_role("button", name="Create program").click()
        expect(page.get_by_text("✔ 2. Create your program")).to_be_visible()

        page.get_by_role("link", name="Go to Import").click()
        expect(page.get_by_role("heading", name="Import exports")).to_be_visible()
        page.locator("input[type=file]").set_input_files([str(f) for f in files])
        expect(page.get_by_text("Every row is valid.")).to_be_visible()
        shot(page, "first_run_4_import.png")
        page.get_by_role("button", name="Import", exact=True).click()
        stored = page.get_by_text("; rejected: 0.")
        expect(stored).to_be_visible(timeout=180_000)  # two busy cores: the import takes time

        page.get_by_role("link", name="Attention").click()
        expect(page.get_by_role("heading", name="Who needs attention")).to_be_visible()
        _set_as_of(page, "2026", "11", "20")
        expect(page.get_by_text(f"Program {PROGRAM}, as of 20 Nov 2026")).to_be_visible()
        known = (
            page.locator("table.dash-table tr")
            .filter(has_text=KNOWN_SUPPORTER)
            .filter(has_text=KNOWN_SIGNAL)
        )
        expect(known).to_contain_text("190%")
        page.wait_for_timeout(1500)
        shot(page, "first_run_5_attention.png")

        page.get_by_role("button", name="Remove demo data").click()
        expect(page.get_by_text("✔ 5. Remove the demo data")).to_be_visible()
        expect(page.get_by_text("Demo data", exact=True)).to_have_count(0)
        shot(page, "first_run_6_done.png")
        browser.close()


def _local(address: str) -> bool:
    parsed = urlparse(address)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in (
        "127.0.0.1",
        "localhost",
    )


def test_no_request_leaves_localhost(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=60_000)
    requested: list[str] = []
    with (
        dashboard_server(tmp_path / "fresh.duckdb", tmp_path / "console.log") as url,
        sync_playwright() as pw,
    ):
        browser = _browser(pw)
        page = browser.new_context(
            locale="de-DE", viewport={"width": 1400, "height": 1400}
        ).new_page()
        page.on("request", lambda request: requested.append(request.url))
        page.set_default_timeout(90_000)
        page.goto(url)
        expect(page.get_by_text("Demo-Modus ohne Anmeldung")).to_be_visible()
        for name in ("Unterstützende Person", "Programm", "Netzwerk", "Import", "Datenlexikon",
                     "Einstellungen", "Programme", "Einrichtung"):  # fmt: skip
            page.get_by_role("link", name=name, exact=True).click()
            page.wait_for_load_state("networkidle")
        page.reload()
        page.wait_for_load_state("networkidle")
        browser.close()
    assert len(requested) > 20, "the walk must have loaded the app's scripts, fonts and icons"
    assert [u for u in requested if not _local(u)] == []

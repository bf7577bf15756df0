"""The whole app in a real browser: sign in, upload the German-Excel demo export, import it,
find a known supporter's signal on the attention page. Saves the README's screenshots.

Runs `streamlit run` as a subprocess on a free port with a temporary DASHBOARD_DB and drives
Debian's chromium through Playwright. Without /usr/bin/chromium this test FAILS: CI must
install it (`apt-get install -y chromium`), a skip would hide a broken pipeline.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.auth import add_user

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EXCEL_DE = ROOT / "sample_data" / "variants" / "excel_de"
SHOTS = ROOT / "docs" / "screenshots"
USER, PASSWORD = "koordination", "Supervision-im-Team-2026"
PROGRAM = "verein"
AS_OF = "2026/11/20"  # the demo's as-of date, typed the way the English date input shows it
# A supporter and signal the demo scenarios promise on 2026-11-20 (sample_data/demo/SCENARIOS.md).
KNOWN_SUPPORTER, KNOWN_SIGNAL = "SUP-07", "S-OVERLOAD"
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not become healthy")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Starts the dashboard on a fresh database with one admin account; yields its URL."""
    path = tmp_path / "e2e.duckdb"
    con = db.connect(path)
    add_user(con, USER, "admin", scope=Scope.local_operator(), password=PASSWORD)
    con.close()
    port = _free_port()
    env = {**os.environ, db.DB_ENV: str(path), "PYTHONPATH": str(ROOT)}
    env.pop(db.KEY_ENV, None)
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
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_upload_german_excel_export_and_find_the_signal(server: str) -> None:
    assert CHROMIUM.exists(), "install Debian's chromium: apt-get install -y chromium"
    files = sorted(EXCEL_DE.glob("*.csv"))
    assert files, f"no German-Excel demo files in {EXCEL_DE}"
    from playwright.sync_api import expect, sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_context(
            locale="en-GB", viewport={"width": 1400, "height": 1000}
        ).new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{server}/import")
        page.get_by_label("Username").fill(USER)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

        expect(page.get_by_role("heading", name="Import exports")).to_be_visible()
        page.get_by_label("Code of the new program").fill(PROGRAM)
        page.get_by_label("Code of the new program").press("Enter")
        page.locator("input[type=file]").set_input_files([str(f) for f in files])
        expect(page.get_by_text("Every row is valid.")).to_be_visible()
        page.screenshot(path=str(SHOTS / "import.png"), full_page=True)
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.get_by_text("committed: ")).to_be_visible()

        page.get_by_role("link", name="Attention").click()
        expect(page.get_by_role("heading", name="Who needs attention")).to_be_visible()
        as_of = page.get_by_label("As of")
        as_of.fill(AS_OF)
        as_of.press("Enter")
        expect(page.get_by_text(f"Program {PROGRAM}, as of 20 Nov 2026")).to_be_visible()
        table = page.get_by_role("grid").first
        expect(table).to_be_visible()
        page.screenshot(path=str(SHOTS / "attention.png"), full_page=True)
        grids_text = " ".join(page.locator("[data-testid=stDataFrame]").all_inner_texts())
        assert KNOWN_SUPPORTER in grids_text and KNOWN_SIGNAL in grids_text
        browser.close()

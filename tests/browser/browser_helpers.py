"""What the browser tests share: a `streamlit run` server on a free port with its console in a
file, Debian's chromium, and screenshots written only when asked for.

Screenshots for the README are regenerated on purpose (DASHBOARD_SCREENSHOTS=1), never as a
side effect of an ordinary test run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dashboard import db

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
SHOTS = ROOT / "docs" / "screenshots"
SHOTS_ENV = "DASHBOARD_SCREENSHOTS"


def free_port() -> int:
    """Returns a port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
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


@contextmanager
def dashboard_server(database: Path, console: Path) -> Iterator[str]:
    """Runs the app on `database` at 127.0.0.1 (console output in `console`); yields its URL."""
    port = free_port()
    scratch = database.parent / "server-tmp"  # its own temp folder: no other run sweeps it
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, db.DB_ENV: str(database), "PYTHONPATH": str(ROOT), "TMPDIR": str(scratch)}
    env.pop(db.KEY_ENV, None)
    log = console.open("w")  # a file, not a pipe: a pipe nobody reads would block the server
    proc = subprocess.Popen(
        [sys.executable, "-u", "-m", "streamlit", "run", "dashboard/streamlit_app.py",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
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


def shot(page, name: str) -> None:  # noqa: ANN001
    """Saves a full-page screenshot docs/screenshots/<name> when $DASHBOARD_SCREENSHOTS=1."""
    if os.environ.get(SHOTS_ENV) == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / name), full_page=True)


def import_page(browser, server: str, user: str, password: str, program: str):  # noqa: ANN001, ANN201
    """Signs `user` in on a fresh English page, opens Import and starts a new `program`;
    returns the page, ready for files to be chosen."""
    page = browser.new_context(locale="en-GB").new_page()
    page.set_default_timeout(60_000)
    page.goto(server)
    page.get_by_label("Username").fill(user)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Import").click()
    program_code = page.get_by_role("textbox", name="Code of the new program")
    program_code.fill(program)
    program_code.press("Enter")
    return page

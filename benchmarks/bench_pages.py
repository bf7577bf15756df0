"""Render time of every page with AppTest on a generated program, first and warm.

    python benchmarks/bench_pages.py [--supporters 500] [--contacts-per-supporter 500]
                                     [--warm-runs 3] [--seed 7]

Generates a synthetic program (500 supporters × 500 contacts = 250k contacts by default) with
dashboard.sample.generate, imports it through the importer, signs in an admin and renders each
page through the real entry file:
- first: the page's first run after the shared page cache was cleared (every query runs);
- warm: the median of the following runs (cached data, what a coordinator sees on each click).
The baseline, measured in the same run, is a one-line AppTest script (`st.title`): the ratio
page/baseline shows what the page itself costs on top of Streamlit's own script run.
Target: every page < 1 s warm.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard import db, settings  # noqa: E402
from dashboard.access import Scope  # noqa: E402
from dashboard.auth import add_user  # noqa: E402
from dashboard.ingest import import_paths  # noqa: E402
from dashboard.sample import generate  # noqa: E402
from dashboard.sample.builder import AS_OF  # noqa: E402
from dashboard.ui import auth_gate, cache, connection  # noqa: E402

ENTRY = ROOT / "dashboard" / "streamlit_app.py"
PAGES = ("attention", "supporter", "program", "network", "imports", "data_dictionary", "settings")
PROGRAM, USER = "bench", "bench-admin"
TARGET_WARM_S = 1.0
TIMEOUT = 300


def build(folder: Path, supporters: int, per_supporter: int, seed: int) -> Path:
    """Returns a database holding one generated program and an admin account."""
    started = time.perf_counter()
    generate(folder / "csv", supporters, seed, contacts_per_supporter=per_supporter)
    path = folder / "bench.duckdb"
    con = db.connect(path)
    operator = Scope.local_operator()
    report = import_paths(con, PROGRAM, [folder / "csv"], scope=operator)
    if not report.committed:
        raise SystemExit(f"generated data did not import: {report.errors[:3]}")
    settings.set_program_setting(
        con, PROGRAM, "as_of_default", AS_OF, scope=operator, actor="bench"
    )
    add_user(con, USER, "admin", scope=operator, password="Bench-Passphrase-2026")
    contacts = con.execute("SELECT count(*) FROM contacts").fetchone()[0]
    con.close()
    print(
        f"data: {supporters} supporters, {contacts} contacts "
        f"(generated + imported in {time.perf_counter() - started:.1f} s)"
    )
    return path


def _timed(at: AppTest) -> float:
    started = time.perf_counter()
    at.run(timeout=TIMEOUT)
    elapsed = time.perf_counter() - started
    if at.exception:
        raise SystemExit(f"page failed: {[e.message for e in at.exception]}")
    return elapsed


def measure_page(page: str, warm_runs: int) -> tuple[float, float]:
    """Returns (first, median warm) seconds of one page."""
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.session_state[auth_gate.SESSION_KEY] = {
        "user": USER,
        "method": "password",
        "last": time.time(),
    }
    at.run(timeout=TIMEOUT)  # entry + home page; then start the measured page cold
    cache.clear()
    if page != "attention":
        at.switch_page(f"app_pages/{page}.py")
    first = _timed(at)
    warm = statistics.median(_timed(at) for _ in range(warm_runs))
    return first, warm


def measure_baseline(warm_runs: int) -> tuple[float, float]:
    """Returns (first, median warm) seconds of a one-line Streamlit script."""
    at = AppTest.from_string("import streamlit as st\nst.title('baseline')", default_timeout=60)
    first = _timed(at)
    return first, statistics.median(_timed(at) for _ in range(warm_runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--supporters", type=int, default=500)
    parser.add_argument("--contacts-per-supporter", type=int, default=500)
    parser.add_argument("--warm-runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        os.environ[db.DB_ENV] = str(
            build(Path(tmp), args.supporters, args.contacts_per_supporter, args.seed)
        )
        base_first, base_warm = measure_baseline(args.warm_runs)
        print(f"\n{'page':<16}{'first s':>9}{'warm s':>9}{'warm/baseline':>15}  < 1 s warm")
        print(f"{'(baseline)':<16}{base_first:>9.3f}{base_warm:>9.3f}{1:>15.1f}")
        slow = []
        for page in PAGES:
            first, warm = measure_page(page, args.warm_runs)
            ok = warm < TARGET_WARM_S
            slow += [] if ok else [page]
            print(
                f"{page:<16}{first:>9.3f}{warm:>9.3f}{warm / base_warm:>15.1f}  "
                f"{'yes' if ok else 'NO'}"
            )
        connection.release_all()
    print("\nall pages under 1 s warm" if not slow else f"\nslow pages: {', '.join(slow)}")
    return 0 if not slow else 1


if __name__ == "__main__":
    raise SystemExit(main())

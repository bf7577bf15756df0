"""Page switch times with N signed-in browser sessions against one app process.

    python benchmarks/bench_load.py [--sessions 1 5 10 20] [--rounds 3]
                                    [--supporters 500] [--contacts-per-supporter 500]
                                    [--profile 10] [--baseline-root /tmp/base]
                                    [--server-arg=--runner.postScriptGC=true ...]

Starts `streamlit run dashboard/streamlit_app.py` (the repository's .streamlit/config.toml
applies) on 127.0.0.1 on a generated program (500 supporters × 500 contacts ≈ 250k contacts,
built once by benchmarks/bench_pages.build and cached in $TMPDIR/bench_load/), then drives
Debian's Chromium through Playwright: N contexts in one browser, each signed in with a local
account, each clicking through the seven pages `--rounds` times at once.

A page switch is timed from the click on the page's link to the moment its heading is on
screen and the app reports the script run finished (`stApp[data-test-script-state=notRunning]`).
"cold" is the first session's sign-in to a drawn home page on a freshly started server.
Printed per N: median and p95 per page and over all pages, the server's CPU seconds and peak
RSS (read from /proc) and the load average of the machine when the phase started: on a shared
machine the figures mean little without it. `--profile N` records the server with py-spy
during the N-session phase and prints where its CPU went (benchmarks/profile_split.py).
Every wait is bounded (`--click-timeout`, `--phase-budget`): a phase that runs out says so.
With `--baseline-root`, each phase runs first on that checkout, then on this one, each on a
freshly started server and a fresh copy of the store, and the ratios this/baseline are printed:
on a shared machine, back-to-back runs are the only fair comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from bench_pages import USER, build  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402
from server_proc import AppServer  # noqa: E402

PASSWORD = "Bench-Passphrase-2026"  # bench_pages.build creates USER with it
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
# (link in the sidebar, the page's h1); one round visits all seven, ending at home.
PAGES = (
    ("Supporter", "Supporter"),
    ("Program", "Program health"),
    ("Network", "Network of professional services"),
    ("Import", "Import exports"),
    ("Data dictionary", "Data dictionary"),
    ("Settings", "Settings"),
    ("Attention", "Who needs attention"),
)
DONE = "[data-testid=stApp][data-test-script-state=notRunning]"


def store(args: argparse.Namespace) -> Path:
    """Returns a fresh copy of the generated store (built once per size and seed)."""
    cache = Path(tempfile.gettempdir()) / "bench_load"
    name = f"s{args.supporters}_c{args.contacts_per_supporter}_seed{args.seed}"
    built = cache / name / "bench.duckdb"
    if not built.exists():
        shutil.rmtree(cache / name, ignore_errors=True)
        (cache / name).mkdir(parents=True)
        build(cache / name, args.supporters, args.contacts_per_supporter, args.seed)
    work = cache / "run.duckdb"
    for stale in (work, work.with_suffix(".duckdb.wal")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(built, work)
    return work


async def sign_in(browser, url: str, timeout_ms: float):  # noqa: ANN001, ANN201
    """Returns (page, seconds from opening the URL to a drawn home page)."""
    context = await browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    started = time.perf_counter()
    await page.goto(url)
    await page.get_by_label("Username").fill(USER)
    await page.get_by_label("Password", exact=True).fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await _drawn(page, "Who needs attention")
    return page, time.perf_counter() - started


async def _drawn(page, heading: str) -> None:  # noqa: ANN001
    await page.get_by_role("heading", name=heading, exact=True, level=1).wait_for()
    await page.locator(DONE).wait_for()


async def click_through(page, rounds: int, deadline: float) -> list[tuple[str, float]]:  # noqa: ANN001
    """Returns (page, seconds) for each switch until `rounds` rounds are done or time is up."""
    times = []
    for round_no in range(rounds):
        for link, heading in PAGES:
            if time.monotonic() > deadline:
                return times
            started = time.perf_counter()
            await page.get_by_role("link", name=link, exact=True).click()
            await _drawn(page, heading)
            # the first round's name is marked: its switches may compute what later ones reuse
            times.append((link if round_no else f"{link}*", time.perf_counter() - started))
    return times


def p95(values: list[float]) -> float:
    """Returns the 95th percentile (nearest rank) of `values`."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def report(label: str, n: int, times: list[tuple[str, float]], usage: dict, load: float) -> dict:
    """Prints one phase: per page and overall median/p95, server CPU and RSS, load average;
    returns the overall figures."""
    print(f"\n## {label}, {n} session(s): {len(times)} switches, load average {load:.1f}")
    print(f"{'page':<18}{'median s':>9}{'p95 s':>8}{'max s':>8}{'n':>5}")
    for link, _ in PAGES:
        mine = [s for p, s in times if p.rstrip("*") == link]
        if mine:
            row = (statistics.median(mine), p95(mine), max(mine), len(mine))
            print(f"{link:<18}{row[0]:>9.2f}{row[1]:>8.2f}{row[2]:>8.2f}{row[3]:>5}")
    every = [s for _, s in times] or [float("nan")]
    summary = {
        "median": statistics.median(every),
        "p95": p95(every),
        "cpu_per_switch": usage["cpu_s"] / max(len(times), 1),
    }
    print(f"{'ALL':<18}{summary['median']:>9.2f}{summary['p95']:>8.2f}{max(every):>8.2f}")
    warm = [s for p, s in times if not p.endswith("*")]
    if warm:
        print(f"{'ALL after round 1':<18}{statistics.median(warm):>9.2f}{p95(warm):>8.2f}")
    print(
        f"server: {usage['cpu_s']:.1f} CPU s in {usage['wall_s']:.1f} s wall "
        f"({usage['cpu_s'] / max(usage['wall_s'], 1e-9):.0%} of one core), "
        f"{summary['cpu_per_switch'] * 1000:.0f} ms CPU per switch, "
        f"RSS {usage['rss_mb']:.0f} MB (peak {usage['peak_mb']:.0f} MB)"
    )
    browser = usage["browser_cpu_s"]
    print(
        f"browser: {browser:.1f} CPU s ({browser / max(usage['wall_s'], 1e-9):.0%} of one core), "
        f"{browser / max(len(times), 1) * 1000:.0f} ms CPU per switch"
    )
    return summary


async def phase(label: str, n: int, args: argparse.Namespace, server: AppServer) -> dict:
    """Runs one N-session phase in a fresh browser, prints its report, returns its figures."""
    url = server.url
    load = os.getloadavg()[0]
    timeout_ms = args.click_timeout * 1000
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        pages = []
        for _ in range(n):  # sign-ins one after another: the phase measures switching
            page, _cold = await sign_in(browser, url, timeout_ms)
            pages.append(page)
        server.usage_start()
        deadline = time.monotonic() + args.phase_budget
        profiler = server.profile(args.phase_budget) if n == args.profile else None
        results = await asyncio.gather(
            *(click_through(p, args.rounds, deadline) for p in pages), return_exceptions=True
        )
        usage = server.usage_stop()
        await browser.close()
    failed = [r for r in results if isinstance(r, BaseException)]
    times = [t for r in results if not isinstance(r, BaseException) for t in r]
    summary = report(label, n, times, usage, load)
    if failed:
        print(f"{len(failed)} session(s) failed: {type(failed[0]).__name__}: {failed[0]}")
    if len(times) < n * args.rounds * len(PAGES):
        print(f"phase budget of {args.phase_budget:.0f} s ran out before all rounds were done")
    if profiler is not None:
        server.print_profile(profiler)
    return summary


async def cold(url: str, args: argparse.Namespace) -> None:
    """Prints the first session's sign-in to home page time on the fresh server."""
    load = os.getloadavg()[0]
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        _page, seconds = await sign_in(browser, url, args.click_timeout * 1000)
        await browser.close()
    print(f"cold first visit (sign-in to drawn home page): {seconds:.2f} s, load {load:.1f}")


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 5, 10, 20])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--supporters", type=int, default=500)
    parser.add_argument("--contacts-per-supporter", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", type=int, default=0, help="py-spy the phase with N sessions")
    parser.add_argument("--click-timeout", type=float, default=180.0, help="seconds per wait")
    parser.add_argument("--phase-budget", type=float, default=900.0, help="seconds per phase")
    parser.add_argument(
        "--server-arg", action="append", default=[], help="extra `streamlit run` option"
    )
    parser.add_argument(
        "--baseline-root",
        type=Path,
        help="another checkout of the app (e.g. `git archive main | tar -x -C /tmp/base`): "
        "each phase runs on it and then on this one, and the ratios are printed",
    )
    return parser.parse_args()


def run_phase(label: str, root: Path, n: int, args: argparse.Namespace) -> dict:
    """Starts a fresh server from `root` on a fresh copy of the store and runs one phase."""
    with AppServer(store(args), args.server_arg, root) as server:
        asyncio.run(cold(server.url, args))
        return asyncio.run(phase(label, n, args, server))


def main() -> int:
    args = parse()
    store(args)  # builds the program once, before anything is timed
    trees = [("baseline", args.baseline_root)] if args.baseline_root else []
    trees.append(("this checkout", ROOT))
    print(f"load average before start: {os.getloadavg()[0]:.1f} (2-core machine: >2 = queueing)")
    options = args.server_arg or "from each checkout's .streamlit/config.toml"
    print(f"server options: {options}")
    for n in args.sessions:
        figures = [run_phase(label, root, n, args) for label, root in trees]
        if len(figures) == 2:
            base, this = figures
            ratios = {k: this[k] / base[k] for k in ("median", "p95", "cpu_per_switch")}
            print(
                f"\n=> {n} session(s), this / baseline: median {ratios['median']:.2f}x, "
                f"p95 {ratios['p95']:.2f}x, server CPU per switch {ratios['cpu_per_switch']:.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

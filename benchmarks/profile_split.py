"""Where the server's CPU went: a py-spy raw recording sorted into the issue's categories.

    python benchmarks/profile_split.py profile.txt

py-spy's raw format has one line per distinct stack, `frame;frame;...;leaf count`, each frame
`function (path:line)` with the path relative to sys.path. A stack belongs to the category of
its innermost frame that names one (Altair calling pandas is pandas' cost; Streamlit code
called from a page is the runtime's); within one frame the first category listed wins.
Limits: py-spy samples Python threads only. DuckDB runs queries in its own native threads and
releases the GIL while it waits for them, so SQL shows up as the page line that waits for the
result ("page Python") and DuckDB's own CPU only in the server's total CPU time.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

# (category, markers): the innermost frame holding a marker decides; first category wins.
CATEGORIES = (
    ("sign-in hashing", ("argon2", "(dashboard/auth/passwords.py")),
    ("GC", ("gc_collect", "collect (gc", "_on_script_finished (")),
    ("file watcher", ("(streamlit/watcher/", "watchdog")),
    ("SQL (DuckDB)", ("duckdb",)),
    ("Altair", ("(altair/", "(jsonschema/", "(narwhals/")),
    ("Arrow/pandas", ("(pyarrow/", "(pandas/", "(numpy/", "(streamlit/elements/arrow.py")),
    ("page Python (dashboard/)", ("(dashboard/", "(schemas/")),
    (
        "websocket/runtime (streamlit, starlette, tornado)",
        ("(streamlit/", "(starlette/", "(uvicorn/", "(anyio/", "(tornado/", "(asyncio/"),
    ),
)
# Innermost frames of a thread that blocks or sleeps: py-spy's idle test missed these on the
# loaded development machine (Streamlit polls its config and secrets files even with the module
# watcher off: a sleep, then one stat).
WAITING = (
    "Condition.wait (threading.py",
    "_worker (concurrent/futures/thread.py:81",
    "Event.wait (",
    "EpollSelector.select (selectors.py",
    "task (streamlit/watcher/polling_path_watcher.py:90)",
)
OTHER = "other (interpreter, threads, imports)"


def categorise(stack: str) -> str | None:
    """Returns the category of one semicolon-joined stack (innermost frame first); None for a
    thread that only waits."""
    frames = stack.split(";")
    if any(w in frames[-1] for w in WAITING):
        return None
    for frame in reversed(frames):
        for name, markers in CATEGORIES:
            if any(marker in frame for marker in markers):
                return name
    return OTHER


def split(path: Path) -> Counter:
    """Returns samples per category in a py-spy raw recording."""
    counts: Counter = Counter()
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        category = categorise(stack) if stack and count.isdigit() else None
        if category is not None:
            counts[category] += int(count)
    return counts


def print_split(path: Path) -> None:
    """Prints the share of samples per category, largest first."""
    counts = split(path)
    total = sum(counts.values())
    print(f"\nserver CPU by category (py-spy, {total} samples of busy threads):")
    for name, count in counts.most_common():
        print(f"  {name:<52}{count / max(total, 1):>7.1%}")


if __name__ == "__main__":
    print_split(Path(sys.argv[1]))

"""Where the server's CPU went: a py-spy raw recording sorted into the issue's categories.

    python benchmarks/profile_split.py profile.txt

py-spy's raw format has one line per distinct stack, `frame;frame;...;leaf count`. A stack
belongs to the first category whose marker it contains (the order matters: Altair calling
pandas is Altair's cost, a garbage collection triggered inside Altair is GC).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

# (category, markers): the first category with a marker anywhere in the stack wins.
CATEGORIES = (
    ("sign-in hashing", ("argon2", "passwords.py")),
    ("GC", ("gc_collect", "collect (gc", "_on_script_finished (")),
    ("file watcher", ("watcher", "watchdog", "file_util.py", "os.stat", "path_watcher")),
    ("SQL (DuckDB)", ("duckdb",)),
    ("Altair", ("altair", "jsonschema", "vega")),
    ("Arrow/pandas", ("pyarrow", "pandas", "numpy", "arrow")),
    ("page Python (dashboard/)", ("/dashboard/", "/schemas/")),
    ("websocket/runtime (tornado, streamlit)", ("tornado", "streamlit", "asyncio")),
)
OTHER = "other (interpreter, threads, imports)"


def categorise(stack: str) -> str:
    """Returns the category of one semicolon-joined stack."""
    lowered = stack.lower()
    for name, markers in CATEGORIES:
        if any(marker.lower() in lowered for marker in markers):
            return name
    return OTHER


def split(path: Path) -> Counter:
    """Returns samples per category in a py-spy raw recording."""
    counts: Counter = Counter()
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            counts[categorise(stack)] += int(count)
    return counts


def print_split(path: Path) -> None:
    """Prints the share of samples per category, largest first."""
    counts = split(path)
    total = sum(counts.values())
    print(f"\nserver CPU by category (py-spy, {total} samples of busy threads):")
    for name, count in counts.most_common():
        print(f"  {name:<40}{count / max(total, 1):>7.1%}")


if __name__ == "__main__":
    print_split(Path(sys.argv[1]))

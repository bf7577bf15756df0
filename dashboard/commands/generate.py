"""`generate --out DIR --supporters N --seed S`: write a synthetic program of any size.

Deterministic: the same N and S give byte-identical files. About 500 contacts per supporter
and year by default (10 000 supporters ≈ 5 million contacts), for benchmarks and load tests.
Import the folder with `python -m dashboard import --program NAME DIR`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dashboard.sample import generate


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "generate",
        help="write a synthetic program of any size (deterministic per seed)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", required=True, type=Path, help="folder to write into")
    parser.add_argument("--supporters", required=True, type=int, help="number of supporters")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--contacts-per-supporter", type=int, default=500, help="contacts a year (default 500)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Returns 0 after writing the files and printing the row counts."""
    if args.supporters < 1 or args.contacts_per_supporter < 0:
        print("error: --supporters must be ≥ 1 and --contacts-per-supporter ≥ 0", file=sys.stderr)
        return 2
    started = time.perf_counter()
    counts = generate(
        args.out, args.supporters, args.seed, contacts_per_supporter=args.contacts_per_supporter
    )
    seconds = time.perf_counter() - started
    print(", ".join(f"{name} {count}" for name, count in counts.items()))
    print(f"wrote {len(counts)} files to {args.out} in {seconds:.1f} s")
    return 0

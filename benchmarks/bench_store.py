"""The PostgreSQL store (several app processes) against the single DuckDB file, same run.

    python benchmarks/bench_store.py [--supporters 200] [--repeat 3] [--ducklake]

Generates a program with dashboard.sample.generate (200 supporters ≈ 100k contacts), starts a
throwaway PostgreSQL cluster (as tests/store/backends.py does; needs the Debian `postgresql`
package, and root or the `postgres` user), then, alternately, `--repeat` times each:
- import: dashboard.ingest.import_paths of every export into a fresh store, file vs server;
- signals: dashboard.signals.evaluate of the program on its as-of date, file vs server.
It prints the best times and the ratios server / file (best over best, and the median of the
runs made back to back: the load on a shared machine changes from second to second).

With --ducklake (needs `pip install duckdb-extension-ducklake==1.5.5`), the candidate that was
not chosen is measured as well: the file store's tables copied into a DuckLake whose catalog is
in the same PostgreSQL, then signals on it, and the bulk write of the contacts table (the
import's own write step; the importer itself needs keys and sequences, which DuckLake lacks).
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "store"))
# A server store keys its audit chain with a secret every process shares (not in the store).
os.environ.setdefault("DASHBOARD_AUDIT_SECRET", secrets.token_hex(32))

import duckdb  # noqa: E402
from backends import Cluster, start_cluster  # noqa: E402

from dashboard import db  # noqa: E402
from dashboard.access import Scope  # noqa: E402
from dashboard.ingest import import_paths  # noqa: E402
from dashboard.sample import generate  # noqa: E402
from dashboard.signals import evaluate  # noqa: E402

PROGRAM = "bench"
AS_OF = date(2026, 11, 20)
LOCAL = Scope.local_operator()


def timed(fn: Callable[[], object]) -> float:
    """Returns the wall seconds fn takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def import_once(target: str, csv: Path) -> float:
    """Returns the seconds one import of every export into the fresh store `target` takes."""
    con = db.connect(target)
    try:
        seconds = timed(lambda: import_paths(con, PROGRAM, [csv], scope=LOCAL))
        assert con.execute("SELECT count(*) FROM imports").fetchone() == (1,)
        return seconds
    finally:
        con.close()


def signals_once(con: duckdb.DuckDBPyConnection) -> float:
    """Returns the seconds one evaluation of the program's signals takes."""
    return timed(lambda: evaluate(con, scope=LOCAL, program_id=PROGRAM, as_of=AS_OF))


def report(name: str, file_times: list[float], other_times: list[float], label: str) -> None:
    """Prints best times and the ratios other / file (best, and median of paired runs)."""
    paired = sorted(o / f for o, f in zip(other_times, file_times, strict=True))
    print(
        f"{name:<22} file {min(file_times):6.2f} s   {label} {min(other_times):6.2f} s   "
        f"ratio best {min(other_times) / min(file_times):5.2f}x, "
        f"median of paired runs {paired[len(paired) // 2]:5.2f}x"
    )


def compare_postgres(cluster: Cluster, tmp: Path, csv: Path, repeat: int) -> str:
    """Measures import and signals on both stores; returns the last file store's path."""
    imports: tuple[list[float], list[float]] = ([], [])
    for run in range(repeat):
        imports[0].append(import_once(str(tmp / f"import{run}.duckdb"), csv))
        imports[1].append(import_once(cluster.url(cluster.new_database()), csv))
    report("import", *imports, "postgres")
    file_con = db.connect(str(tmp / f"import{repeat - 1}.duckdb"))
    server = db.connect(cluster.url(cluster.new_database()))
    import_paths(server, PROGRAM, [csv], scope=LOCAL)
    signals: tuple[list[float], list[float]] = ([], [])
    signals_once(file_con), signals_once(server)  # warm-up: first-call costs of both
    for _ in range(repeat):
        signals[0].append(signals_once(file_con))
        signals[1].append(signals_once(server))
    report("signals", *signals, "postgres")
    file_con.close()
    server.close()
    return str(tmp / f"import{repeat - 1}.duckdb")


def compare_ducklake(cluster: Cluster, tmp: Path, file_store: str, repeat: int) -> None:
    """Measures signals and the bulk write of contacts on a DuckLake (catalog in PostgreSQL)."""
    con = db.connect(file_store)
    db._load_extension(con, "duckdb_extension_postgres_scanner", "postgres_scanner")
    db._load_extension(con, "duckdb_extension_ducklake", "ducklake")
    catalog = "ducklake:postgres:" + cluster.url(cluster.new_database())
    options = f"DATA_PATH '{tmp / 'lake'}/', DATA_INLINING_ROW_LIMIT 0"
    con.execute(f"ATTACH '{catalog}' AS lake ({options})")
    tables = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'store' "
        "AND table_type = 'BASE TABLE'"
    ).fetchall()
    for (name,) in tables:  # names from the store's own catalog
        con.execute(f'CREATE TABLE lake."{name}" AS SELECT * FROM store."{name}"')
    lake = con.cursor()
    lake.execute("USE lake")
    signals: tuple[list[float], list[float]] = ([], [])
    writes: tuple[list[float], list[float]] = ([], [])
    signals_once(lake)  # warm-up
    for run in range(repeat):
        signals[0].append(signals_once(con))
        signals[1].append(signals_once(lake))
        for target, out in (("store", writes[0]), ("lake", writes[1])):
            copy = f"{target}.contacts_copy{run}"
            out.append(timed(lambda: con.execute(f"CREATE TABLE {copy} AS FROM store.contacts")))  # noqa: B023
    report("signals", *signals, "ducklake")
    report("write contacts", *writes, "ducklake")
    con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--supporters", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ducklake", action="store_true", help="also measure DuckLake")
    args = parser.parse_args()
    cluster = start_cluster(durable=True)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-store-") as name:
            tmp = Path(name)
            rows = generate(tmp / "csv", args.supporters, seed=7)
            print(f"program: {args.supporters} supporters, {rows['contacts']:,} contacts")
            file_store = compare_postgres(cluster, tmp, tmp / "csv", args.repeat)
            if args.ducklake:
                compare_ducklake(cluster, tmp, file_store, args.repeat)
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

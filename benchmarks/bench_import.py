"""Validated import vs. a raw typed read_csv vs. row-wise pydantic, measured in the same run.

    python benchmarks/bench_import.py [--rows 1000000] [--repeat 3] [--pydantic-rows 100000]

Writes a deterministic synthetic contacts.csv (+ the supporters and matches it references)
with DuckDB's COPY, then times, alternately and `--repeat` times each (on a shared machine
the load changes from second to second, so the ratio reported is the median of the ratios
of runs made back to back; CPU seconds of all threads are printed too, as a load-free check):
- raw: `CREATE TABLE AS SELECT * FROM read_csv(file)` (types auto-detected, no checks) into a
  fresh database file;
- import: `dashboard.ingest.import_paths` into a fresh store file that already holds the
  referenced supporters and matches (every rule checked, references resolved, committed);
- pydantic: `schemas.Contact.model_validate` per row on a slice, extrapolated to all rows.
Peak memory is the child-process RSS of one extra import run in a subprocess.
"""

from __future__ import annotations

import argparse
import csv
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard import db  # noqa: E402
from dashboard.access import Scope  # noqa: E402
from dashboard.ingest import import_paths  # noqa: E402
from dashboard.ingest.limits import set_limit  # noqa: E402
from schemas.contacts import Contact  # noqa: E402

TARGET_RATIO = 2.5

SUPPORTERS_SQL = """
COPY (SELECT 'S' || i AS supporter_id, (DATE '2023-01-01' + (i % 700)::INTEGER) AS joined_on,
             '' AS left_on, 4 + i % 20 AS capacity_hours_month
      FROM range($n) t(i)) TO '{path}' (HEADER)"""
MATCHES_SQL = """
COPY (SELECT 'M' || i AS match_id, 'S' || (i % $s) AS supporter_id, 'K' || i AS seeker_id,
             DATE '2024-01-01' + (i % 300)::INTEGER AS started_on
      FROM range($n) t(i)) TO '{path}' (HEADER)"""
CONTACTS_SQL = """
COPY (SELECT 'C' || (i // 1000) || '-' || (i % 1000) AS contact_id, 'M' || (h1 % $m) AS match_id,
             DATE '2024-06-01' + (h2 % 540)::INTEGER AS contact_date,
             5 + h3 % 180 AS duration_min,
             (['in_person', 'phone', 'video', 'messenger', 'group'])[1 + h4 % 5] AS channel,
             (['supporter', 'seeker', ''])[1 + i % 3] AS initiated_by,
             (['true', 'false', 'false', 'false'])[1 + i % 4] AS outside_agreed_hours,
             (['false', 'false', 'false', 'true', ''])[1 + i % 5] AS private_setting,
             (['coming_out|identity', 'loneliness', 'housing|bureaucracy|health',
               'asylum_procedure', ''])[1 + h5 % 5] AS topics,
             CASE WHEN h6 % 50 = 0 THEN 'true' ELSE 'false' END AS crisis,
             CASE WHEN h6 % 9 = 0 THEN 'counselling|legal_asylum' ELSE '' END AS referral_needed,
             CASE WHEN h6 % 18 = 0 THEN 'counselling' ELSE '' END AS referral_made,
             (['fa', 'de', 'en', 'ar', 'tr'])[1 + h7 % 5] AS language
      FROM (SELECT i, (hash(i) % 1000003)::BIGINT AS h1, (hash(i + 1) % 1000003)::BIGINT AS h2,
                   (hash(i + 2) % 1000003)::BIGINT AS h3, (hash(i + 3) % 1000003)::BIGINT AS h4,
                   (hash(i + 4) % 1000003)::BIGINT AS h5, (hash(i + 5) % 1000003)::BIGINT AS h6,
                   (hash(i + 6) % 1000003)::BIGINT AS h7
            FROM range($n) t(i))) TO '{path}' (HEADER)"""


def write_files(folder: Path, rows: int) -> dict[str, Path]:
    """Writes supporters, matches and contacts CSVs (deterministic for a given `rows`)."""
    supporters, matches = max(rows // 200, 10), max(rows // 20, 10)
    paths = {name: folder / f"{name}.csv" for name in ("supporters", "matches", "contacts")}
    con = duckdb.connect()
    con.execute(SUPPORTERS_SQL.format(path=paths["supporters"]), {"n": supporters})
    con.execute(MATCHES_SQL.format(path=paths["matches"]), {"n": matches, "s": supporters})
    con.execute(CONTACTS_SQL.format(path=paths["contacts"]), {"n": rows, "m": matches})
    con.close()
    return paths


def template_store(folder: Path, paths: dict[str, Path]) -> Path:
    """Returns a store file holding the parents, so each timed import starts from a copy."""
    template = folder / "template.duckdb"
    con = db.connect(template)
    operator = Scope.local_operator()  # the default limits (50 MB) would refuse a 1M-row file
    set_limit(con, "upload_max_file_mb", 2048, scope=operator)
    set_limit(con, "upload_max_rows", 100_000_000, scope=operator)
    report = import_paths(
        con, "bench", [paths["supporters"], paths["matches"]], scope=Scope.local_operator()
    )
    con.close()
    if report.exit_code:
        raise SystemExit(f"parents did not import: {report.errors[:3]}")
    return template


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds and CPU seconds (all threads of this process) of one run."""

    wall: float
    cpu: float


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def time_raw(folder: Path, csv_path: Path, run: int) -> Timing:
    target = folder / f"raw{run}.duckdb"
    con = duckdb.connect(str(target))
    cpu, start = _cpu(), time.perf_counter()
    con.execute("CREATE TABLE contacts AS SELECT * FROM read_csv(?)", [str(csv_path)])
    con.execute("CHECKPOINT")  # durable, like the import's COMMIT
    timing = Timing(time.perf_counter() - start, _cpu() - cpu)
    con.close()
    target.unlink()
    return timing


def time_import(folder: Path, template: Path, csv_path: Path, run: int) -> Timing:
    target = folder / f"store{run}.duckdb"
    shutil.copy(template, target)
    con = db.connect(target)
    cpu, start = _cpu(), time.perf_counter()
    report = import_paths(con, "bench", [csv_path], scope=Scope.local_operator())
    con.execute("CHECKPOINT")
    timing = Timing(time.perf_counter() - start, _cpu() - cpu)
    con.close()
    target.unlink()
    if report.exit_code:
        raise SystemExit(f"benchmark import failed: {report.errors[:3]}")
    return timing


def time_pydantic(csv_path: Path, rows: int) -> tuple[float, int]:
    """Returns (seconds, rows validated) for Contact.model_validate over the first `rows`."""
    with csv_path.open(newline="", encoding="utf-8") as handle:
        records = [r for _, r in zip(range(rows), csv.DictReader(handle), strict=False)]
    start = time.perf_counter()
    for record in records:
        Contact.model_validate(record)
    return time.perf_counter() - start, len(records)


def peak_rss_mb(template: Path, csv_path: Path, folder: Path) -> float:
    """Returns the peak resident memory (MB) of a subprocess running one import."""
    target = folder / "rss.duckdb"
    shutil.copy(template, target)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from dashboard import db; from dashboard.access import Scope;"
        "from dashboard.ingest import import_paths;"
        "con = db.connect(sys.argv[2]);"
        "r = import_paths(con, 'bench', [sys.argv[3]], scope=Scope.local_operator());"
        "con.close(); sys.exit(r.exit_code)"
    )
    subprocess.run([sys.executable, "-c", code, str(ROOT), str(target), str(csv_path)], check=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pydantic-rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        paths = write_files(folder, args.rows)
        template = template_store(folder, paths)
        raw: list[Timing] = []
        imported: list[Timing] = []
        for run in range(args.repeat):  # alternate, so both see the same machine load
            raw.append(time_raw(folder, paths["contacts"], run))
            imported.append(time_import(folder, template, paths["contacts"], run))
        py_seconds, py_rows = time_pydantic(paths["contacts"], args.pydantic_rows)
        rss = peak_rss_mb(template, paths["contacts"], folder)
        size_mb = paths["contacts"].stat().st_size / 1e6
    pydantic = py_seconds * args.rows / py_rows
    ratio = report(args.rows, size_mb, raw, imported, pydantic, py_rows, rss)
    return 0 if ratio <= TARGET_RATIO else 1


def report(
    rows: int, size_mb: float, raw: list[Timing], imported: list[Timing], pydantic: float,
    py_rows: int, rss: float,
) -> float:  # fmt: skip
    """Prints the comparison; returns the median of the paired wall-clock ratios."""
    paired = median(i.wall / r.wall for r, i in zip(raw, imported, strict=True))
    wall_raw, wall_import = median(t.wall for t in raw), median(t.wall for t in imported)
    cpu_ratio = median(t.cpu for t in imported) / median(t.cpu for t in raw)
    print(f"contacts.csv: {rows:,} rows, {size_mb:.0f} MB; {len(raw)} alternating runs each")
    print("                                  median wall   (each run: wall / cpu seconds)")
    print(f"  raw typed read_csv -> table   {wall_raw:7.2f} s   ({_runs(raw)})")
    print(f"  validated import (ours)       {wall_import:7.2f} s   ({_runs(imported)})")
    print(f"  row-wise pydantic (extrap.)   {pydantic:7.2f} s   (timed on {py_rows:,} rows)")
    print(f"  ratio import / raw            {paired:7.2f} x  median of paired runs "
          f"(target <= {TARGET_RATIO}); CPU-time ratio {cpu_ratio:.2f} x")  # fmt: skip
    print(f"  ratio pydantic / import       {pydantic / wall_import:7.2f} x")
    print(f"  peak RSS of an import process {rss:7.0f} MB  (target < 1024)")
    return paired


def _runs(values: list[Timing]) -> str:
    return ", ".join(f"{t.wall:.2f}/{t.cpu:.2f}" for t in values)


if __name__ == "__main__":
    raise SystemExit(main())

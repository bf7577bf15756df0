""".xlsx import vs. the raw reader's own table load, measured in the same run.

    python benchmarks/bench_xlsx.py [--rows 100000] [--repeat 5]

Writes the synthetic contacts of bench_import.py as an .xlsx workbook with typed cells (dates
as date cells, numbers as numbers, yes/no as booleans), then times, alternately:
- raw: fastexcel reads the sheet (its own type inference) and DuckDB stores the Arrow table
  as it is, `CREATE TABLE AS SELECT * FROM arrow`, into a fresh database file;
- import: `dashboard.ingest.import_paths` of the workbook into a fresh store that holds the
  referenced supporters and matches (zip checks, every contract rule, references, commit).
The ratio printed is the median of the ratios of runs made back to back (the machine is
shared); CPU seconds of all threads are printed too, as a load-free check.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from statistics import median

import duckdb
import fastexcel
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_import import Timing, _cpu, template_store, write_files  # noqa: E402

from dashboard import db  # noqa: E402
from dashboard.access import Scope  # noqa: E402
from dashboard.ingest import import_paths  # noqa: E402
from dashboard.xlsx import write_xlsx  # noqa: E402

TARGET_RATIO = 1.5
_BOOLS = ("outside_agreed_hours", "private_setting", "crisis")


def write_workbook(csv_path: Path, target: Path) -> int:
    """Writes the contacts CSV as a typed .xlsx (what Excel saves); returns its size in bytes."""
    con = duckdb.connect()
    relation = con.execute("SELECT * FROM read_csv(?, all_varchar = true)", [str(csv_path)])
    header = [d[0] for d in relation.description]
    rows: list[list[object]] = [header]
    for record in relation.fetchall():
        rows.append([_typed(name, value) for name, value in zip(header, record, strict=True)])
    con.close()
    target.write_bytes(write_xlsx({"contacts": rows}))
    return target.stat().st_size


def _typed(column: str, value: str | None) -> object:
    if value is None:
        return None
    if column == "contact_date":
        return date.fromisoformat(value)
    if column == "duration_min":
        return int(value)
    if column in _BOOLS:
        return value == "true"
    return value


def time_raw(folder: Path, book: Path, run: int) -> Timing:
    target = folder / f"raw{run}.duckdb"
    con = duckdb.connect(str(target))
    cpu, start = _cpu(), time.perf_counter()
    sheet = pa.table(fastexcel.read_excel(book.read_bytes()).load_sheet(0).to_arrow())
    con.register("sheet", sheet)
    con.execute("CREATE TABLE contacts AS SELECT * FROM sheet")
    con.execute("CHECKPOINT")  # durable, like the import's COMMIT
    timing = Timing(time.perf_counter() - start, _cpu() - cpu)
    con.close()
    target.unlink()
    return timing


def time_import(folder: Path, template: Path, book: Path, run: int) -> Timing:
    target = folder / f"store{run}.duckdb"
    shutil.copy(template, target)
    con = db.connect(target)
    cpu, start = _cpu(), time.perf_counter()
    report = import_paths(con, "bench", [book], scope=Scope.local_operator())
    con.execute("CHECKPOINT")
    timing = Timing(time.perf_counter() - start, _cpu() - cpu)
    con.close()
    target.unlink()
    if report.exit_code:
        raise SystemExit(f"benchmark import failed: {report.errors[:3]}")
    return timing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-xlsx-") as tmp:
        folder = Path(tmp)
        paths = write_files(folder, args.rows)
        template = template_store(folder, paths)
        book = folder / "contacts.xlsx"
        size = write_workbook(paths["contacts"], book)
        raw: list[Timing] = []
        imported: list[Timing] = []
        for run in range(args.repeat):  # alternate, so both see the same machine load
            raw.append(time_raw(folder, book, run))
            imported.append(time_import(folder, template, book, run))
    ratio = median(i.wall / r.wall for r, i in zip(raw, imported, strict=True))
    cpu_ratio = median(t.cpu for t in imported) / median(t.cpu for t in raw)
    print(f"contacts.xlsx: {args.rows:,} rows, {size / 1e6:.1f} MB; {args.repeat} runs each")
    print(f"  raw fastexcel -> Arrow -> table  {median(t.wall for t in raw):6.2f} s  "
          f"({_runs(raw)})")  # fmt: skip
    print(f"  validated import                 {median(t.wall for t in imported):6.2f} s  "
          f"({_runs(imported)})")  # fmt: skip
    print(f"  import / raw: {ratio:.2f}x wall (median of paired runs), {cpu_ratio:.2f}x CPU; "
          f"target <= {TARGET_RATIO}x")  # fmt: skip
    return 0 if ratio <= TARGET_RATIO else 1


def _runs(timings: list[Timing]) -> str:
    return ", ".join(f"{t.wall:.2f}/{t.cpu:.2f}" for t in timings)


if __name__ == "__main__":
    raise SystemExit(main())

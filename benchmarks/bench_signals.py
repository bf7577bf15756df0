"""Signals for a generated program vs. one plain aggregate scan of its contacts, same run.

    python benchmarks/bench_signals.py [--supporters 10000] [--contacts 5000000] [--repeat 5]
    python benchmarks/bench_signals.py --sample    # data from dashboard.sample.generate instead

Builds a deterministic program straight in a fresh store file with DuckDB SQL (10k supporters,
5M contacts spread over five years of history, like a program's cumulative exports; values are
hashes of row numbers, so every run sees the same data), then times alternately, `--repeat`
times each, and keeps the best run of each (other processes on a shared machine only ever make
a run slower):
- baseline: SELECT match_id, sum(duration_min), count(*) FROM contacts GROUP BY match_id
- signals:  dashboard.signals.evaluate(...) for the program on the as-of date
and prints both times (wall and process CPU) and their ratios: best wall over best wall, best
CPU over best CPU, and the median of the paired runs (target: <= 3x, well under 2 s).
With --sample the CSVs of dashboard.sample.generate (one dense year) are loaded instead.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from dashboard import db  # noqa: E402
from dashboard.access import Scope  # noqa: E402
from dashboard.signals import evaluate  # noqa: E402
from schemas import EXPORTS  # noqa: E402

PROGRAM = "bench"
AS_OF = date(2026, 11, 20)
TARGET_RATIO = 3.0
TARGET_SECONDS = 2.0
YEARS = 5
BASELINE_SQL = (
    "SELECT match_id, sum(duration_min) AS minutes, count(*) AS n FROM contacts "
    "WHERE program_id = ? GROUP BY match_id"
)

# h(k, salt): a deterministic pseudo-random integer >= 0 for row k.
MACRO = "CREATE OR REPLACE TEMP MACRO h(k, salt) AS (hash(k * 7919 + salt) % 1000003)::BIGINT"

SYNTHETIC: dict[str, str] = {
    "supporters": """
        SELECT $p, 'S' || i, $as_of - (60 + h(i, 1) % 1800)::INTEGER,
               CASE WHEN h(i, 2) % 12 = 0 THEN $as_of - (h(i, 3) % 400)::INTEGER END,
               4 + h(i, 4) % 17,
               (['early', 'consolidating', 'experienced'])[1 + h(i, 5) % 3],
               h(i, 6) % 2 = 0, ['de', (['fa', 'ar', 'tr', 'ru', 'uk'])[1 + h(i, 7) % 5]],
               CASE WHEN h(i, 8) % 5 = 0 THEN ['family_conflict', 'religion'] END, 0
        FROM range($supporters) t(i)""",
    "matches": """
        SELECT $p, 'M' || j, 'S' || (j // 3), 'K' || j, $as_of - (h(j, 11) % 1500)::INTEGER,
               CASE WHEN j % 3 <> 0 THEN $as_of - (h(j, 12) % 600)::INTEGER END,
               CASE WHEN h(j, 13) % 11 = 0 THEN 'none' ELSE 'identity' END,
               h(j, 14) % 13 <> 0, ['language'], ['culture'], 0
        FROM range($supporters * 3) t(j)""",
    # contact dates rise with k (exports are chronological), matches are spread by hash
    "contacts": """
        SELECT $p, 'C' || k, 'M' || (h(k, 21) % ($supporters * 3)),
               $as_of - ($days - 1) + (k * $days // $contacts)::INTEGER,
               10 + h(k, 22) % 70,
               (['in_person', 'phone', 'video', 'messenger', 'group'])[1 + h(k, 23) % 5],
               CASE WHEN h(k, 24) % 2 = 0 THEN 'supporter' ELSE 'seeker' END,
               h(k, 25) % 10 = 0, h(k, 26) % 25 = 0,
               CASE h(k, 27) % 1000
                    WHEN 0 THEN ['suicidality'] WHEN 1 THEN ['violence_discrimination']
                    WHEN 2 THEN ['asylum_procedure', 'housing'] WHEN 3 THEN ['family_conflict']
                    ELSE [(['coming_out', 'identity', 'loneliness', 'relationships'])
                          [1 + h(k, 28) % 4]]
               END,
               h(k, 29) % 200 = 0,
               CASE WHEN h(k, 30) % 20 = 0 THEN [$services[1 + h(k, 31) % 4]] END,
               CASE WHEN h(k, 30) % 40 = 0 THEN [$services[1 + h(k, 31) % 4]] END,
               (['de', 'fa', 'ar', 'tr', 'ru'])[1 + h(k, 32) % 5], 0
        FROM range($contacts) t(k)""",
    # mostly calm check-ins; a few per cent report strain (the rules' thresholds are 4 / 2)
    "checkins": """
        SELECT $p, 'S' || i, $as_of - (m * 30 + h(i, 41) % 20)::INTEGER,
               CASE WHEN h(i * 100 + m, 42) % 25 = 0 THEN 4 ELSE 1 + h(i * 100 + m, 42) % 3 END,
               CASE WHEN h(i * 100 + m, 43) % 30 = 0 THEN 4 ELSE 1 + h(i * 100 + m, 43) % 3 END,
               CASE WHEN h(i * 100 + m, 44) % 30 = 0 THEN 2 ELSE 3 + h(i * 100 + m, 44) % 3 END,
               CASE WHEN h(i * 100 + m, 45) % 30 = 0 THEN 2 ELSE 3 + h(i * 100 + m, 45) % 3 END,
               CASE WHEN h(i * 100 + m, 46) % 30 = 0 THEN 2 ELSE 4 + h(i * 100 + m, 46) % 2 END,
               CASE WHEN h(i * 100 + m, 47) % 30 = 0 THEN 4 ELSE 1 + h(i * 100 + m, 47) % 3 END,
               h(i * 100 + m, 48) % 40 = 0, 0
        FROM range($supporters) t(i), range(24) u(m) WHERE h(i, 49) % 10 <> 0""",
    "proqol": """
        SELECT $p, 'S' || i, $as_of - (h(i, 51) % 300)::INTEGER,
               COLUMNS_PLACEHOLDER, 0
        FROM range($supporters) t(i) WHERE h(i, 52) % 4 = 0""",
    "trainings": """
        SELECT $p, 'S' || i, kind, $as_of - (h(i, 61 + n) % 1500)::INTEGER,
               CASE WHEN n IN (2, 3, 4) THEN $as_of + (h(i, 71 + n) % 900 - 100)::INTEGER END, 0
        FROM range($supporters) t(i),
             (SELECT * FROM (VALUES (0, 'peer_support_basics'), (1, 'boundaries_self_care'),
                     (2, 'crisis_intervention'), (3, 'trauma_informed'), (4, 'confidentiality'),
                     (5, 'referral_knowledge'), (6, 'asylum_basics')) v(n, kind))
        WHERE h(i, 81 + n) % 10 < (CASE n WHEN 0 THEN 9 WHEN 5 THEN 4 ELSE 6 END)""",
    "supervision": """
        SELECT $p, 'S' || i, $as_of - (m * 30 + 5)::INTEGER, 'group',
               CASE WHEN h(i, 91) % 6 = 0 THEN 'peer_lead' ELSE 'professional' END, 0
        FROM range($supporters) t(i), range(24) u(m) WHERE h(i * 100 + m, 92) % 10 <> 0""",
    "services": """
        SELECT $p, 'SV' || s,
               (['counselling', 'legal_asylum', 'psychotherapy', 'housing_support', 'medical',
                 'self_help_group'])[1 + s % 6],
               [(['de', 'fa', 'ar', 'tr'])[1 + h(s, 101) % 4], 'en'], h(s, 102) % 4 <> 0,
               h(s, 103) % 5 <> 0, $as_of - (h(s, 104) % 400)::INTEGER, 0
        FROM range(60) t(s)""",
    "incidents": """
        SELECT $p, 'I' || x, $as_of - (h(x, 111) % 700)::INTEGER, 'S' || (h(x, 112) % $supporters),
               (['confidentiality_breach', 'boundary_crossing', 'dependency', 'complaint',
                 'other'])[1 + h(x, 113) % 5],
               (['low', 'medium', 'high'])[1 + h(x, 114) % 3],
               CASE WHEN h(x, 115) % 3 <> 0 THEN $as_of - (h(x, 116) % 300)::INTEGER END, 0
        FROM range($supporters // 20) t(x)""",
}


def build_synthetic(con: duckdb.DuckDBPyConnection, supporters: int, contacts: int) -> None:
    """Inserts the synthetic program straight into the store's tables (no contract checks)."""
    con.execute(MACRO)
    con.execute("INSERT INTO programs (program_id) VALUES (?)", [PROGRAM])
    items = ", ".join(f"1 + h(i * 31 + {n}, 53) % 5" for n in range(30))
    params = {
        "p": PROGRAM,
        "as_of": AS_OF,
        "supporters": supporters,
        "contacts": contacts,
        "days": 365 * YEARS,
        "services": ["counselling", "legal_asylum", "psychotherapy", "housing_support"],
    }
    for name, select in SYNTHETIC.items():
        sql = select.replace("COLUMNS_PLACEHOLDER", items)  # constant text, no values
        used = {k: v for k, v in params.items() if f"${k}" in sql}
        con.execute(f'INSERT INTO "{name}" {sql}', used)  # name: registry table


def _cast(name: str, kind: str) -> str:
    col = f'"{name}"'  # identifiers from the schema registry only
    if kind == "enum_list":
        return f"CASE WHEN coalesce({col}, '') = '' THEN NULL ELSE string_split({col}, '|') END"
    if kind in ("code", "enum"):
        return f"nullif({col}, '')"
    types = {"date": "DATE", "bool": "BOOLEAN", "integer": "INTEGER", "number": "DOUBLE"}
    return f"TRY_CAST(nullif({col}, '') AS {types[kind]})"


def load_sample(con: duckdb.DuckDBPyConnection, supporters: int, folder: Path) -> None:
    """Loads dashboard.sample.generate's canonical CSVs straight into the tables."""
    from dashboard.sample import generate

    if not (folder / "contacts.csv").exists():
        generate(folder, supporters, seed=7)
    con.execute("INSERT INTO programs (program_id) VALUES (?)", [PROGRAM])
    for name, spec in EXPORTS.items():
        cols = ", ".join(f'"{c.name}"' for c in spec.columns)
        casts = ", ".join(_cast(c.name, c.kind) for c in spec.columns)
        con.execute(
            f'INSERT INTO "{name}" (program_id, {cols}, import_id) '
            f"SELECT ?, {casts}, 0 FROM read_csv(?, all_varchar = true, header = true)",
            [PROGRAM, str(folder / f"{name}.csv")],
        )


def timed(fn: Callable[[], object], times: list[tuple[float, float]]) -> object:
    """Runs fn, appends (wall, process CPU) seconds; CPU counts DuckDB's threads too and is
    steadier than wall time when other processes share the two cores."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--supporters", type=int, default=10_000)
    parser.add_argument("--contacts", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--sample",
        action="store_true",
        help="use dashboard.sample.generate (one dense year) instead",
    )
    parser.add_argument("--data", type=Path, help="with --sample: folder to keep the CSVs in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-signals-") as tmp:
        con = db.connect(Path(tmp) / "store.duckdb")
        start = time.perf_counter()
        if args.sample:
            load_sample(con, args.supporters, args.data or Path(tmp) / "csv")
        else:
            build_synthetic(con, args.supporters, args.contacts)
        con.execute("CHECKPOINT")
        counts = {
            n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]  # type: ignore[index]
            for n in ("supporters", "matches", "contacts")
        }
        print(
            f"built {counts['supporters']:,} supporters, {counts['matches']:,} matches, "
            f"{counts['contacts']:,} contacts in {time.perf_counter() - start:.1f} s"
        )
        scope = Scope.local_operator()
        base_times: list[tuple[float, float]] = []
        signal_times: list[tuple[float, float]] = []
        found: list = []
        for _ in range(args.repeat):
            timed(lambda: con.execute(BASELINE_SQL, [PROGRAM]).fetchall(), base_times)
            found = timed(  # type: ignore[assignment]
                lambda: evaluate(con, scope=scope, program_id=PROGRAM, as_of=AS_OF), signal_times
            )
        con.close()
    base, signals = min(t[0] for t in base_times), min(t[0] for t in signal_times)
    base_cpu, signals_cpu = min(t[1] for t in base_times), min(t[1] for t in signal_times)
    paired = sorted(s[0] / b[0] for s, b in zip(signal_times, base_times, strict=True))
    by_rule: dict[str, int] = {}
    for r in found:
        by_rule[r.signal_id] = by_rule.get(r.signal_id, 0) + 1
    print("signals per rule: " + ", ".join(f"{k} {v}" for k, v in sorted(by_rule.items())))
    print(
        f"baseline (GROUP BY match_id over all contacts): {base * 1000:7.0f} ms wall "
        f"{base_cpu * 1000:7.0f} ms CPU"
    )
    print(
        f"signals ({len(found):,} results):{'':17}{signals * 1000:7.0f} ms wall "
        f"{signals_cpu * 1000:7.0f} ms CPU"
    )
    ratio = signals / base
    print(
        f"ratio signals / baseline: best wall {ratio:.2f}x, CPU {signals_cpu / base_cpu:.2f}x, "
        f"median of paired runs {paired[len(paired) // 2]:.2f}x "
        f"(target <= {TARGET_RATIO:.0f}x; and < {TARGET_SECONDS:.0f} s)"
    )
    return 0 if ratio <= TARGET_RATIO and signals < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())

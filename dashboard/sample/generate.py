"""A synthetic program of any size, deterministic per seed, for benchmarks and load tests.

The big exports (supporters, matches, contacts, check-ins, trainings, supervision, incidents)
are computed in DuckDB from hashes of row numbers (generate_sql.py) and streamed to CSV with
`write_csv`, so 10k supporters / 5M contacts take seconds and little memory. The two small
exports (services, ProQOL) come from `random.Random(seed)`. Patterns follow the demo: most
supporters are calm, some overloaded, stressed, unsupervised or untrained; contact volume is
denser than in the demo (≈ `contacts_per_supporter` a year) because benchmarks need it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import duckdb

from schemas import EXPORTS

from . import generate_sql as q
from .builder import AS_OF
from .csvout import Row, csv_text

# (training, share of supporters who have it, years it stays valid; 0 = no expiry)
TRAINING_KINDS = (
    ("peer_support_basics", 0.92, 0),
    ("boundaries_self_care", 0.6, 0),
    ("trauma_informed", 0.35, 2),
    ("crisis_intervention", 0.3, 2),
    ("confidentiality", 0.5, 2),
    ("referral_knowledge", 0.4, 0),
    ("asylum_basics", 0.35, 0),
    ("intercultural", 0.3, 3),
)
SERVICE_TYPES = (
    "counselling",
    "psychotherapy",
    "psychiatry",
    "medical",
    "sexual_health_clinic",
    "legal_asylum",
    "housing_support",
    "crisis_line",
    "social_work",
    "community_center",
    "counselling",
    "legal_asylum",
    "self_help_group",
)
LANGUAGES = ("fa", "ar", "tr", "ru", "uk", "ku", "ps", "fr", "es", "en")


def generate(
    out_dir: str | Path,
    supporters: int,
    seed: int,
    *,
    as_of: date = AS_OF,
    contacts_per_supporter: int = 500,
) -> dict[str, int]:
    """Writes every export of a synthetic program into out_dir; returns rows written per export."""
    if supporters < 1:
        raise ValueError("supporters must be at least 1")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(":memory:")
    try:
        _prepare(con, supporters, seed, as_of, contacts_per_supporter)
        counts = {name: _write_sql(con, name, sql, folder) for name, sql in _queries().items()}
        rng = random.Random(seed)
        counts["proqol"] = _write_rows("proqol", _proqol(con, rng, as_of), folder)
        counts["services"] = _write_rows("services", _services(rng, supporters, as_of), folder)
    finally:
        con.close()
    return {name: counts[name] for name in EXPORTS}


def _prepare(con: duckdb.DuckDBPyConnection, n: int, seed: int, as_of: date, cps: int) -> None:
    """Binds the parameters as variables and builds the supporter and match tables."""
    lookups = {"channel": q.CHANNELS, "topic": q.CONTACT_TOPICS, "service": q.NEEDED_SERVICES}
    variables = {
        "seed": seed,
        "n": n,
        "as_of": as_of,
        "cps": cps,
        "topics": q.TOPICS,
        "dimensions": q.DIMENSIONS,
        "first_languages": q.FIRST_LANGUAGES,
        **{f"n_{name}": len(words) for name, words in lookups.items()},
    }
    con.execute("SET enable_progress_bar = false")
    for name, value in variables.items():
        con.execute(f"SET VARIABLE {name} = ?", [value])  # name: from the dict above
    for name, words in lookups.items():  # name: from the dict above
        con.execute(f"CREATE TEMP TABLE v_{name} (k INTEGER, v VARCHAR)")
        con.executemany(f"INSERT INTO v_{name} VALUES (?, ?)", list(enumerate(words)))
    con.execute(q.MACROS)
    for step in (q.SUPPORTERS, q.SUPPORTER_SPAN, q.MATCHES, q.MATCH_OFFSETS):
        con.execute(step)
    con.execute(
        "CREATE TEMP TABLE g_training_kinds "
        "(n INTEGER, training VARCHAR, share DOUBLE, years INTEGER)"
    )
    con.executemany(
        "INSERT INTO g_training_kinds VALUES (?, ?, ?, ?)",
        [(k, *kind) for k, kind in enumerate(TRAINING_KINDS)],
    )
    con.execute(
        "CREATE TEMP TABLE g_sessions "
        "(k INTEGER, session_date DATE, format VARCHAR, facilitator VARCHAR)"
    )
    con.executemany(
        "INSERT INTO g_sessions VALUES (?, ?, ?, ?)",
        [(k, *s) for k, s in enumerate(_sessions(as_of - timedelta(days=540), as_of))],
    )


def _queries() -> dict[str, str]:
    """Returns the SQL of each export computed in DuckDB (columns in contract order)."""

    def columns(export: str) -> str:
        return ", ".join(f'"{c.name}"' for c in EXPORTS[export].columns)

    return {
        "supporters": f"SELECT {columns('supporters')} FROM "
        "(SELECT *, array_to_string(langs, '|') AS languages FROM g_sup) ORDER BY i",
        "matches": f"SELECT {columns('matches')} FROM g_match ORDER BY mi",
        "contacts": q.CONTACTS,
        "checkins": q.CHECKINS,
        "trainings": q.TRAININGS,
        "supervision": q.SUPERVISION,
        "incidents": q.INCIDENTS,
    }


def _write_sql(con: duckdb.DuckDBPyConnection, export: str, sql: str, folder: Path) -> int:
    rel = con.sql(sql)
    expected = [c.name for c in EXPORTS[export].columns]
    if rel.columns != expected:  # a generator bug, not bad input
        raise RuntimeError(f"{export}: generator columns {rel.columns} != contract {expected}")
    path = folder / f"{export}.csv"
    rel.write_csv(str(path), header=True)
    row = con.execute(
        "SELECT count(*) FROM read_csv(?, header = true, all_varchar = true)", [str(path)]
    ).fetchone()
    return int(row[0]) if row else 0


def _write_rows(export: str, rows: list[Row], folder: Path) -> int:
    (folder / f"{export}.csv").write_text(csv_text(export, rows), encoding="utf-8", newline="")
    return len(rows)


def _sessions(first: date, last: date) -> list[tuple[date, str, str]]:
    """Returns the program's session calendar: professional group supervision on the 2nd
    Wednesday, peer-led intervision on the 1st Wednesday, individual sessions on the 4th Tuesday."""
    out = []
    month = date(first.year, first.month, 1)
    while month <= last:
        for weekday, nth, fmt, who in (
            (2, 2, "group", "professional"),
            (2, 1, "intervision", "peer_lead"),
            (1, 4, "individual", "professional"),
        ):
            day = month + timedelta(days=(weekday - month.weekday()) % 7 + 7 * (nth - 1))
            if first <= day <= last:
                out.append((day, fmt, who))
        month = (month + timedelta(days=32)).replace(day=1)
    return sorted(out)


def _proqol(con: duckdb.DuckDBPyConnection, rng: random.Random, as_of: date) -> list[Row]:
    """About 30 % of supporters answer the ProQOL 1-3 times, half a year apart."""
    rows: list[Row] = []
    supporters = con.execute("SELECT supporter_id, joined_on FROM g_sup ORDER BY i").fetchall()
    for supporter_id, joined_on in supporters:
        if rng.random() >= 0.3:
            continue
        for r in range(rng.randint(1, 3)):
            day = as_of - timedelta(days=10 + 180 * r + rng.randint(0, 59))
            if day < joined_on:
                break
            strain = rng.choice((1, 1, 2, 3))  # 3 = answers lean towards burnout
            items = {
                f"q{n:02d}": None
                if rng.random() < 0.01
                else min(5, max(1, rng.randint(1, 4) + (strain - 2) * (n % 2)))
                for n in range(1, 31)
            }
            rows.append({"supporter_id": supporter_id, "response_date": day, **items})
    return rows


def _services(rng: random.Random, supporters: int, as_of: date) -> list[Row]:
    """One professional service per 25 supporters (at least 16), in a mix of languages."""
    rows: list[Row] = []
    for k in range(1, max(16, supporters // 25) + 1):
        languages = sorted({"de", *rng.sample(LANGUAGES, rng.randint(0, 3))})
        last = None if rng.random() < 0.1 else as_of - timedelta(days=rng.randint(0, 700))
        rows.append(
            {
                "service_id": f"SV{k:04d}",
                "service_type": rng.choice(SERVICE_TYPES),
                "languages": languages,
                "lgbtiq_affirming": rng.random() < 0.8,
                "accepts_referrals": rng.random() < 0.85,
                "last_network_contact": last,
            }
        )
    return rows

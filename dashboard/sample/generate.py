"""A synthetic program of any size, deterministic per seed, for benchmarks and load tests.

The big exports (supporters, matches, contacts, check-ins, trainings, supervision, incidents)
are computed in DuckDB from hashes of row numbers (generate_people.py, generate_activity.py)
and streamed to CSV with `write_csv`: 10k supporters / 5M contacts take well under a minute.
The two small exports (services, ProQOL) come from `random.Random(seed)`. Like the demo, most
supporters are calm and a minority shows one situation each (PROFILES); contacts are denser
than in the demo (≈ `contacts_per_supporter` a year) because benchmarks need volume.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import duckdb

from schemas import EXPORTS

from . import generate_activity as activity
from . import generate_people as people
from .csvout import Row, csv_text
from .days import AS_OF
from .routine import proqol_answers

# (training, share of supporters who have it, years it stays valid; 0 = no expiry)
TRAINING_KINDS = (
    ("peer_support_basics", 0.95, 0), ("boundaries_self_care", 0.6, 0),
    ("trauma_informed", 0.35, 3), ("crisis_intervention", 0.3, 3), ("confidentiality", 0.5, 3),
    ("referral_knowledge", 0.4, 0), ("asylum_basics", 0.35, 0), ("intercultural", 0.3, 3),
)  # fmt: skip
SERVICE_TYPES = (
    "counselling psychotherapy psychiatry medical sexual_health_clinic legal_asylum "
    "housing_support crisis_line social_work community_center counselling legal_asylum "
    "self_help_group"
).split()
LANGUAGES = "fa ar tr ru uk ku ps fr es en".split()
QUERIES = {
    "supporters": people.SUPPORTERS_OUT,
    "matches": people.MATCHES_OUT,
    "contacts": activity.CONTACTS,
    "checkins": activity.CHECKINS,
    "trainings": activity.TRAININGS,
    "supervision": activity.SUPERVISION,
    "incidents": activity.INCIDENTS,
}


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
        counts = {name: _write_sql(con, name, sql, folder) for name, sql in QUERIES.items()}
        rng = random.Random(seed)
        counts["proqol"] = _write_rows("proqol", _proqol(con, rng, as_of), folder)
        counts["services"] = _write_rows("services", _services(rng, supporters, as_of), folder)
    finally:
        con.close()
    return {name: counts[name] for name in EXPORTS}


def _prepare(con: duckdb.DuckDBPyConnection, n: int, seed: int, as_of: date, cps: int) -> None:
    """Binds the parameters as variables, fills the lookup tables, builds supporters and matches."""
    variables = {
        "seed": seed, "n": n, "as_of": as_of, "cps": cps, "topics": people.TOPICS,
        "calm_topics": people.CALM_TOPICS, "dimensions": people.DIMENSIONS,
        "first_languages": people.FIRST_LANGUAGES, "mean_minutes": people.MEAN_MINUTES,
        "n_channel": len(people.CHANNELS), "n_topic": len(people.CONTACT_TOPICS),
        "n_calm_topic": len(people.CALM_TOPICS), "n_service": len(people.NEEDED_SERVICES),
    }  # fmt: skip
    con.execute("SET enable_progress_bar = false")
    for name, value in variables.items():
        con.execute(f"SET VARIABLE {name} = ?", [value])  # name: from the dict above
    _lookup_tables(con, as_of)
    con.execute(people.MACROS)
    for step in (people.SUPPORTERS, people.SUPPORTER_SPAN, people.MATCHES, people.MATCH_OFFSETS):
        con.execute(step)


def _lookup_tables(con: duckdb.DuckDBPyConnection, as_of: date) -> None:
    """Creates the small tables the SQL joins: words by index, profiles, trainings, sessions."""
    tables: dict[str, tuple[str, list[tuple[object, ...]]]] = {
        "v_channel": ("k INTEGER, v VARCHAR", list(enumerate(people.CHANNELS))),
        "v_topic": ("k INTEGER, v VARCHAR", list(enumerate(people.CONTACT_TOPICS))),
        "v_service": ("k INTEGER, v VARCHAR", list(enumerate(people.NEEDED_SERVICES))),
        "v_profile": ("lo DOUBLE, hi DOUBLE, profile VARCHAR", _profile_ranges()),
        "g_training_kinds": (
            "n INTEGER, training VARCHAR, share DOUBLE, years INTEGER",
            [(k, *kind) for k, kind in enumerate(TRAINING_KINDS)],
        ),
        "g_sessions": (
            "k INTEGER, session_date DATE, format VARCHAR, facilitator VARCHAR",
            [(k, *s) for k, s in enumerate(_sessions(as_of - timedelta(days=540), as_of))],
        ),
    }
    for name, (columns, rows) in tables.items():  # names and columns: from the dict above
        con.execute(f"CREATE TEMP TABLE {name} ({columns})")
        marks = ", ".join("?" * len(rows[0]))
        con.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)


def _profile_ranges() -> list[tuple[object, ...]]:
    """Returns [lo, hi) slices of [0, 1) per profile; the last one ends above 1."""
    out, lo = [], 0.0
    for profile, share in people.PROFILES:
        out.append((lo, lo + share, profile))
        lo += share
    out[-1] = (out[-1][0], 2.0, out[-1][2])
    return out


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
    """About 30 % answer the ProQOL 1-3 times, half a year apart; `stressed` ones burn out."""
    rows: list[Row] = []
    cast = con.execute("SELECT supporter_id, joined_on, profile FROM g_sup ORDER BY i").fetchall()
    for supporter_id, joined_on, profile in cast:
        if rng.random() >= 0.3:
            continue
        for r in range(rng.randint(1, 3)):
            day = as_of - timedelta(days=10 + 180 * r + rng.randint(0, 59))
            if day < joined_on:
                break
            strained = profile == "stressed" and r == 0
            answers = proqol_answers(
                compassion=rng.randint(2, 5),
                burnout_plain=rng.randint(4, 5) if strained else rng.randint(1, 3),
                burnout_reversed=rng.randint(1, 2) if strained else rng.randint(3, 5),
                trauma=rng.randint(3, 5) if strained else rng.randint(1, 3),
                missing=(rng.randint(1, 30),) if rng.random() < 0.02 else (),
            )
            rows.append({"supporter_id": supporter_id, "response_date": day, **answers})
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
